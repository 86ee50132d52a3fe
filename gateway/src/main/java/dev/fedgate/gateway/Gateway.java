package dev.fedgate.gateway;

import dev.fedgate.gateway.config.ApiToken;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.http.HealthRoutes;
import dev.fedgate.gateway.http.NodeInfoRoutes;
import dev.fedgate.gateway.http.ProblemResponses;
import dev.fedgate.gateway.http.WebFingerRoutes;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running gateway: its store, its HTTP server and its public URLs. {@link #start} brings it up and fails as a whole
 * (closing what it opened) if any part cannot start; {@link #stop()} lets in-flight requests finish, then closes the
 * store.
 */
public final class Gateway {
  /** Store connections for request handling and queues; enough for two cores, bounded so the store is not flooded. */
  static final int DEFAULT_STORAGE_POOL_SIZE = 8;

  private final GatewayConfig config;
  private final Vertx vertx;
  private final HttpServer server;
  private final StorageBackend storage;
  private final ApiToken apiToken;
  private final URI publicUrl;

  private Gateway(GatewayConfig config, Vertx vertx, HttpServer server, StorageBackend storage, ApiToken apiToken,
      URI publicUrl) {
    this.config = config;
    this.vertx = vertx;
    this.server = server;
    this.storage = storage;
    this.apiToken = apiToken;
    this.publicUrl = publicUrl;
  }

  /**
   * Opens the store, binds the HTTP server and mounts the routes; completes once requests can be served. On failure
   * it closes what it opened (the store first, so the data directory can be opened again at once).
   */
  public static CompletionStage<Gateway> start(GatewayConfig config, InstantSource clock) {
    Vertx vertx = Vertx.vertx();
    AtomicReference<StorageBackend> opened = new AtomicReference<>();
    CompletableFuture<Gateway> result = new CompletableFuture<>();
    vertx.executeBlocking(() -> prepareDataDirectory(config))
        .compose(token -> openStorage(config, clock)
            .onSuccess(opened::set)
            .compose(storage -> prepareStorage(storage).compose(ignored -> listen(vertx, config, storage, token))))
        .onSuccess(result::complete)
        .onFailure(failure -> {
          CompletionStage<Void> closing = opened.get() == null
              ? CompletableFuture.completedFuture(null) : opened.get().close();
          closing.whenComplete((ignored, closeFailure) -> {
            vertx.close();
            result.completeExceptionally(failure);
          });
        });
    return result;
  }

  private static ApiToken prepareDataDirectory(GatewayConfig config) {
    try {
      Files.createDirectories(config.dataDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + config.dataDirectory(), e);
    }
    return ApiToken.resolve(config.apiToken(), config.dataDirectory(), new SecureRandom());
  }

  private static Future<StorageBackend> openStorage(GatewayConfig config, InstantSource clock) {
    StorageSettings.Builder settings = StorageSettings.builder()
        .dataDirectory(config.dataDirectory())
        .poolSize(DEFAULT_STORAGE_POOL_SIZE)
        .clock(clock);
    config.postgresUrl().map(PostgresUrl::toConnectionUri).ifPresent(settings::url);
    return Future.fromCompletionStage(StorageProviders.find(config.storage().configName()).open(settings.build()));
  }

  /** The instance actor signs fetches and is followable by instances; it exists from the first start on. */
  private static Future<Void> prepareStorage(StorageBackend storage) {
    return Future.fromCompletionStage(storage.localActors().ensureInstanceActor(LocalUrls.INSTANCE_ACTOR_NAME))
        .compose(result -> result == UpsertResult.NAME_TAKEN
            ? Future.failedFuture(new IllegalStateException("the name '" + LocalUrls.INSTANCE_ACTOR_NAME
                + "' is reserved for the instance actor but an account or channel holds it"))
            : Future.succeededFuture());
  }

  private static Future<Gateway> listen(Vertx vertx, GatewayConfig config, StorageBackend storage, ApiToken token) {
    Router router = Router.router(vertx);
    router.route().failureHandler(ProblemResponses::handleFailure);
    router.errorHandler(404, ProblemResponses::handleFailure);
    router.errorHandler(405, ProblemResponses::handleFailure);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(false);
    // Routes are mounted once the port is known (port 0 picks one), before the start future completes.
    return vertx.createHttpServer(options).requestHandler(router).listen().map(server -> {
      URI publicUrl = config.publicUrl().orElse(URI.create("http://localhost:" + server.actualPort()));
      LocalUrls urls = new LocalUrls(publicUrl);
      new NodeInfoRoutes(urls, storage).mount(router);
      new WebFingerRoutes(urls, storage.localActors()).mount(router);
      new HealthRoutes(storage).mount(router);
      return new Gateway(config, vertx, server, storage, token, publicUrl);
    });
  }

  /**
   * Stops accepting, lets in-flight requests finish (up to the configured grace), then closes the store and Vert.x.
   * The result is a plain {@link CompletionStage}: once Vert.x is closed, no Vert.x context is left to run callbacks.
   */
  public CompletionStage<Void> stop() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    server.shutdown(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS).onComplete(shutdown ->
        storage.close().whenComplete((closed, storageFailure) ->
            vertx.close().onComplete(vertxClosed -> {
              if (storageFailure != null) {
                done.completeExceptionally(storageFailure);
              } else {
                done.complete(null);
              }
            })));
    return done;
  }

  /** The port the HTTP server is bound to. */
  public int port() {
    return server.actualPort();
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:8080}. */
  public URI listenUrl() {
    String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
    return URI.create("http://" + host + ":" + port());
  }

  /** The public base URL every actor and object id is built under. */
  public URI publicUrl() {
    return publicUrl;
  }

  /** The Site API token, and where it is kept when generated. */
  public ApiToken apiToken() {
    return apiToken;
  }

  /** The open store. */
  public StorageBackend storage() {
    return storage;
  }
}
