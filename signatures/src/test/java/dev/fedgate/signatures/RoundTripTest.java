package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.SecretKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import dev.fedgate.signatures.keys.SigningKey;
import dev.fedgate.signatures.keys.VerifyingKey;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign then verify for every scheme and algorithm; tampering with each covered part gives the right reason. */
class RoundTripTest {
  static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
  static final PrivateKeyMaterial RSA = PrivateKeyMaterial.generateRsa(2048);
  static final PrivateKeyMaterial ED = PrivateKeyMaterial.generateEd25519();
  static final PrivateKeyMaterial EC = PrivateKeyMaterial.generateEcP256();
  static final VerificationPolicy ALL = VerificationPolicy.MASTODON_COMPATIBLE.toBuilder()
      .algorithms(EnumSet.allOf(SignatureAlgorithm.class)).build();
  static final byte[] BODY = "{\"type\":\"Follow\",\"actor\":\"https://video.example/accounts/alice\"}".getBytes(StandardCharsets.UTF_8);

  static HttpRequest post() {
    return HttpRequest.of("POST", URI.create("https://social.example/users/bob/inbox?x=1"),
        HttpHeaders.of("Content-Type", "application/activity+json"), BODY);
  }

  static HttpRequest get() {
    return HttpRequest.of("GET", URI.create("https://social.example:8443/users/bob?page=2"),
        HttpHeaders.of("Accept", "application/activity+json"));
  }

  static SecretKeyMaterial hmac() {
    try {
      return SecretKeyMaterial.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    } catch (KeyFormatException e) {
      throw new AssertionError(e);
    }
  }

