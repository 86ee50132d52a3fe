package dev.fedgate.gateway.fetch;

/** Why a remote fetch failed; {@link #retryable()} tells an inbox whether to answer 503 (retry) or 4xx. */
public enum FetchFailure {
  /** The remote answered 404. */
  NOT_FOUND(false),
  /** The remote answered 410: the thing is gone for good. */
  GONE(false),
  /** The remote refused us (401/403), e.g. authorized fetch without accepting our signature. */
  REFUSED(false),
  /** The address resolves to a private, loopback, link-local or metadata address, and that is not allowed. */
  FORBIDDEN_ADDRESS(false),
  /** The URL is not http(s), or https is required and it is http. */
  BAD_URL(false),
  /** The body exceeded the cap. */
  TOO_LARGE(false),
  /** The response is not an ActivityPub JSON document. */
  BAD_CONTENT_TYPE(false),
  /** The document's {@code id} differs from the URL asked for, or a redirect left the origin. */
  ID_MISMATCH(false),
  /** Too many redirects. */
  TOO_MANY_REDIRECTS(false),
  /** The inbound request's fetch budget is spent. */
  BUDGET_EXHAUSTED(false),
  /** Connection refused, reset, DNS failure, or a 5xx/429 answer. */
  NETWORK(true),
  /** No answer within the timeout. */
  TIMEOUT(true);

  private final boolean retryable;

  FetchFailure(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether trying again later may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
