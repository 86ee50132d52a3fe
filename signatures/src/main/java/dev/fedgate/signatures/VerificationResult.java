package dev.fedgate.signatures;

/** Outcome of verifying a signed message: {@link Verified} or {@link Rejected}; never an exception. */
public sealed interface VerificationResult permits Verified, Rejected {
  /** True for {@link Verified}. */
  default boolean isVerified() {
    return this instanceof Verified;
  }
}
