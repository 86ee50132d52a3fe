package dev.fedgate.signatures.proof;

import com.google.crypto.tink.PublicKeyVerify;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * A document proof that has been read and whose document passed the shape checks, waiting for its key.
 *
 * <p>Parsing is separate from verifying, as for HTTP signatures: read {@link #keyId()}, resolve that key (a fetch,
 * a cache), then call {@link #verify}. The key must be of the kind {@link #suite()} names; with another kind the
 * result is {@link ProofRejectReason#BAD_SIGNATURE}.
 */
public sealed interface ParsedProof extends ProofParse permits SignedProof {

  /** The proof format. */
  ProofSuite suite();

  /** The key to resolve: {@code verificationMethod} (FEP-8b32) or {@code creator} (RsaSignature2017). */
  URI keyId();

  /** The creation time the proof states, if any. */
  Optional<Instant> created();

  /**
   * Verifies the proof with {@code key} at time {@code now} (a creation time later than {@code now} plus
   * {@link DocumentProofs#CLOCK_SKEW} is refused). Never throws for any document or key.
   */
  ProofResult verify(PublicKeyVerify key, Instant now);
}
