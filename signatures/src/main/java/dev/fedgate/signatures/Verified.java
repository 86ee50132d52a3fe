package dev.fedgate.signatures;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A valid signature: who signed (the keyId the caller resolved), with which scheme, over what, and when. */
public record Verified(String keyId, SignatureScheme scheme, List<String> coveredComponents, Optional<Instant> created)
    implements VerificationResult {
  /** Copies the list. */
  public Verified {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(scheme, "scheme");
    coveredComponents = List.copyOf(coveredComponents);
    Objects.requireNonNull(created, "created");
  }
}
