package dev.fedgate.signatures.digest;

/** Outcome of checking a digest field against body bytes. */
public enum DigestCheck {
  /** Every supported algorithm in the field matches the body. */
  MATCH,
  /** A supported algorithm's value differs from the body's hash. */
  MISMATCH,
  /** The field names no algorithm we support (SHA-256, SHA-512). */
  NO_SUPPORTED_ALGORITHM,
  /** The field cannot be parsed. */
  MALFORMED
}
