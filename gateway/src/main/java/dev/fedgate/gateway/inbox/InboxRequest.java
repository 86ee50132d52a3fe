package dev.fedgate.gateway.inbox;

import dev.fedgate.signatures.HttpHeaders;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One POST to an inbox as received: the URL the client used (scheme and host as it addressed us, the raw path and
 * query), the headers, the raw body, and the local actor whose personal inbox it is (empty for the shared inbox).
 */
public record InboxRequest(URI target, HttpHeaders headers, byte[] body, Optional<String> recipient) {
  /** Checks presence; the body is kept as given (the caller does not change it afterwards). */
  public InboxRequest {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(recipient, "recipient");
  }
}
