package dev.fedgate.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * The gateway's request handler: one router whose every failure, unknown path and wrong method answers
 * problem+json. Route groups are mounted once the server knows its public URL.
 */
public final class GatewayRouter implements Handler<HttpServerRequest> {
  private final Router router;

  private GatewayRouter(Router router) {
    this.router = router;
  }

  /** An empty router with the problem+json failure handling in place. */
  public static GatewayRouter create(Vertx vertx) {
    Router router = Router.router(vertx);
    router.route().failureHandler(ProblemResponses::handleFailure);
    router.errorHandler(404, ProblemResponses::handleFailure);
    router.errorHandler(405, ProblemResponses::handleFailure);
    return new GatewayRouter(router);
  }

  /** Mounts {@code groups} in order (earlier groups match first). */
  public void mount(RouteGroup... groups) {
    for (RouteGroup group : groups) {
      group.mount(router);
    }
  }

  @Override
  public void handle(HttpServerRequest request) {
    router.handle(request);
  }
}