  static Stream<Arguments> schemesAndAlgorithms() {
    List<Arguments> out = new ArrayList<>();
    for (SignatureScheme scheme : SignatureScheme.values()) {
      out.add(Arguments.of(scheme, SignatureAlgorithm.RSA_V1_5_SHA256, RSA, RSA.publicKey()));
      out.add(Arguments.of(scheme, SignatureAlgorithm.ED25519, ED, ED.publicKey()));
      out.add(Arguments.of(scheme, SignatureAlgorithm.ECDSA_P256_SHA256, EC, EC.publicKey()));
    }
    out.add(Arguments.of(SignatureScheme.RFC_9421, SignatureAlgorithm.RSA_PSS_SHA512, RSA, RSA.publicKey()));
    out.add(Arguments.of(SignatureScheme.RFC_9421, SignatureAlgorithm.HMAC_SHA256, hmac(), hmac()));
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("schemesAndAlgorithms")
  void signedRequests_verify(SignatureScheme scheme, SignatureAlgorithm alg, SigningKey signing, VerifyingKey verifying) {
    HttpSigner signer = HttpSigner.builder(signing, "https://video.example/accounts/alice#main-key")
        .scheme(scheme).algorithm(alg).build();
    for (HttpRequest request : List.of(post(), get())) {
      HttpRequest signed = signer.sign(request, NOW).request();
      ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(signed);
      VerificationResult result = HttpVerifier.create(verifying, alg, ALL).verify(signed, parsed, NOW.plusSeconds(30));

      assertThat(result).as(scheme + " " + alg + " " + request.method()).isInstanceOf(Verified.class);
      assertThat(((Verified) result).keyId()).isEqualTo("https://video.example/accounts/alice#main-key");
    }
  }

  @Test
  void cavageDefaults_areMastodonsHeaderSet() {
    SignedRequest signed = HttpSigner.create(RSA, "k", SignatureScheme.CAVAGE_12).sign(post(), NOW);
    String header = signed.addedHeaders().first("Signature").orElseThrow();

    assertThat(header).contains("algorithm=\"rsa-sha256\"").contains("headers=\"(request-target) host date digest content-type\"");
    assertThat(signed.addedHeaders().first("Date")).contains("Wed, 25 Nov 2026 04:00:00 GMT");
    assertThat(signed.addedHeaders().first("Host")).contains("social.example");
    assertThat(signed.addedHeaders().first("Digest")).hasValueSatisfying(d -> assertThat(d).startsWith("SHA-256="));
    String getHeader = HttpSigner.create(RSA, "k", SignatureScheme.CAVAGE_12).sign(get(), NOW).addedHeaders().first("Signature").orElseThrow();
    assertThat(getHeader).contains("headers=\"(request-target) host date\"");
  }

  @Test
  void rfc9421Defaults_coverMethodTargetAndContentDigest() {
    SignedRequest signed = HttpSigner.create(RSA, "k", SignatureScheme.RFC_9421).sign(post(), NOW);

    assertThat(signed.addedHeaders().first("Signature-Input")).contains(
        "sig1=(\"@method\" \"@target-uri\" \"content-digest\");created=" + NOW.getEpochSecond() + ";keyid=\"k\"");
    assertThat(signed.addedHeaders().first("Content-Digest")).hasValueSatisfying(d -> assertThat(d).startsWith("sha-256=:"));
  }

  static Map<String, UnaryOperator<HttpRequest>> cavageTampering() {
    return Map.of(
        "method", r -> HttpRequest.of("PUT", r.target(), r.headers(), r.body()),
        "path", r -> HttpRequest.of(r.method(), URI.create("https://social.example/users/eve/inbox?x=1"), r.headers(), r.body()),
        "host", r -> r.withHeaders(r.headers().replacing("Host", "evil.example")),
        "date", r -> r.withHeaders(r.headers().replacing("Date", "Wed, 25 Nov 2026 04:00:01 GMT")),
        "digest header", r -> r.withHeaders(r.headers().replacing("Digest", "SHA-256=" + java.util.Base64.getEncoder().encodeToString(new byte[32]))),
        "content-type", r -> r.withHeaders(r.headers().replacing("Content-Type", "text/html")));
  }

  @Test
  void tamperingEachCoveredCavageComponent_isBadSignature() {
    HttpRequest signed = HttpSigner.create(RSA, "k", SignatureScheme.CAVAGE_12).sign(post(), NOW).request();
    for (Map.Entry<String, UnaryOperator<HttpRequest>> t : cavageTampering().entrySet()) {
      HttpRequest tampered = t.getValue().apply(signed);
      VerificationResult r = verify(tampered, RSA, VerificationPolicy.MASTODON_COMPATIBLE);
      assertThat(r).as(t.getKey()).isEqualTo(new Rejected(RejectReason.BAD_SIGNATURE, "signature does not verify"));
    }
  }

  @Test
  void tamperingEachCoveredRfc9421Component_isBadSignature() {
    HttpSigner signer = HttpSigner.builder(RSA, "k").scheme(SignatureScheme.RFC_9421)
        .components(List.of("@method", "@target-uri", "@authority", "@path", "@query", "@query-param;name=\"x\"", "content-type", "content-digest"))
        .build();
    HttpRequest signed = signer.sign(post(), NOW).request();
    Map<String, UnaryOperator<HttpRequest>> tampering = Map.of(
        "method", r -> HttpRequest.of("PUT", r.target(), r.headers(), r.body()),
        "query", r -> HttpRequest.of(r.method(), URI.create("https://social.example/users/bob/inbox?x=2"), r.headers(), r.body()),
        "authority", r -> HttpRequest.of(r.method(), URI.create("https://evil.example/users/bob/inbox?x=1"), r.headers(), r.body()),
        "content-type", r -> r.withHeaders(r.headers().replacing("Content-Type", "text/html")),
        "content-digest", r -> r.withHeaders(r.headers().replacing("Content-Digest", "sha-256=:" + java.util.Base64.getEncoder().encodeToString(new byte[32]) + ":")));
    for (Map.Entry<String, UnaryOperator<HttpRequest>> t : tampering.entrySet()) {
      VerificationResult r = verify(t.getValue().apply(signed), RSA, VerificationPolicy.MASTODON_COMPATIBLE);
      assertThat(((Rejected) r).reason()).as(t.getKey()).isEqualTo(RejectReason.BAD_SIGNATURE);
    }
    assertThat(verify(signed, RSA, VerificationPolicy.MASTODON_COMPATIBLE)).isInstanceOf(Verified.class);
  }

  @Test
  void tamperedBody_isDigestMismatch_inBothSchemes() {
    for (SignatureScheme scheme : SignatureScheme.values()) {
      HttpRequest signed = HttpSigner.create(RSA, "k", scheme).sign(post(), NOW).request();
      HttpRequest tampered = signed.withBody("{\"type\":\"Delete\"}".getBytes(StandardCharsets.UTF_8));
      assertThat(((Rejected) verify(tampered, RSA, VerificationPolicy.MASTODON_COMPATIBLE)).reason())
          .as(scheme.name()).isEqualTo(RejectReason.DIGEST_MISMATCH);
    }
  }

  @Test
  void otherKey_isBadSignature_andRemovedDigest_isDigestMissing() {
    HttpRequest signed = HttpSigner.create(RSA, "k", SignatureScheme.CAVAGE_12).sign(post(), NOW).request();
    PrivateKeyMaterial other = PrivateKeyMaterial.generateRsa(2048);

    assertThat(((Rejected) verify(signed, other, VerificationPolicy.MASTODON_COMPATIBLE)).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
    HttpRequest noDigest = signed.withHeaders(signed.headers().without("Digest"));
    assertThat(((Rejected) verify(noDigest, RSA, VerificationPolicy.MASTODON_COMPATIBLE)).reason()).isEqualTo(RejectReason.MALFORMED);
  }

  @Test
  void clockWindow_followsMastodon() {
    HttpRequest signed = HttpSigner.create(RSA, "k", SignatureScheme.CAVAGE_12).sign(post(), NOW).request();
    VerificationPolicy p = VerificationPolicy.MASTODON_COMPATIBLE;
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(signed);
    HttpVerifier v = HttpVerifier.create(RSA.publicKey(), p);

    assertThat(v.verify(signed, parsed, NOW.plus(Duration.ofMinutes(65)))).isInstanceOf(Verified.class);
    assertThat(((Rejected) v.verify(signed, parsed, NOW.plus(Duration.ofMinutes(65)).plusSeconds(1))).reason()).isEqualTo(RejectReason.EXPIRED);
    assertThat(v.verify(signed, parsed, NOW.minus(Duration.ofHours(1)))).isInstanceOf(Verified.class);
    assertThat(((Rejected) v.verify(signed, parsed, NOW.minus(Duration.ofHours(1)).minusSeconds(1))).reason()).isEqualTo(RejectReason.NOT_YET_VALID);
  }

  @Test
  void expiresBeyondTwelveHours_isCappedAtTwelve() {
    HttpRequest request = HttpRequest.of("GET", URI.create("https://social.example/x"), HttpHeaders.of("Host", "social.example"));
    long created = NOW.getEpochSecond();
    String input = "sig1=(\"@method\" \"@target-uri\");created=" + created + ";expires=" + (created + 86400) + ";keyid=\"k\"";
    HttpRequest signed = signWith9421Input(request, input);
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(signed);
    HttpVerifier v = HttpVerifier.create(RSA.publicKey(), VerificationPolicy.MASTODON_COMPATIBLE);

    assertThat(v.verify(signed, parsed, NOW.plus(Duration.ofHours(13)))).isInstanceOf(Verified.class);
    assertThat(((Rejected) v.verify(signed, parsed, NOW.plus(Duration.ofHours(13)).plusSeconds(1))).reason()).isEqualTo(RejectReason.EXPIRED);
  }

  @Test
  void signatureParams_useTheExactReceivedText_notAReserialisation() {
    HttpRequest request = HttpRequest.of("GET", URI.create("https://social.example/x"), HttpHeaders.of("Host", "social.example"));
    // Two spaces between items are valid RFC 8941 but not canonical; the base must carry them as received.
    String input = "sig1=(\"@method\"  \"@target-uri\");keyid=\"k\";created=" + NOW.getEpochSecond();
    HttpRequest signed = signWith9421Input(request, input);

    assertThat(verify(signed, RSA, VerificationPolicy.MASTODON_COMPATIBLE)).isInstanceOf(Verified.class);
  }

  @Test
  void cavageWithoutQueryInRequestTarget_isAcceptedOnlyWhenThePolicySaysSo() {
    HttpRequest unsigned = HttpRequest.of("GET", URI.create("https://social.example/users/bob"), HttpHeaders.empty());
    HttpRequest signed = HttpSigner.create(RSA, "k", SignatureScheme.CAVAGE_12).sign(unsigned, NOW).request();
    HttpRequest withQuery = HttpRequest.of("GET", URI.create("https://social.example/users/bob?foo=42"), signed.headers());
    VerificationPolicy strict = VerificationPolicy.MASTODON_COMPATIBLE.toBuilder().acceptRequestTargetWithoutQuery(false).build();

    assertThat(verify(withQuery, RSA, VerificationPolicy.MASTODON_COMPATIBLE)).isInstanceOf(Verified.class);
    assertThat(((Rejected) verify(withQuery, RSA, strict)).reason()).isEqualTo(RejectReason.BAD_SIGNATURE);
  }

  static HttpRequest signWith9421Input(HttpRequest request, String input) {
    HttpRequest withInput = request.withHeaders(request.headers().with("Signature-Input", input).with("Signature", "sig1=:AA==:"));
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(withInput);
    String base = "\"@method\": GET\n\"@target-uri\": " + request.target() + "\n\"@signature-params\": " + input.substring(5);
    byte[] sig = RSA.sign(SignatureAlgorithm.RSA_V1_5_SHA256, base.getBytes(StandardCharsets.UTF_8));
    assertThat(parsed.keyId()).isEqualTo("k");
    return request.withHeaders(request.headers().with("Signature-Input", input)
        .with("Signature", "sig1=:" + java.util.Base64.getEncoder().encodeToString(sig) + ":"));
  }

  static VerificationResult verify(HttpRequest request, PrivateKeyMaterial key, VerificationPolicy policy) {
    ParseResult parsed = SignatureParser.parse(request);
    return parsed instanceof ParsedSignature p ? HttpVerifier.create(key.publicKey(), policy).verify(request, p, NOW) : (Rejected) parsed;
  }
}
