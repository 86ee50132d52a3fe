package dev.fedgate.gateway.problem;

/**
 * Every kind of refusal or failure the gateway answers with, each with its HTTP status and a stable slug: the slug is
 * the {@code reason} in problem+json bodies, log lines and metric labels.
 */
public enum ProblemType {
  /** No route matches the path. */
  NOT_FOUND(404, "not-found", "Not found"),
  /** The route exists but not for this method. */
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  /** The body is larger than the configured cap. */
  BODY_TOO_LARGE(413, "body-too-large", "Request body too large"),
  /** The request body or a parameter is malformed or breaks a rule; the detail names the field. */
  INVALID_REQUEST(400, "invalid-request", "Invalid request"),
  /** The name or resource is held by something else. */
  CONFLICT(409, "conflict", "Conflict"),
  /** The resource existed and was deleted for good. */
  GONE(410, "gone", "Gone"),
  /** The body is not in a media type the endpoint reads. */
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  /** A missing or wrong Site API token. */
  UNAUTHORIZED(401, "unauthorized", "Unauthorized"),
  /** The store or another dependency cannot answer now; retry later. */
  UNAVAILABLE(503, "unavailable", "Service unavailable"),
  /** A fault of ours; the detail says nothing of it to the client. */
  INTERNAL(500, "internal", "Internal error");

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable short name: reason in bodies, logs and metrics. */
  public String slug() {
    return slug;
  }

  /** A short human-readable summary that does not change from occurrence to occurrence. */
  public String title() {
    return title;
  }

  /** The problem type URI of RFC 9457. */
  public String typeUri() {
    return "urn:fedgate:problem:" + slug;
  }
}
