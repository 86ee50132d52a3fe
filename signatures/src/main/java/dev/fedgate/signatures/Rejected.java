package dev.fedgate.signatures;

import java.util.Objects;

/** A refused signature with its reason and a client-safe detail (no secrets, no remote body). */
public record Rejected(RejectReason reason, String detail) implements VerificationResult, ParseResult {
  /** Both parts are required. */
  public Rejected {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  /** For callers whose key lookup found nothing for the keyId. */
  public static Rejected unknownKey(String keyId) {
    return new Rejected(RejectReason.UNKNOWN_KEY, "no key for keyId " + keyId);
  }
}
