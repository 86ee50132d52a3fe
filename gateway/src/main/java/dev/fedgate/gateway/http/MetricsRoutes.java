package dev.fedgate.gateway.http;

import dev.fedgate.gateway.metrics.GatewayMetrics;
import dev.fedgate.gateway.metrics.GatewayMetrics.Collector;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /metrics}: the Prometheus text exposition of {@link GatewayMetrics}, all of it, or only the collectors
 * named by {@code ?collect[]=process} and {@code ?collect[]=store} (as node_exporter's {@code collect[]}).
 */
public final class MetricsRoutes implements RouteGroup {
  static final String COLLECT = "collect[]";
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
    StorageFutures.onContext(ctx, metrics.scrape(collectors(ctx.queryParam(COLLECT))))
        .onSuccess(text -> ctx.response()
            .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
            .putHeader("Cache-Control", "no-store")
            .end(text))
        .onFailure(ctx::fail);
  }

  private static Set<Collector> collectors(List<String> names) {
    if (names.isEmpty()) {
      return EnumSet.allOf(Collector.class);
    }
    Set<Collector> collectors = EnumSet.noneOf(Collector.class);
    for (String name : names) {
      collectors.add(Arrays.stream(Collector.values()).filter(collector -> collector.label().equals(name)).findFirst()
          .orElseThrow(() -> new FedgateException(ProblemType.INVALID_REQUEST, COLLECT + " must be one of "
              + Arrays.stream(Collector.values()).map(Collector::label).toList(), COLLECT, null)));
    }
    return collectors;
  }
}
