package dev.fedgate.gateway.http;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;

/** The signature module's view of an incoming request: method, absolute target, headers as sent, body bytes. */
final class SignedRequests {
  private SignedRequests() {}

  /**
   * The request as its signer saw it. Vert.x 5 keeps the HTTP/1.1 Host header as the request's authority, not among
   * the headers; signatures cover it, so it is put back.
   *
   * @throws URISyntaxException when the Host header or the request target is malformed
   */
  static HttpRequest of(RoutingContext ctx, LocalUrls urls, byte[] body) throws URISyntaxException {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    ctx.request().headers().forEach(header -> headers.add(header.getKey(), header.getValue()));
    String host = ctx.request().authority() == null ? urls.webfingerHost() : ctx.request().authority().toString();
    if (ctx.request().getHeader("Host") == null) {
      headers.add("Host", host);
    }
    URI target = new URI(urls.base().getScheme() + "://" + host + ctx.request().uri());
    return HttpRequest.of(ctx.request().method().name(), target, headers.build(), body);
  }
}
