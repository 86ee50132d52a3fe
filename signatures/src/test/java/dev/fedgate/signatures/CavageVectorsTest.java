package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.signatures.internal.CavageSigningString;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * draft-cavage-12 Appendix C (C.1–C.3) and the §2.3 canonicalisation example, from ../shared/vectors/cavage-12.json.
 * The draft's key is 1024-bit, which Tink refuses, so the signatures are checked through plain JCE here (test-only).
 */
class CavageVectorsTest {
  static final JsonNode V = TestMessages.vector("cavage-12.json");
  static final HttpRequest REQUEST = TestMessages.request(V.get("request"));

  static JsonNode testCase(int i) {
    return V.get("cases").get(i);
  }

  static boolean jceVerify(String signingString, String signatureB64) throws Exception {
    String pem = V.get("key").get("public_pem").asText().replaceAll("-----[A-Z ]+-----|\\s", "");
    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    Signature sig = Signature.getInstance("SHA256withRSA");
    sig.initVerify(key);
    sig.update(signingString.getBytes(StandardCharsets.UTF_8));
    return sig.verify(Base64.getDecoder().decode(signatureB64));
  }

  static String signingString(HttpRequest request, ParsedSignature parsed) throws Exception {
    return CavageSigningString.build(request, parsed.coveredComponents(), parsed.createdRaw(), parsed.expiresRaw(), true);
  }

  @Test
  void defaultTest_c1_usesDateAndMatches() throws Exception {
    JsonNode c = testCase(0);
    HttpRequest request = REQUEST.withHeaders(REQUEST.headers().with("Signature", c.get("signature_header").asText()));
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(request);

    assertThat(parsed.coveredComponents()).containsExactly("date");
    assertThat(signingString(request, parsed)).isEqualTo(c.get("signing_string").asText());
    assertThat(jceVerify(signingString(request, parsed), c.get("signature_b64").asText())).isTrue();
  }

  @Test
  void basicTest_c2_authorizationFormMatches() throws Exception {
    JsonNode c = testCase(1);
    HttpRequest request = REQUEST.withHeaders(REQUEST.headers().with("Authorization", c.get("authorization_header").asText()));
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(request);

    assertThat(parsed.keyId()).isEqualTo("Test");
    assertThat(signingString(request, parsed)).isEqualTo(c.get("signing_string").asText());
    assertThat(jceVerify(signingString(request, parsed), c.get("signature_b64").asText())).isTrue();
  }

  @Test
  void allHeadersTest_c3_workingVectorMatches() throws Exception {
    JsonNode w = testCase(2).get("working_vector");
    String header = "keyId=\"Test\",algorithm=\"rsa-sha256\",headers=\"" + w.get("headers_param").asText()
        + "\",signature=\"" + w.get("signature_b64").asText() + "\"";
    HttpRequest request = REQUEST.withHeaders(REQUEST.headers().with("Signature", header));
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(request);

    assertThat(signingString(request, parsed)).isEqualTo(w.get("signing_string").asText());
    assertThat(jceVerify(signingString(request, parsed), w.get("signature_b64").asText())).isTrue();
  }

  @Test
  void allHeadersTest_c3_asPrinted_isRefusedForPseudoHeadersWithRsaSha256() throws Exception {
    JsonNode c = testCase(2);
    HttpRequest request = REQUEST.withHeaders(REQUEST.headers().with("Signature", c.get("signature_header_as_printed").asText()));
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(request);

    assertThat(signingString(request, parsed)).isEqualTo(c.get("signing_string_per_headers_param").asText());
    assertThat(jceVerify(signingString(request, parsed), c.get("signature_b64").asText())).isFalse();
  }

  @Test
  void canonicalisation_section23_foldsJoinsAndKeepsEmptyValues() throws Exception {
    JsonNode c = V.get("section_2_3_example");
    HttpHeaders headers = HttpHeaders.of("Host", "example.org", "Date", "Tue, 07 Jun 2014 20:51:35 GMT",
        "X-Example", "Example header\r\n    with some whitespace.", "X-EmptyHeader", "",
        "Cache-Control", "max-age=60", "Cache-Control", "must-revalidate");
    HttpRequest request = HttpRequest.of("GET", URI.create("https://example.org/foo"), headers);
    String params = c.get("headers_param").asText();

    String text = CavageSigningString.build(request, java.util.List.of(params.split(" ")),
        Optional.of(c.get("created").asText()), Optional.empty(), true);
    assertThat(text).isEqualTo(c.get("signing_string").asText());
  }
}
