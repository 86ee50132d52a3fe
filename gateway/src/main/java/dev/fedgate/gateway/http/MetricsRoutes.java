package dev.fedgate.gateway.http;

import dev.fedgate.gateway.metrics.GatewayMetrics;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /metrics}: the Prometheus text exposition of {@link GatewayMetrics}. */
public final class MetricsRoutes implements RouteGroup {
  private final GatewayMetrics metrics;

  /** Serves {@code metrics}. */
  public MetricsRoutes(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void mount(Router router) {
    router.get("/metrics").handler(this::scrape);
  }

  private void scrape(RoutingContext ctx) {
    StorageFutures.onContext(ctx, metrics.scrape())
        .onSuccess(text -> ctx.response()
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .end(text))
        .onFailure(ctx::fail);
  }
}
