package dev.fedgate.signatures.proof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.testdata.SharedData;
import java.nio.file.Files;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Base58BtcTest {
  private static JsonNode fep() throws Exception {
    return new ObjectMapper().readTree(Files.readString(SharedData.vector("fep-8b32-eddsa-jcs-2022.json")));
  }

  @Test
  void encodeMultibase_matchesW3cProofValue() throws Exception {
    JsonNode expected = fep().get("vc_di_eddsa_jcs_2022").get("expected");
    byte[] signature = HexFormat.of().parseHex(expected.get("sigHex").asText());
    assertThat(Base58Btc.encodeMultibase(signature)).isEqualTo(expected.get("sigBTC58").asText());
    assertThat(Base58Btc.decodeMultibase(expected.get("sigBTC58").asText())).contains(signature);
  }

  @Test
  void decodeMultibase_readsEd25519Multikey() throws Exception {
    JsonNode key = fep().get("key");
    byte[] multikey = Base58Btc.decodeMultibase(key.get("publicKeyMultibase").asText()).orElseThrow();
    assertThat(HexFormat.of().formatHex(multikey)).isEqualTo("ed01" + key.get("public_hex").asText());
  }

  @Test
  void roundTrip_keepsLeadingZeroBytes() {
    byte[] bytes = {0, 0, 1, 2, (byte) 0xff};
    String encoded = Base58Btc.encodeMultibase(bytes);
    assertThat(encoded).startsWith("z11");
    assertThat(Base58Btc.decodeMultibase(encoded)).contains(bytes);
    assertThat(Base58Btc.decodeMultibase("z1")).contains(new byte[] {0});
  }

  @Test
  void decodeMultibase_refusesOtherBasesBadDigitsAndOverlongInput() {
    assertThat(Base58Btc.decodeMultibase("uAAAA")).isEmpty();
    assertThat(Base58Btc.decodeMultibase("z0OIl")).isEmpty();
    assertThat(Base58Btc.decodeMultibase("z")).isEmpty();
    assertThat(Base58Btc.decodeMultibase("z" + "2".repeat(Base58Btc.MAX_ENCODED_LENGTH))).isEmpty();
  }
}
