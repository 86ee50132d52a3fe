package dev.fedgate.it.hostile;

import dev.fedgate.signatures.HttpHeaders;
import java.net.URI;
import java.util.function.UnaryOperator;

/**
 * A POST exactly as an attacker sends it: target, headers (whatever was or was not signed) and body bytes;
 * {@code chunked} hides the length so the cap must hold while streaming.
 */
record RawRequest(URI target, HttpHeaders headers, byte[] body, boolean chunked) {

  /** The same request with its headers changed after signing. */
  RawRequest headers(UnaryOperator<HttpHeaders> change) {
    return new RawRequest(target, change.apply(headers), body, chunked);
  }

  /** The same signed headers and body sent to another target. */
  RawRequest sentTo(URI other) {
    return new RawRequest(other, headers, body, chunked);
  }

  /** The same headers with another body (after signing). */
  RawRequest body(byte[] other) {
    return new RawRequest(target, headers, other, chunked);
  }

  /** The same request without a Content-Length. */
  RawRequest streamed() {
    return new RawRequest(target, headers, body, true);
  }
}
