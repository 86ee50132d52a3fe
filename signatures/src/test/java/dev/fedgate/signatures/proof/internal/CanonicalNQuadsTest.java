package dev.fedgate.signatures.proof.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.testdata.SharedData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

class CanonicalNQuadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode vector() throws Exception {
    return JSON.readTree(Files.readString(SharedData.vector("ld-signature-rsasignature2017.json")));
  }

  @Test
  void of_optionsMatchVector() throws Exception {
    JsonNode v = vector();
    assertThat(CanonicalNQuads.of(CanonicalNQuads.toJsonLd(v.get("options"))))
        .isEqualTo(v.get("options_nquads").asText());
  }

  @Test
  void of_documentWithAstralCharacterMatchesJsonLdJs() throws Exception {
    JsonNode v = vector();
    assertThat(CanonicalNQuads.of(CanonicalNQuads.toJsonLd(v.get("unsigned_activity"))))
        .isEqualTo(v.get("document_nquads").asText());
  }

  @Test
  void toBeSigned_matchesVector() throws Exception {
    JsonNode v = vector();
    byte[] toBeSigned = LdSignatureInput.toBeSigned(v.get("options_nquads").asText(),
        v.get("document_nquads").asText());
    assertThat(new String(toBeSigned, StandardCharsets.US_ASCII)).isEqualTo(v.get("to_be_signed").asText());
  }

  @Test
  void of_writesIntegralNumbersAsIntegersLikeJsonLdJs() throws Exception {
    JsonNode doc = JSON.readTree("{\"@context\":\"https://www.w3.org/ns/activitystreams\","
        + "\"id\":\"https://a.example/x\",\"https://a.example/ns#n\":[1.0,2.5]}");
    assertThat(CanonicalNQuads.of(CanonicalNQuads.toJsonLd(doc)))
        .contains("\"1\"^^<http://www.w3.org/2001/XMLSchema#integer>")
        .contains("\"2.5E0\"^^<http://www.w3.org/2001/XMLSchema#double>");
  }
}
