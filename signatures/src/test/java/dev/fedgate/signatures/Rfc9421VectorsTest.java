package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.signatures.internal.SignatureBase;
import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import dev.fedgate.signatures.keys.SecretKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import dev.fedgate.signatures.keys.SigningKey;
import dev.fedgate.signatures.keys.VerifyingKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** RFC 9421 Appendix B.2.1–B.2.6, B.3, B.4 and §4.3, from ../shared/vectors/rfc9421.json. */
class Rfc9421VectorsTest {
  static final JsonNode V = TestMessages.vector("rfc9421.json");
  static final Instant SIGNED = Instant.ofEpochSecond(1618884473);
  /** Every algorithm, no coverage rules, no clock limit worth noting: the vectors test the mechanics only. */
  static final VerificationPolicy ANY = VerificationPolicy.builder()
      .schemes(EnumSet.allOf(SignatureScheme.class)).algorithms(EnumSet.allOf(SignatureAlgorithm.class))
      .maxValidity(java.time.Duration.ofDays(365)).build();

  static Stream<String> appendixB2() {
    return Stream.of("B.2.1", "B.2.2", "B.2.3", "B.2.5", "B.2.6");
  }

  static JsonNode testCase(String id) {
    for (JsonNode c : V.get("cases")) {
      if (c.get("id").asText().equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException(id);
  }

  static VerifyingKey publicKey(String keyId) throws KeyFormatException {
    JsonNode k = V.get("keys").get(keyId);
    if (keyId.equals("test-shared-secret")) {
      return SecretKeyMaterial.of(Base64.getDecoder().decode(k.get("base64").asText()));
    }
    return PublicKeyMaterial.fromJwk(k.get("jwk").toString());
  }

  static SigningKey privateKey(String keyId) throws KeyFormatException {
    JsonNode k = V.get("keys").get(keyId);
    if (keyId.equals("test-shared-secret")) {
      return SecretKeyMaterial.of(Base64.getDecoder().decode(k.get("base64").asText()));
    }
    return PrivateKeyMaterial.fromJwk(k.get("jwk").toString());
  }

  static HttpRequest signedRequest(String messageName, String input, String signature) {
    HttpRequest base = TestMessages.request(V.get("messages").get(messageName));
    return base.withHeaders(base.headers().with("Signature-Input", input).with("Signature", signature));
  }

  @ParameterizedTest
  @MethodSource("appendixB2")
  void signatureBaseAndVerification_matchAppendixB2(String id) throws Exception {
    JsonNode c = testCase(id);
    HttpRequest request = signedRequest("test-request", c.get("signature_input_header").asText(), c.get("signature_header").asText());
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(request);

    assertThat(SignatureBase.build(request, parsed.rfc9421Components(), parsed.rfc9421Params()))
        .isEqualTo(c.get("signature_base").asText());
    assertThat(parsed.label()).contains(c.get("label").asText());
    assertThat(parsed.nonce().orElse(null)).isEqualTo(c.get("signature_params").path("nonce").textValue());
    assertThat(parsed.tag().orElse(null)).isEqualTo(c.get("signature_params").path("tag").textValue());
    SignatureAlgorithm alg = SignatureAlgorithm.fromRfc9421Name(c.get("alg").asText()).orElseThrow();
    assertThat(HttpVerifier.create(publicKey(c.get("keyid").asText()), alg, ANY).verify(request, parsed, SIGNED))
        .isInstanceOf(Verified.class);
  }

  @ParameterizedTest
  @MethodSource("appendixB2")
  void deterministicSignatures_areReproducedByteForByte(String id) throws Exception {
    JsonNode c = testCase(id);
    if (!c.get("deterministic").asBoolean()) {
      return;
    }
    SignatureAlgorithm alg = SignatureAlgorithm.fromRfc9421Name(c.get("alg").asText()).orElseThrow();
    byte[] signature = privateKey(c.get("keyid").asText()).sign(alg, c.get("signature_base").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getEncoder().encodeToString(signature)).isEqualTo(c.get("signature_b64").asText());
  }

  @Test
  void responseSignature_b24_verifiesWithStatusComponent() throws Exception {
    JsonNode c = testCase("B.2.4");
    // The printed test-response carries a wrong Content-Digest (vectors README); the base shows the right one.
    String digest = c.get("signature_base").asText().lines().filter(l -> l.startsWith("\"content-digest\""))
        .findFirst().orElseThrow().substring("\"content-digest\": ".length());
    HttpResponse response = TestMessages.response(V.get("messages").get("test-response"), Optional.empty());
    response = response.withHeaders(response.headers().replacing("Content-Digest", digest)
        .with("Signature-Input", c.get("signature_input_header").asText()).with("Signature", c.get("signature_header").asText()));
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(response);

    assertThat(SignatureBase.build(response, parsed.rfc9421Components(), parsed.rfc9421Params()))
        .isEqualTo(c.get("signature_base").asText());
    assertThat(HttpVerifier.create(publicKey("test-key-ecc-p256"), ANY).verify(response, parsed, SIGNED)).isInstanceOf(Verified.class);
  }

  @Test
  void tlsTerminatingProxy_b3_verifies() throws Exception {
    JsonNode c = V.get("extra").get(0);
    HttpRequest request = TestMessages.request(c.get("message"));
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(request, Optional.of("ttrp"));

    assertThat(SignatureBase.build(request, parsed.rfc9421Components(), parsed.rfc9421Params()))
        .isEqualTo(c.get("signature_base").asText());
    assertThat(HttpVerifier.create(publicKey("test-key-ecc-p256"), ANY).verify(request, parsed, SIGNED)).isInstanceOf(Verified.class);
  }

  @Test
  void multipleSignatures_43_verifyTheRequestedLabel() throws Exception {
    JsonNode c = V.get("extra").get(1);
    HttpRequest original = TestMessages.request(c.get("client_message"));
    // The printed forwarded body starts with a stray LF (RFC layout); the content is the client's.
    HttpRequest forwarded = TestMessages.request(c.get("message")).withBody(original.body());
    ParsedSignature proxy = (ParsedSignature) SignatureParser.parse(forwarded, Optional.of("proxy_sig"));
    ParsedSignature client = (ParsedSignature) SignatureParser.parse(forwarded, Optional.of("sig1"));
    Instant at = Instant.ofEpochSecond(1618884480);

    assertThat(SignatureBase.build(forwarded, proxy.rfc9421Components(), proxy.rfc9421Params()))
        .isEqualTo(c.get("proxy_sig").get("signature_base").asText());
    assertThat(HttpVerifier.create(publicKey("test-key-rsa"), ANY).verify(forwarded, proxy, at)).isInstanceOf(Verified.class);
    byte[] resigned = privateKey("test-key-rsa").sign(SignatureAlgorithm.RSA_V1_5_SHA256,
        c.get("proxy_sig").get("signature_base").asText().getBytes(StandardCharsets.UTF_8));
    assertThat(Base64.getEncoder().encodeToString(resigned)).isEqualTo(c.get("proxy_sig").get("signature_b64").asText());
    // sig1 was made over the client's message; the proxy changed @authority, so it fails on the forwarded one.
    assertThat(((Rejected) HttpVerifier.create(publicKey("test-key-ecc-p256"), ANY).verify(forwarded, client, at)).reason())
        .isEqualTo(RejectReason.BAD_SIGNATURE);
    assertThat(SignatureBase.build(original, client.rfc9421Components(), client.rfc9421Params()))
        .isEqualTo(c.get("sig1").get("signature_base_reconstructed").asText());
  }

  @Test
  void policyLabel_selectsOnlyThatSignature() throws Exception {
    JsonNode c = V.get("extra").get(1);
    HttpRequest forwarded = TestMessages.request(c.get("message"));
    ParsedSignature first = (ParsedSignature) SignatureParser.parse(forwarded);
    VerificationPolicy proxyOnly = ANY.toBuilder().label(Optional.of("proxy_sig")).build();

    assertThat(first.label()).contains("sig1");
    assertThat(((Rejected) HttpVerifier.create(publicKey("test-key-ecc-p256"), proxyOnly)
        .verify(forwarded, first, Instant.ofEpochSecond(1618884480))).reason()).isEqualTo(RejectReason.NO_SIGNATURE);
  }

  @Test
  void transformations_b4_keepOrBreakTheSignatureAsTheRfcSays() throws Exception {
    JsonNode c = V.get("extra").get(2);
    VerifyingKey key = publicKey("test-key-ed25519");
    List<Boolean> outcomes = new java.util.ArrayList<>();
    List<Boolean> expected = new java.util.ArrayList<>();
    for (JsonNode variant : c.get("variants")) {
      HttpRequest request = TestMessages.request(variant.get("message"));
      ParseResult parsed = SignatureParser.parse(request, Optional.of("transform"));
      outcomes.add(parsed instanceof ParsedSignature p
          && HttpVerifier.create(key, ANY).verify(request, p, Instant.ofEpochSecond(1618884473)).isVerified());
      expected.add(variant.get("signature_valid").asBoolean());
    }
    assertThat(outcomes).isEqualTo(expected);
  }
}
