package dev.fedgate.gateway.fetch;

import java.net.URI;
import java.util.Objects;

/** A fetch that failed, with the reason and the URL; the detail is safe to log but not to send to a peer verbatim. */
public final class FetchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final FetchFailure failure;
  private final URI url;

  /** {@code url} could not be fetched because of {@code failure}. */
  public FetchException(FetchFailure failure, URI url, String detail, Throwable cause) {
    super(failure + " fetching " + url + ": " + detail, cause);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.url = url;
  }

  /** Why it failed. */
  public FetchFailure failure() {
    return failure;
  }

  /** What was fetched. */
  public URI url() {
    return url;
  }
}
