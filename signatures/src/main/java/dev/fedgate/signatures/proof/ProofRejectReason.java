package dev.fedgate.signatures.proof;

/** Why a document proof was refused. */
public enum ProofRejectReason {
  /** The document carries neither a {@code proof} nor a {@code signature}. */
  NO_PROOF,
  /** The document or its proof is not what the proof format requires (missing member, wrong type, bad encoding). */
  MALFORMED,
  /** The proof's {@code type}, {@code cryptosuite} or {@code proofPurpose} is not one we verify. */
  UNSUPPORTED_SUITE,
  /** The document names a JSON-LD context that is not bundled; contexts are never fetched. */
  UNKNOWN_CONTEXT,
  /**
   * The document uses JSON-LD to say something other than what its JSON says, so the signed graph is not the JSON a
   * caller would act on (GHSA-9rfg-v8g9-9367, CVE-2026-46349, CVE-2026-50128).
   */
  RESTRUCTURED,
  /** The document is over a size, depth or node bound. */
  LIMIT_EXCEEDED,
  /** The signature does not verify with the given key. */
  BAD_SIGNATURE,
  /** The proof says it was created later than now plus the allowed clock skew. */
  CREATED_IN_FUTURE,
  /** The proof's {@code expires} time has passed. */
  EXPIRED
}
