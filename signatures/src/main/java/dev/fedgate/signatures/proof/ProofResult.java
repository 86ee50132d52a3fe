package dev.fedgate.signatures.proof;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The outcome of verifying a document proof: {@link Verified} or {@link Rejected}, never an exception. */
public sealed interface ProofResult permits ProofResult.Verified, ProofResult.Rejected {

  /**
   * The proof verified with the given key.
   *
   * <p>It says only that the holder of {@code keyId}'s key signed this document. The caller must still check that the
   * key belongs to the actor the document speaks for (the key's {@code owner}/{@code controller} is the activity's
   * {@code actor}), as for HTTP signatures.
   *
   * @param keyId the {@code verificationMethod} (FEP-8b32) or {@code creator} (RsaSignature2017)
   * @param suite which proof format verified
   * @param created the proof's creation time, when it states one
   */
  record Verified(URI keyId, ProofSuite suite, Optional<Instant> created) implements ProofResult {
    /** Checks that no component is null. */
    public Verified {
      Objects.requireNonNull(keyId, "keyId");
      Objects.requireNonNull(suite, "suite");
      Objects.requireNonNull(created, "created");
    }
  }

  /**
   * The proof was refused, with a reason to branch on and a detail for logs (it may quote the document; do not show
   * it to the sender verbatim).
   */
  record Rejected(ProofRejectReason reason, String detail) implements ProofResult, ProofParse {
    /** Checks that no component is null. */
    public Rejected {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
