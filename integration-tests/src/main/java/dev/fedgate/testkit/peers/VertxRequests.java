package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;

/** A request a loopback server received, as the signature verifier reads it. */
final class VertxRequests {
  private VertxRequests() {}

  /** The request's headers, with {@code Host} added from the authority (or {@code fallbackHost}) when absent. */
  static HttpHeaders headers(RoutingContext ctx, String fallbackHost) {
    HttpHeaders.Builder builder = HttpHeaders.builder();
    ctx.request().headers().forEach(h -> builder.add(h.getKey(), h.getValue()));
    HttpHeaders received = builder.build();
    // Vert.x 5 keeps the Host of an HTTP/1.1 request as its authority, not among the headers; signatures cover it.
    String authority = ctx.request().authority() == null ? fallbackHost : ctx.request().authority().toString();
    return received.contains("Host") ? received : received.with("Host", authority);
  }

  /** The request to verify: method, the target as the sender addressed it, headers and body. */
  static HttpRequest toSigned(RoutingContext ctx, String method, String fallbackHost, byte[] body) {
    HttpHeaders headers = headers(ctx, fallbackHost);
    URI target = URI.create("http://" + headers.first("Host").orElse(fallbackHost) + ctx.request().uri());
    return HttpRequest.of(method, target, headers, body);
  }
}
