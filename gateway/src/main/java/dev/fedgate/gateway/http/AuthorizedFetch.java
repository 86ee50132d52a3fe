package dev.fedgate.gateway.http;

import dev.fedgate.gateway.inbox.InboxPipeline;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.signatures.HttpRequest;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.net.URISyntaxException;

/**
 * Mastodon's "secure mode" for our documents: every actor, object and collection GET must carry a valid HTTP signature
 * from an actor whose key we can fetch, else 401. The instance actor stays public, because peers fetch it to verify
 * the signatures our own fetches carry (WebFinger, NodeInfo and host-meta are not routed through here).
 */
public final class AuthorizedFetch implements Handler<RoutingContext> {
  private final InboxPipeline pipeline;
  private final LocalUrls urls;

  /** Checks signatures with the inbox's signature step; ids from {@code urls}. */
  public AuthorizedFetch(InboxPipeline pipeline, LocalUrls urls) {
    this.pipeline = pipeline;
    this.urls = urls;
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().path().equals(urls.instanceActor().getRawPath())) {
      ctx.next();
      return;
    }
    HttpRequest request;
    try {
      request = SignedRequests.of(ctx, urls, new byte[0]);
    } catch (URISyntaxException e) {
      ctx.fail(new FedgateException(ProblemType.UNAUTHORIZED, "the Host header or the request target is malformed"));
      return;
    }
    pipeline.verifyFetch(request).onSuccess(signer -> ctx.next()).onFailure(ctx::fail);
  }
}
