package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rejection reason, from the input that causes it. */
class HttpVerifierTest {
  static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
  static final PrivateKeyMaterial RSA = PrivateKeyMaterial.generateRsa(2048);
  static final PrivateKeyMaterial ED = PrivateKeyMaterial.generateEd25519();
  static final VerificationPolicy MASTODON = VerificationPolicy.MASTODON_COMPATIBLE;

  static HttpRequest get(String... headers) {
    return HttpRequest.of("GET", URI.create("https://social.example/users/bob"), HttpHeaders.of(headers));
  }

  static RejectReason reason(HttpRequest request, PublicKeyMaterial key, VerificationPolicy policy) {
    ParseResult parsed = SignatureParser.parse(request);
    VerificationResult r = parsed instanceof ParsedSignature p ? HttpVerifier.create(key, policy).verify(request, p, NOW) : (Rejected) parsed;
    return r instanceof Rejected rejected ? rejected.reason() : null;
  }

  static HttpRequest signedGet(PrivateKeyMaterial key, SignatureScheme scheme, List<String> components) {
    return HttpSigner.builder(key, "k").scheme(scheme).components(components).build().sign(get(), NOW).request();
  }

  @Test
  void unsignedRequest_isNoSignature() {
    assertThat(reason(get("Host", "social.example"), RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.NO_SIGNATURE);
  }

  @Test
  void duplicateParameters_andMissingKeyId_areMalformed() {
    assertThat(reason(get("Signature", "keyId=\"a\",keyId=\"b\",signature=\"AA==\""), RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.MALFORMED);
    assertThat(reason(get("Signature", "signature=\"AA==\""), RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.MALFORMED);
    assertThat(reason(get("Signature-Input", "a=(\"@method\");keyid=\"k\", a=(\"@path\");keyid=\"k\"", "Signature", "a=:AA==:"),
        RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.MALFORMED);
    for (String params : new String[] {";keyid=1", ";keyid=\"k\";nonce=1", ";keyid=\"k\";created=\"1\"", ";keyid=\"k\";bogus=1"}) {
      assertThat(reason(get("Signature-Input", "a=(\"@method\")" + params, "Signature", "a=:AA==:"), RSA.publicKey(), MASTODON))
          .as(params).isEqualTo(RejectReason.MALFORMED);
    }
  }

  @Test
  void bogusSchemePrefix_andAuthorizationForm_areRead() {
    HttpRequest signed = signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("(request-target)", "host", "date"));
    String value = signed.headers().first("Signature").orElseThrow();
    HttpRequest prefixed = signed.withHeaders(signed.headers().replacing("Signature", "Signature " + value));
    HttpRequest authorization = signed.withHeaders(signed.headers().without("Signature").with("Authorization", "Signature " + value));

    assertThat(reason(prefixed, RSA.publicKey(), MASTODON)).isNull();
    assertThat(reason(authorization, RSA.publicKey(), MASTODON)).isNull();
  }

  @Test
  void schemeOutsidePolicy_isSchemeNotAccepted() {
    HttpRequest signed = signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("(request-target)", "host", "date"));
    assertThat(reason(signed, RSA.publicKey(), VerificationPolicy.STRICT_RFC_9421)).isEqualTo(RejectReason.SCHEME_NOT_ACCEPTED);
  }

  @Test
  void unknownOrUnacceptedAlgorithm_isUnsupported() {
    HttpRequest signed = signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("(request-target)", "host", "date"));
    String value = signed.headers().first("Signature").orElseThrow().replace("rsa-sha256", "rsa-sha512");
    assertThat(reason(signed.withHeaders(signed.headers().replacing("Signature", value)), RSA.publicKey(), MASTODON))
        .isEqualTo(RejectReason.UNSUPPORTED_ALGORITHM);

    PrivateKeyMaterial ec = PrivateKeyMaterial.generateEcP256();
    HttpRequest ecSigned = signedGet(ec, SignatureScheme.RFC_9421, List.of("@method", "@target-uri"));
    assertThat(reason(ecSigned, ec.publicKey(), MASTODON)).isEqualTo(RejectReason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void declaredAlgorithmNotFittingTheKey_isMismatch() {
    HttpRequest cavage = signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("(request-target)", "host", "date"));
    assertThat(reason(cavage, ED.publicKey(), MASTODON)).isEqualTo(RejectReason.ALGORITHM_KEY_MISMATCH);

    HttpRequest withAlg = HttpSigner.builder(ED, "k").scheme(SignatureScheme.RFC_9421).includeAlg(true).build().sign(get(), NOW).request();
    assertThat(withAlg.headers().first("Signature-Input").orElseThrow()).contains(";alg=\"ed25519\"");
    assertThat(reason(withAlg, ED.publicKey(), MASTODON)).isNull();
    assertThat(reason(withAlg, RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.ALGORITHM_KEY_MISMATCH);
  }

  @Test
  void rsaPssKeyGivenPkcs1Signature_isMismatchNotBadSignature() {
    HttpRequest signed = HttpSigner.builder(RSA, "k").scheme(SignatureScheme.RFC_9421).includeAlg(true).build().sign(get(), NOW).request();
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(signed);
    VerificationResult r = HttpVerifier.create(RSA.publicKey(), SignatureAlgorithm.RSA_PSS_SHA512, MASTODON.toBuilder()
        .algorithms(java.util.EnumSet.allOf(SignatureAlgorithm.class)).build()).verify(signed, parsed, NOW);
    assertThat(((Rejected) r).reason()).isEqualTo(RejectReason.ALGORITHM_KEY_MISMATCH);
  }

  @Test
  void legacy1024BitKey_isKeyTooWeak() throws Exception {
    JsonNode v = TestMessages.vector("cavage-12.json");
    HttpRequest request = TestMessages.request(v.get("request"));
    request = request.withHeaders(request.headers().with("Authorization", v.get("cases").get(1).get("authorization_header").asText()));
    assertThat(reason(request, PublicKeyMaterial.fromPem(v.get("key").get("public_pem").asText()), MASTODON))
        .isEqualTo(RejectReason.KEY_TOO_WEAK);
  }

  @Test
  void missingRequiredCoverage_isRequiredComponentMissing() {
    assertThat(reason(signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("(request-target)", "date")), RSA.publicKey(), MASTODON))
        .isEqualTo(RejectReason.REQUIRED_COMPONENT_MISSING);
    assertThat(reason(signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("host", "date")), RSA.publicKey(), MASTODON))
        .isEqualTo(RejectReason.REQUIRED_COMPONENT_MISSING);
    assertThat(reason(signedGet(RSA, SignatureScheme.RFC_9421, List.of("@method", "@authority", "@path")), RSA.publicKey(), MASTODON))
        .isEqualTo(RejectReason.REQUIRED_COMPONENT_MISSING);
  }

  @Test
  void rfc9421WithoutCreated_isRequiredComponentMissing() {
    HttpRequest r = get("Host", "social.example", "Signature-Input", "sig1=(\"@method\" \"@target-uri\");keyid=\"k\"", "Signature", "sig1=:AA==:");
    assertThat(reason(r, RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.REQUIRED_COMPONENT_MISSING);
  }

  @Test
  void pseudoHeadersWithRsaSha256_areMalformed_butFineWithHs2019() {
    HttpRequest ed = signedGet(ED, SignatureScheme.CAVAGE_12, List.of("(request-target)", "host", "(created)"));
    assertThat(ed.headers().first("Signature").orElseThrow()).contains("algorithm=\"hs2019\"").contains("created=");
    assertThat(reason(ed, ED.publicKey(), MASTODON)).isNull();

    HttpRequest rsaCreated = signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("(request-target)", "host", "(created)"));
    assertThat(rsaCreated.headers().first("Signature").orElseThrow()).contains("algorithm=\"hs2019\"");
    assertThat(reason(rsaCreated, RSA.publicKey(), MASTODON)).isNull();

    String rsaValue = ed.headers().first("Signature").orElseThrow().replace("hs2019", "rsa-sha256");
    assertThat(reason(ed.withHeaders(ed.headers().replacing("Signature", rsaValue)), RSA.publicKey(), MASTODON))
        .isEqualTo(RejectReason.MALFORMED);
  }

  @Test
  void coveredHeaderAbsent_isMalformed_andUnparsableDate_isMalformed() {
    HttpRequest signed = signedGet(RSA, SignatureScheme.CAVAGE_12, List.of("(request-target)", "host", "date"));
    assertThat(reason(signed.withHeaders(signed.headers().without("Host")), RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.MALFORMED);
    assertThat(reason(signed.withHeaders(signed.headers().replacing("Date", "yesterday")), RSA.publicKey(), MASTODON)).isEqualTo(RejectReason.MALFORMED);
  }

  @Test
  void labelAbsent_isNoSignature() {
    HttpRequest signed = signedGet(RSA, SignatureScheme.RFC_9421, List.of("@method", "@target-uri"));
    assertThat(SignatureParser.parse(signed, Optional.of("other"))).isEqualTo(new Rejected(RejectReason.NO_SIGNATURE, "no signature labelled other"));
  }

  @Test
  void unknownKey_isTheCallersResult() {
    assertThat(Rejected.unknownKey("https://gone.example/a#k").reason()).isEqualTo(RejectReason.UNKNOWN_KEY);
  }

  @Test
  void verified_reportsKeySchemeCoverageAndTime() {
    HttpRequest signed = signedGet(ED, SignatureScheme.RFC_9421, List.of("@method", "@target-uri"));
    Verified v = (Verified) HttpVerifier.create(ED.publicKey(), MASTODON).verify(signed, (ParsedSignature) SignatureParser.parse(signed), NOW);
    assertThat(v).isEqualTo(new Verified("k", SignatureScheme.RFC_9421, List.of("@method", "@target-uri"), Optional.of(NOW)));
  }
}
