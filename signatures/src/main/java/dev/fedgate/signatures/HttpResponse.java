package dev.fedgate.signatures;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A response: status, headers, body, and optionally the request it answers (for RFC 9421 {@code ;req}). */
public final class HttpResponse implements HttpMessage {
  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;
  private final Optional<HttpRequest> request;

  private HttpResponse(int status, HttpHeaders headers, byte[] body, Optional<HttpRequest> request) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.request = request;
  }

  /** A response; status must be a three-digit code. */
  public static HttpResponse of(int status, HttpHeaders headers, byte[] body, Optional<HttpRequest> request) {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("status must have three digits");
    }
    return new HttpResponse(status, Objects.requireNonNull(headers), body.clone(), Objects.requireNonNull(request));
  }

  /** The status code. */
  public int status() {
    return status;
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The request this response answers, when known. */
  public Optional<HttpRequest> request() {
    return request;
  }

  /** A copy with different headers. */
  public HttpResponse withHeaders(HttpHeaders newHeaders) {
    return new HttpResponse(status, Objects.requireNonNull(newHeaders), body, request);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpResponse r && status == r.status && headers.equals(r.headers)
        && Arrays.equals(body, r.body) && request.equals(r.request);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, headers, Arrays.hashCode(body), request);
  }

  @Override
  public String toString() {
    return "HTTP " + status + " (" + headers.fields().size() + " headers, " + body.length + " body bytes)";
  }
}
