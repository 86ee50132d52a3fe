package dev.fedgate.signatures;

import java.util.Objects;

/** A signed request, and the header fields signing added or replaced (copy these onto the outgoing request). */
public record SignedRequest(HttpRequest request, HttpHeaders addedHeaders) {
  /** Both parts are required. */
  public SignedRequest {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(addedHeaders, "addedHeaders");
  }
}
