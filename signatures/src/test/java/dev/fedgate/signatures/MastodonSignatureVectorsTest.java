package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.keys.PublicKeyMaterial;
import dev.fedgate.signatures.keys.VerifyingKey;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mastodon's signed-request vectors (../shared/fixtures/mastodon/signature-vectors, SOURCE.md): each gives the
 * outcome Mastodon reaches, with "now" = 2023-12-20T10:00:00Z as its specs travel to.
 */
class MastodonSignatureVectorsTest {
  static final Instant NOW = Instant.parse("2023-12-20T10:00:00Z");
  static final String DIR = "mastodon/signature-vectors/";

  static VerifyingKey key(String file) throws Exception {
    return PublicKeyMaterial.fromPem(TestMessages.fixtureText(DIR + file));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "cavage-get.http, VERIFIED, remote-domain-bob-rsa-public.pem",
      "cavage-get-acct-keyid.http, VERIFIED, remote-domain-bob-rsa-public.pem",
      "cavage-get-query.http, VERIFIED, remote-domain-bob-rsa-public.pem",
      "cavage-get-expired-date.http, EXPIRED, remote-domain-bob-rsa-public.pem",
      "cavage-post.http, VERIFIED, remote-domain-bob-rsa-public.pem",
      "cavage-post-digest-not-signed.http, DIGEST_MISSING, remote-domain-bob-rsa-public.pem",
      "rfc9421-get.http, VERIFIED, remote-domain-bob-rsa-public.pem",
      "rfc9421-get-query.http, VERIFIED, remote-domain-bob-rsa-public.pem",
      "rfc9421-post.http, VERIFIED, remote-domain-bob-rsa-public.pem",
      "rfc9421-ed25519-get.http, VERIFIED, remote-domain-bob-ed25519-public.pem",
  })
  void mastodonVector_givesMastodonsOutcome(String file, String outcome, String keyFile) throws Exception {
    HttpRequest request = TestMessages.rawRequest(DIR + file);
    ParsedSignature parsed = (ParsedSignature) SignatureParser.parse(request);
    VerificationResult result = HttpVerifier.create(key(keyFile), VerificationPolicy.MASTODON_COMPATIBLE).verify(request, parsed, NOW);

    if (outcome.equals("VERIFIED")) {
      assertThat(result).isInstanceOf(Verified.class);
    } else {
      assertThat(((Rejected) result).reason()).isEqualTo(RejectReason.valueOf(outcome));
    }
  }

  @ParameterizedTest
  @CsvSource({"cavage-get-acct-keyid.http, acct:bob@remote.domain", "cavage-get.http, https://remote.domain/users/bob#main-key"})
  void keyId_isReadBeforeVerifying(String file, String keyId) {
    assertThat(((ParsedSignature) SignatureParser.parse(TestMessages.rawRequest(DIR + file))).keyId()).isEqualTo(keyId);
  }
}
