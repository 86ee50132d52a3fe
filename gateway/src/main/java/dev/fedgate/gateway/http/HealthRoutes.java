package dev.fedgate.gateway.http;

import dev.fedgate.gateway.storage.StorageBackend;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /health}: 200 when the store answers, 503 otherwise, with the storage status in the body. */
public final class HealthRoutes implements RouteGroup {
  private final StorageBackend storage;

  /** Health of the gateway as far as {@code storage} tells. */
  public HealthRoutes(StorageBackend storage) {
    this.storage = storage;
  }

  /** Adds the route to {@code router}. */
  @Override
  public void mount(Router router) {
    router.get("/health").handler(this::health);
  }

  private void health(RoutingContext ctx) {
    StorageFutures.onContext(ctx, storage.ping()).onComplete(result -> {
      JsonObject storageStatus = new JsonObject().put("status", result.succeeded() ? "up" : "down");
      if (result.failed()) {
        storageStatus.put("detail", "storage is not answering");
      }
      ctx.response()
          .setStatusCode(result.succeeded() ? 200 : 503)
          .putHeader("Content-Type", "application/json")
          .putHeader("Cache-Control", "no-store")
          .end(new JsonObject()
              .put("status", result.succeeded() ? "up" : "down")
              .put("storage", storageStatus)
              .encode());
    });
  }
}
