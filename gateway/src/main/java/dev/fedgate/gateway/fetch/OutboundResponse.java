package dev.fedgate.gateway.fetch;

import dev.fedgate.signatures.HttpHeaders;
import java.util.Objects;

/**
 * A remote answer as read within the body cap: status, headers, the body bytes read, and whether the body went over
 * the cap (reading then stopped and the connection was dropped).
 */
public record OutboundResponse(int status, HttpHeaders headers, byte[] body, boolean truncated) {
  /** Checks presence and copies the body. */
  public OutboundResponse {
    Objects.requireNonNull(headers, "headers");
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** A copy of the body bytes read. */
  @Override
  public byte[] body() {
    return body.clone();
  }
}
