package dev.fedgate.signatures.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The usage shown in {@code docs/signatures-proofs.md}, compiled and run. */
class DocumentProofsExampleTest {
  private static final URI KEY_ID = URI.create("https://video.example/accounts/alice#ed25519-key");

  /** The caller's key lookup (a fetch and a cache in the gateway); here a map. */
  private interface Keys {
    PublicKeyVerify verifierFor(URI keyId, ProofSuite suite);
  }

  /** What the caller does with a received body: parse, resolve the key, verify. */
  private static String receive(byte[] body, Keys keys, Instant now) {
    ProofParse parsed = DocumentProofs.parse(body);
    if (parsed instanceof ProofResult.Rejected rejected) {
      return "refused: " + rejected.reason();
    }
    ParsedProof proof = (ParsedProof) parsed;
    PublicKeyVerify key = keys.verifierFor(proof.keyId(), proof.suite());
    ProofResult result = proof.verify(key, now);
    if (result instanceof ProofResult.Verified verified) {
      return "signed by " + verified.keyId();
    }
    return "refused: " + ((ProofResult.Rejected) result).reason();
  }

  @Test
  void signThenReceive_asTheDocsShow() throws GeneralSecurityException {
    PublicKeySign signer = TestKeys.fepSigner();
    Instant now = Instant.parse("2024-06-01T00:00:00Z");
    byte[] activity = ("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"type\":\"Create\","
        + "\"actor\":\"https://video.example/accounts/alice\"}").getBytes(StandardCharsets.UTF_8);

    byte[] signed = DocumentProofs.sign(activity, signer, KEY_ID, now);

    Map<URI, PublicKeyVerify> known = Map.of(KEY_ID, TestKeys.fepVerifier());
    assertThat(receive(signed, (keyId, suite) -> known.get(keyId), now)).isEqualTo("signed by " + KEY_ID);
    assertThat(receive(activity, (keyId, suite) -> known.get(keyId), now)).isEqualTo("refused: NO_PROOF");
  }
}
