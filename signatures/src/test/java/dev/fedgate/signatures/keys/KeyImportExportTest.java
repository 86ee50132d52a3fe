package dev.fedgate.signatures.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.signatures.TestMessages;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Key formats against the RFC 9421 B.1 keys, FEP-521a Multikeys and Mastodon's test keys; round trips of every export. */
class KeyImportExportTest {
  static final JsonNode KEYS = TestMessages.vector("rfc9421.json").get("keys");
  static final JsonNode FEP = TestMessages.vector("fep-8b32-eddsa-jcs-2022.json");

  static String pem(String key, String member) {
    return KEYS.get(key).get(member).asText();
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-key-rsa", "test-key-rsa-pss", "test-key-ecc-p256", "test-key-ed25519"})
  void pemAndJwk_ofTheSameKey_areEqual(String name) throws Exception {
    PublicKeyMaterial fromPem = PublicKeyMaterial.fromPem(pem(name, "public_pem"));
    PrivateKeyMaterial privateFromPem = PrivateKeyMaterial.fromPem(pem(name, "private_pem"));
    PrivateKeyMaterial privateFromJwk = PrivateKeyMaterial.fromJwk(KEYS.get(name).get("jwk").toString());

    assertThat(fromPem).isEqualTo(PublicKeyMaterial.fromJwk(KEYS.get(name).get("jwk").toString()));
    assertThat(privateFromPem).isEqualTo(privateFromJwk);
    assertThat(privateFromPem.publicKey()).isEqualTo(fromPem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"test-key-rsa", "test-key-ecc-p256", "test-key-ed25519"})
  void everyExport_roundTrips(String name) throws Exception {
    PrivateKeyMaterial key = PrivateKeyMaterial.fromPem(pem(name, "private_pem"));
    PublicKeyMaterial pub = key.publicKey();

    assertThat(PublicKeyMaterial.fromPem(pub.toPem())).isEqualTo(pub);
    assertThat(PublicKeyMaterial.fromSpki(pub.toSpki())).isEqualTo(pub);
    assertThat(PublicKeyMaterial.fromJwk(pub.toJwk())).isEqualTo(pub);
    assertThat(PrivateKeyMaterial.fromPem(key.toPkcs8Pem(KeyExport.UNSAFE))).isEqualTo(key);
    assertThat(PrivateKeyMaterial.fromPkcs8(key.toPkcs8(KeyExport.UNSAFE))).isEqualTo(key);
    assertThat(PrivateKeyMaterial.fromJwk(key.toJwk(KeyExport.UNSAFE))).isEqualTo(key);
  }

  @Test
  void pkcs1RsaPublicPem_roundTrips() throws Exception {
    PublicKeyMaterial pub = PublicKeyMaterial.fromPem(pem("test-key-rsa", "public_pem"));
    assertThat(pub.toPkcs1Pem()).startsWith("-----BEGIN RSA PUBLIC KEY-----");
    assertThat(PublicKeyMaterial.fromPem(pub.toPkcs1Pem())).isEqualTo(pub);
    assertThat(pub.sizeBits()).isEqualTo(2048);
  }

  @Test
  void multikey_matchesFep521aVectors() throws Exception {
    JsonNode ed = FEP.get("fep_521a").get(0);
    JsonNode rsa = FEP.get("fep_521a").get(1);
    PublicKeyMaterial edKey = PublicKeyMaterial.fromEd25519(HexFormat.of().parseHex(ed.get("input_ed25519_public_hex").asText()));
    PublicKeyMaterial rsaKey = PublicKeyMaterial.fromPkcs1(HexFormat.of().parseHex(rsa.get("input_rsa_pkcs1_der_hex").asText()));

    assertThat(edKey.toMultikey()).isEqualTo(ed.get("publicKeyMultibase").asText());
    assertThat(rsaKey.toMultikey()).isEqualTo(rsa.get("publicKeyMultibase").asText());
    assertThat(PublicKeyMaterial.fromMultikey(rsa.get("publicKeyMultibase").asText())).isEqualTo(rsaKey);
    assertThat(PublicKeyMaterial.fromMultikey(ed.get("publicKeyMultibase").asText())).isEqualTo(edKey);
  }

  @Test
  void ed25519Seed_givesThePublishedMultikey() throws Exception {
    JsonNode k = FEP.get("key");
    PrivateKeyMaterial key = PrivateKeyMaterial.fromEd25519Seed(HexFormat.of().parseHex(k.get("seed_hex").asText()));
    assertThat(key.publicKey().toMultikey()).isEqualTo(k.get("publicKeyMultibase").asText());
  }

  @Test
  void mastodonTestKeys_pairUp() throws Exception {
    String dir = "mastodon/signature-vectors/";
    for (String name : new String[] {"remote-domain-bob-rsa", "remote-domain-bob-ed25519", "signing-keys-helpers-test-rsa"}) {
      PrivateKeyMaterial priv = PrivateKeyMaterial.fromPem(TestMessages.fixtureText(dir + name + "-private.pem"));
      PublicKeyMaterial pub = PublicKeyMaterial.fromPem(TestMessages.fixtureText(dir + name + "-public.pem"));
      assertThat(KeyPair.of(priv, pub).publicKey()).isEqualTo(priv.publicKey());
    }
  }

  @Test
  void mismatchedPair_isRefused() throws Exception {
    PrivateKeyMaterial a = PrivateKeyMaterial.fromPem(pem("test-key-rsa", "private_pem"));
    PublicKeyMaterial b = PublicKeyMaterial.fromPem(pem("test-key-rsa-pss", "public_pem"));
    assertThatThrownBy(() -> KeyPair.of(a, b)).isInstanceOf(KeyFormatException.class).hasMessageContaining("do not match");
    assertThatThrownBy(() -> KeyPair.of(a, PrivateKeyMaterial.generateEd25519().publicKey())).isInstanceOf(KeyFormatException.class);
  }

  @Test
  void generatedKeys_haveFediverseDefaults() {
    KeyPair rsa = KeyPair.generateRsa();
    assertThat(rsa.publicKey().type()).isEqualTo(KeyType.RSA);
    assertThat(rsa.publicKey().sizeBits()).isEqualTo(2048);
    assertThat(KeyPair.generateEd25519().publicKey().toMultikey()).startsWith("z6Mk");
    assertThatThrownBy(() -> PrivateKeyMaterial.generateRsa(1024)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void legacy1024BitKeys_publicImportable_privateRefused() throws Exception {
    JsonNode cavage = TestMessages.vector("cavage-12.json").get("key");
    PublicKeyMaterial weak = PublicKeyMaterial.fromPem(cavage.get("public_pem").asText());
    assertThat(weak.sizeBits()).isEqualTo(1024);
    assertThatThrownBy(() -> PrivateKeyMaterial.fromPem(cavage.get("private_pem").asText()))
        .isInstanceOf(KeyFormatException.class).hasMessageContaining("2048");
  }

  @Test
  void privateMaterial_isRedactedAndNeedsTheExportToken() throws Exception {
    PrivateKeyMaterial key = PrivateKeyMaterial.fromJwk(KEYS.get("test-key-rsa").get("jwk").toString());
    String d = new BigInteger(1, java.util.Base64.getUrlDecoder().decode(KEYS.get("test-key-rsa").get("jwk").get("d").asText())).toString();

    assertThat(key.toString()).contains("redacted").doesNotContain(d).doesNotContain(KEYS.get("test-key-rsa").get("jwk").get("d").asText());
    assertThat(SecretKeyMaterial.of(new byte[32]).toString()).contains("redacted");
    assertThatThrownBy(() -> key.toPkcs8(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> key.toJwk(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a key", "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----",
      "-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----", "-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----"})
  void garbage_isKeyFormatException(String text) {
    assertThatThrownBy(() -> PublicKeyMaterial.fromPem(text)).isInstanceOf(KeyFormatException.class);
    assertThatThrownBy(() -> PrivateKeyMaterial.fromPem(text)).isInstanceOf(KeyFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "[]", "{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}", "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}",
      "{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"AA\"}", "zzz", "{\"kty\":\"oct\"}"})
  void badJwk_isKeyFormatException(String json) {
    assertThatThrownBy(() -> PublicKeyMaterial.fromJwk(json)).isInstanceOf(KeyFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "z", "u6Mk", "z0OIl", "z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc"})
  void badMultikey_isKeyFormatException(String value) {
    assertThatThrownBy(() -> PublicKeyMaterial.fromMultikey(value)).isInstanceOf(KeyFormatException.class);
  }
}
