package dev.fedgate.vocab;

/** Why a document was refused; each maps to one refusal reason in the gateway. */
public enum VocabProblem {
  /** Not JSON, or not a JSON object where one is needed. */
  MALFORMED_JSON,
  /** A size, depth, array-length or string-length limit was exceeded. */
  LIMIT_EXCEEDED,
  /** An {@code @context} we do not bundle and will not fetch. */
  UNKNOWN_CONTEXT,
  /** A context that is malformed or cannot be processed. */
  INVALID_CONTEXT,
  /** A required property is absent. */
  MISSING_PROPERTY,
  /** A property holds the wrong JSON type or an unparseable value. */
  INVALID_VALUE,
  /** The object breaks a rule a peer applies (PeerTube or Mastodon validation). */
  RULE_VIOLATION
}
