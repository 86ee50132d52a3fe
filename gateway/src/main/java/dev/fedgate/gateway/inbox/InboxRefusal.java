package dev.fedgate.gateway.inbox;

/**
 * Why the inbox refused a request, with the HTTP status and the stable {@code reason} slug used in the problem+json
 * body and as the metric label. 4xx is final (peers stop retrying), 5xx tells them to retry.
 */
public enum InboxRefusal {
  /** The recipient actor of a personal inbox does not exist. */
  UNKNOWN_RECIPIENT(404, "unknown-recipient"),
  /** The body exceeds the configured cap. */
  BODY_TOO_LARGE(413, "body-too-large"),
  /** The body is not ActivityPub JSON by its media type. */
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
  /** Not JSON, or not a JSON object with a string {@code id}, {@code type} and an {@code actor}. */
  MALFORMED_ACTIVITY(400, "malformed-activity"),
  /** Nesting, string or array length over the read limits. */
  LIMIT_EXCEEDED(400, "limit-exceeded"),
  /** No signature header, or a signature header that cannot be parsed. */
  SIGNATURE_MISSING(401, "signature-missing"),
  /** The signature, its digest or its time window does not verify. */
  SIGNATURE_INVALID(401, "signature-invalid"),
  /** The signing key cannot be found (its actor does not exist or does not publish it). */
  KEY_UNKNOWN(401, "key-unknown"),
  /** The signing key could not be fetched for now; retry later. */
  KEY_UNAVAILABLE(503, "key-unavailable"),
  /** The signer's or the actor's host is blocked. */
  DOMAIN_BLOCKED(403, "domain-blocked"),
  /** The activity breaks a vocabulary rule; the detail names the JSON pointer and the rule. */
  INVALID_ACTIVITY(400, "invalid-activity"),
  /** The activity id or an object it creates, updates or deletes is not on the actor's host. */
  ORIGIN_MISMATCH(403, "origin-mismatch"),
  /** Signed by someone other than its actor, without a valid document proof or a verifiable origin copy. */
  FORWARD_UNVERIFIED(401, "forward-unverified"),
  /** The store did not take the activity; retry later. */
  STORAGE_UNAVAILABLE(503, "storage-unavailable");

  private final int status;
  private final String reason;

  InboxRefusal(int status, String reason) {
    this.status = status;
    this.reason = reason;
  }

  /** The HTTP status answered. */
  public int status() {
    return status;
  }

  /** The stable slug: problem+json {@code reason} and metric label. */
  public String reason() {
    return reason;
  }
}
