package dev.fedgate.signatures;

/** Why a signature was refused; stable names for metrics and problem details. */
public enum RejectReason {
  /** No signature header, or not the label the policy asks for. */
  NO_SIGNATURE,
  /** A header or parameter cannot be parsed, or a covered component cannot be built. */
  MALFORMED,
  /** The scheme is not accepted by the policy. */
  SCHEME_NOT_ACCEPTED,
  /** The algorithm is unknown or not accepted by the policy. */
  UNSUPPORTED_ALGORITHM,
  /** The declared algorithm does not fit the key. */
  ALGORITHM_KEY_MISMATCH,
  /** The key is smaller than the policy's minimum (legacy 1024-bit RSA). */
  KEY_TOO_WEAK,
  /** The signature does not cover what the policy requires, or lacks a required parameter. */
  REQUIRED_COMPONENT_MISSING,
  /** A body digest is required or covered but absent, or names no supported algorithm. */
  DIGEST_MISSING,
  /** The body does not match its digest. */
  DIGEST_MISMATCH,
  /** The signature is past its expiry plus the allowed skew. */
  EXPIRED,
  /** The signature time is further in the future than the allowed skew. */
  NOT_YET_VALID,
  /** The cryptographic check failed. */
  BAD_SIGNATURE,
  /** The caller found no key for the keyId. */
  UNKNOWN_KEY
}
