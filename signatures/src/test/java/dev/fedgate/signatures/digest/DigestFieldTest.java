package dev.fedgate.signatures.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.signatures.TestMessages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 9530 and RFC 3230 vectors from ../shared/vectors/digest.json. */
class DigestFieldTest {
  static final JsonNode V = TestMessages.vector("digest.json");

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void contentDigest_verifiedVectors_matchAndRecompute() {
    int checked = 0;
    for (JsonNode c : V.get("rfc9530")) {
      if (c.get("verified").isBoolean() && c.get("verified").asBoolean() && c.has("value")) {
        byte[] content = bytes(c.get("content").asText());
        assertThat(DigestField.CONTENT_DIGEST.verify(List.of(c.get("value").asText()), content)).isEqualTo(DigestCheck.MATCH);
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);
  }

  @Test
  void appendixD_sha256AndSha512_areComputedExactly() {
    JsonNode d = V.get("rfc9530").get(5);
    byte[] content = bytes(d.get("content").asText());
    assertThat(DigestField.CONTENT_DIGEST.compute(content, DigestAlgorithm.SHA_256))
        .isEqualTo("sha-256=" + d.get("values").get("sha-256").asText());
    assertThat(DigestField.REPR_DIGEST.compute(content, DigestAlgorithm.SHA_512))
        .isEqualTo("sha-512=" + d.get("values").get("sha-512").asText());
  }

  @Test
  void legacyDigest_vectors_matchAndRecompute() {
    for (JsonNode c : V.get("rfc3230_digest")) {
      String value = c.get("header").asText().substring("Digest: ".length());
      byte[] content = bytes(c.get("content").asText());
      assertThat(DigestField.DIGEST.verify(List.of(value), content)).isEqualTo(DigestCheck.MATCH);
      assertThat(DigestField.DIGEST.compute(content, DigestAlgorithm.SHA_256)).isEqualTo(value);
    }
  }

  @Test
  void legacyDigest_algorithmNameIsCaseInsensitiveAndUnknownOnesAreIgnored() {
    byte[] body = bytes("{\"hello\": \"world\"}");
    String sha = DigestField.DIGEST.compute(body, DigestAlgorithm.SHA_256).substring("SHA-256=".length());
    assertThat(DigestField.DIGEST.verify(List.of("MD5=Sd/dVLAcvNLSq16eXua5uQ==,sha-256=" + sha), body)).isEqualTo(DigestCheck.MATCH);
  }

  @Test
  void mismatch_unsupportedOnly_andGarbage_areDistinguished() {
    byte[] body = bytes("hello");
    String other = DigestField.CONTENT_DIGEST.compute(bytes("hellO"), DigestAlgorithm.SHA_256);
    assertThat(DigestField.CONTENT_DIGEST.verify(List.of(other), body)).isEqualTo(DigestCheck.MISMATCH);
    assertThat(DigestField.CONTENT_DIGEST.verify(List.of("md5=:Sd/dVLAcvNLSq16eXua5uQ==:"), body)).isEqualTo(DigestCheck.NO_SUPPORTED_ALGORITHM);
    assertThat(DigestField.CONTENT_DIGEST.verify(List.of("sha-256=\"text\""), body)).isEqualTo(DigestCheck.MALFORMED);
    assertThat(DigestField.DIGEST.verify(List.of("SHA-256=not base64!"), body)).isEqualTo(DigestCheck.MALFORMED);
  }

  @Test
  void everySupportedValueMustMatch_notJustOne() {
    byte[] body = bytes("hello");
    String good = DigestField.CONTENT_DIGEST.compute(body, DigestAlgorithm.SHA_256);
    String bad = DigestField.CONTENT_DIGEST.compute(bytes("x"), DigestAlgorithm.SHA_512);
    assertThat(DigestField.CONTENT_DIGEST.verify(List.of(good, bad), body)).isEqualTo(DigestCheck.MISMATCH);
  }
}
