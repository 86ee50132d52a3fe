package dev.fedgate.gateway;

import dev.fedgate.gateway.api.AccountActions;
import dev.fedgate.gateway.api.Approvals;
import dev.fedgate.gateway.api.ChangeListener;
import dev.fedgate.gateway.api.LocalComments;
import dev.fedgate.gateway.api.SiteApi;
import dev.fedgate.gateway.api.SiteOutputs;
import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.CacheInvalidation;
import dev.fedgate.gateway.cache.StaleCache;
import dev.fedgate.gateway.config.ApiToken;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.config.PostgresUrl;
import dev.fedgate.gateway.delivery.DeliveryWorker;
import dev.fedgate.gateway.fetch.CachingRemoteFetcher;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.fetch.WebFingerClient;
import dev.fedgate.gateway.http.AccountActionRoutes;
import dev.fedgate.gateway.http.ActivityPubRoutes;
import dev.fedgate.gateway.http.AuthorizedFetch;
import dev.fedgate.gateway.http.GatewayRouter;
import dev.fedgate.gateway.http.HealthRoutes;
import dev.fedgate.gateway.http.InboxRoutes;
import dev.fedgate.gateway.http.MetricsRoutes;
import dev.fedgate.gateway.inbox.DomainBlocks;
import dev.fedgate.gateway.inbox.Inbox;
import dev.fedgate.gateway.http.NodeInfoRoutes;
import dev.fedgate.gateway.http.SiteApiRoutes;
import dev.fedgate.gateway.http.WebFingerRoutes;
import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.LocalCollections;
import dev.fedgate.gateway.metrics.GatewayMetrics;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.mapping.RenderedDocuments;
import dev.fedgate.gateway.outbox.OutboxRelay;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.outbox.RequestAnswers;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.webhook.WebhookWorker;
import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.KeyWrapper;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running gateway: its store, keys, HTTP server and public URLs. {@link #start} brings it up and fails as a whole
 * (closing what it opened) if any part cannot start; {@link #stop()} lets in-flight requests finish, then closes the
 * store.
 */
public final class Gateway {
  /** Store connections for request handling and queues; enough for two cores, bounded so the store is not flooded. */
  static final int DEFAULT_STORAGE_POOL_SIZE = 8;

  private final GatewayConfig config;
  private final Vertx vertx;
  private final HttpServer server;
  private final Services services;
  private final Outbound outbound;
  private final long pruneTimer;

  private Gateway(GatewayConfig config, Vertx vertx, HttpServer server, Services services, Outbound outbound,
      long pruneTimer) {
    this.config = config;
    this.vertx = vertx;
    this.server = server;
    this.services = services;
    this.outbound = outbound;
    this.pruneTimer = pruneTimer;
  }

  /**
   * Opens the store, makes sure the instance actor and its keys exist, binds the HTTP server and mounts the routes;
   * completes once requests can be served. On failure it closes what it opened (the store first, so the data
   * directory can be opened again at once).
   */
  public static CompletionStage<Gateway> start(GatewayConfig config, InstantSource clock) {
    return start(config, clock, Optional.empty(), Optional.empty());
  }

  /**
   * Like {@link #start(GatewayConfig, InstantSource)}, with the inbox fetching signing keys and forwarded objects
   * through {@code fetcher} instead of the network (tests serve documents from memory this way).
   */
  public static CompletionStage<Gateway> start(GatewayConfig config, InstantSource clock, RemoteFetcher fetcher) {
    return start(config, clock, Optional.of(fetcher), Optional.empty());
  }

  /**
   * Like {@link #start(GatewayConfig, InstantSource)}, with peers' host names resolved by {@code resolver} (tests map
   * names to private or metadata addresses to check the address guard).
   */
  public static CompletionStage<Gateway> start(GatewayConfig config, InstantSource clock, HostResolver resolver) {
    return start(config, clock, Optional.empty(), Optional.of(resolver));
  }

  private static CompletionStage<Gateway> start(GatewayConfig config, InstantSource clock,
      Optional<RemoteFetcher> fetcher, Optional<HostResolver> resolver) {
    Vertx vertx = Vertx.vertx();
    ExecutorService cpu = CpuPool.create();
    AtomicReference<StorageBackend> opened = new AtomicReference<>();
    CompletableFuture<Gateway> result = new CompletableFuture<>();
    vertx.executeBlocking(() -> prepareDataDirectory(config))
        .compose(token -> openStorage(config, clock)
            .onSuccess(opened::set)
            .compose(storage -> openInvalidation(config)
                .compose(invalidation -> prepare(config, storage, token, cpu, fetcher, resolver, clock, invalidation)))
            .compose(services -> listen(vertx, config, services, clock)))
        .onSuccess(result::complete)
        .onFailure(failure -> {
          CompletionStage<Void> closing = opened.get() == null
              ? CompletableFuture.completedFuture(null) : opened.get().close();
          closing.whenComplete((ignored, closeFailure) -> {
            vertx.close();
            cpu.shutdown();
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
        .poolSize(config.postgresUrl().isPresent() ? config.pgPoolSize() : DEFAULT_STORAGE_POOL_SIZE)
        .clock(clock)
        .webhooks(config.webhookUrl().isPresent());
    config.postgresUrl().map(PostgresUrl::toConnectionUri).ifPresent(settings::url);
    return Future.fromCompletionStage(StorageProviders.find(config.storage().configName()).open(settings.build()));
  }

  /** Caches are invalidated across nodes on PostgreSQL; the embedded store has one node, so in-process suffices. */
  private static Future<CacheInvalidation> openInvalidation(GatewayConfig config) {
    return config.postgresUrl()
        .map(url -> Future.fromCompletionStage(CacheInvalidation.overPostgres(url.toConnectionUri())))
        .orElseGet(() -> Future.succeededFuture(CacheInvalidation.inProcess()));
  }

  /** The instance actor signs fetches and is followable by instances; it and its keys exist from the first start on. */
  private static Future<Services> prepare(GatewayConfig config, StorageBackend storage, ApiToken token,
      ExecutorService cpu, Optional<RemoteFetcher> fetcher, Optional<HostResolver> resolver, InstantSource clock,
      CacheInvalidation invalidation) {
    LocalKeys keys = new LocalKeys(storage.localActors(), keyWrapper(config), cpu);
    CompletionStage<Services> ready = storage.localActors().ensureInstanceActor(LocalUrls.INSTANCE_ACTOR_NAME)
        .thenCompose(result -> {
          if (result == UpsertResult.NAME_TAKEN) {
            throw new IllegalStateException("the name '" + LocalUrls.INSTANCE_ACTOR_NAME
                + "' is reserved for the instance actor but an account or channel holds it");
          }
          return keys.ensureKeys(LocalUrls.INSTANCE_ACTOR_NAME);
        })
        .thenApply(ignored -> new Services(storage, keys, token, cpu, fetcher, new AtomicReference<>(),
            new GatewayMetrics(storage, clock), invalidation, resolver));
    return Future.fromCompletionStage(ready).onFailure(failure -> invalidation.close());
  }

  private static Optional<KeyWrapper> keyWrapper(GatewayConfig config) {
    if (config.keyEncryptionKey().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(KeyWrapper.fromBase64(config.keyEncryptionKey().get()));
    } catch (KeyFormatException e) {
      throw new IllegalArgumentException("--key-encryption-key: must be base64 of 32 bytes", e);
    }
  }

  private static Future<Gateway> listen(Vertx vertx, GatewayConfig config, Services services, InstantSource clock) {
    GatewayRouter router = GatewayRouter.create(vertx);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(config.host())
        .setPort(config.port())
        .setCompressionSupported(false);
    // Routes are mounted once the port is known (port 0 picks one), before the start future completes.
    return vertx.createHttpServer(options).requestHandler(router).listen().map(server -> {
      URI publicUrl = config.publicUrl().orElse(URI.create("http://localhost:" + server.actualPort()));
      LocalUrls urls = new LocalUrls(publicUrl);
      Outbound outbound = Outbound.start(vertx, config, urls, services, clock);
      outbound.deliveries().onCompleted((job, outcome) -> services.metrics().jobCompleted("delivery", outcome));
      outbound.webhooks().ifPresent(webhooks -> webhooks.onCompleted(
          (job, outcome) -> services.metrics().jobCompleted("webhook", outcome)));
      Inbox inbox = mountInbox(vertx, router, urls, config, services, services.fetcher().orElse(outbound.fetcher()),
          clock);
      inbox.pipeline().onSigned(signer -> outbound.deliveries().hostHealth()
          .contact(Delivery.hostOf(signer), clock.instant()));
      Optional<AuthorizedFetch> access = config.authorizedFetch()
          ? Optional.of(new AuthorizedFetch(inbox.pipeline(), urls)) : Optional.empty();
      mountRoutes(router, urls, services, config, clock, access, outbound.outbox());
      mountAccountActions(router, urls, services, outbound, clock);
      long pruneTimer = new Pruning(services.storage(), clock, config.seenRetention(), config.eventRetention())
          .schedule(vertx, Pruning.FIRST_ROUND_DELAY, Pruning.DEFAULT_INTERVAL);
      return new Gateway(config, vertx, server, services, outbound, pruneTimer);
    }).onFailure(failure -> services.invalidation().close());
  }

  private static void mountRoutes(GatewayRouter router, LocalUrls urls, Services services, GatewayConfig config,
      InstantSource clock, Optional<AuthorizedFetch> access, OutboxRelay outbox) {
    StorageBackend storage = services.storage();
    LocalObjects objects = LocalObjects.of(urls, storage, services.keys());
    RenderedDocuments documents = new RenderedDocuments(objects, services.cpu());
    services.metrics().cache("rendered-documents", documents::cacheStats);
    SiteApi siteApi = new SiteApi(storage, services.keys(), outbox,
        new ChangeListener() {
          @Override
          public void actorChanged(String name) {
            services.invalidation().changed(new CacheChange.LocalActor(name));
          }

          @Override
          public void videoChanged(UUID uuid) {
            services.invalidation().changed(new CacheChange.Video(uuid));
          }
        }, clock);
    services.invalidation().register(new StaleCache() {
      @Override
      public void invalidate(CacheChange change) {
        if (change instanceof CacheChange.LocalActor actor) {
          documents.invalidateActor(actor.name());
        } else if (change instanceof CacheChange.Video video) {
          documents.invalidateVideo(video.uuid());
        }
      }

      @Override
      public void invalidateAll() {
        documents.invalidateAll();
      }
    });
    router.mount(
        new NodeInfoRoutes(urls, storage),
        new WebFingerRoutes(urls, storage.localActors()),
        new HealthRoutes(storage),
        new MetricsRoutes(services.metrics()),
        new SiteApiRoutes(siteApi, new Approvals(storage, new RequestAnswers(storage.deliveryJobs(), urls), urls),
            new SiteOutputs(urls), services.apiToken(), config.maxBodyBytes()),
        new ActivityPubRoutes(documents, new LocalCollections(urls, storage, LocalCollections.DEFAULT_PAGE_SIZE),
            services.cpu(), access));
  }

  /** Account actions resolve targets through the inbox's fetcher and WebFinger over the guarded peer client. */
  private static void mountAccountActions(GatewayRouter router, LocalUrls urls, Services services, Outbound outbound,
      InstantSource clock) {
    StorageBackend storage = services.storage();
    RemoteFetcher fetcher = services.fetcher().orElse(outbound.fetcher());
    VocabReader reader = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
    RemoteActorLoader actors = new RemoteActorLoader(storage.remoteActors(), fetcher, reader, clock);
    services.invalidation().register(actors);
    LocalObjects objects = LocalObjects.of(urls, storage, services.keys());
    router.mount(new AccountActionRoutes(new AccountActions(urls, storage, actors, fetcher, reader,
        new WebFingerClient(outbound.peers(), "https"), clock), new LocalComments(urls, storage, objects, actors, clock),
        new SiteOutputs(urls)));
  }

  private static Inbox mountInbox(Vertx vertx, GatewayRouter router, LocalUrls urls, GatewayConfig config,
      Services services, RemoteFetcher fetcher, InstantSource clock) {
    Inbox inbox = Inbox.create(vertx, services.storage(), fetcher, urls, clock, services.cpu(), config.maxBodyBytes(),
        DomainBlocks.of(config.domainBlocks()), services.invalidation(), config.inboxLease());
    router.mount(new InboxRoutes(inbox.pipeline(), inbox.counters(), urls, services.storage().localActors(),
        config.maxBodyBytes(),
        inbox.worker()::poke));
    services.inbox().set(inbox);
    services.metrics().section("inbox", inbox.counters()::render);
    services.metrics().cache("remote-keys", inbox::keyCacheStats);
    services.metrics().cache("remote-actors", inbox::actorCacheStats);
    services.metrics().cache("inbox-videos", inbox::videoCacheStats);
    inbox.start();
    return inbox;
  }

  /**
   * Stops accepting, lets in-flight requests finish (up to the configured grace), then closes the store and Vert.x.
   * The result is a plain {@link CompletionStage}: once Vert.x is closed, no Vert.x context is left to run callbacks.
   */
  public CompletionStage<Void> stop() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Inbox inbox = services.inbox().get();
    vertx.cancelTimer(pruneTimer);
    server.shutdown(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)
        .eventually(() -> inbox == null ? Future.succeededFuture() : inbox.stop())
        .eventually(outbound::stop)
        .eventually(() -> Future.fromCompletionStage(services.invalidation().close()))
        .onComplete(shutdown -> services.storage().close().whenComplete((closed, storageFailure) ->
            vertx.close().onComplete(vertxClosed -> {
              services.cpu().shutdown();
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
    return config.publicUrl().orElse(URI.create("http://localhost:" + port()));
  }

  /** The Site API token, and where it is kept when generated. */
  public ApiToken apiToken() {
    return services.apiToken();
  }

  /** The open store. */
  public StorageBackend storage() {
    return services.storage();
  }

  /** The inbox: its pipeline, worker and counters. */
  public Optional<Inbox> inbox() {
    return Optional.ofNullable(services.inbox().get());
  }

  /** The local actors' keys. */
  public LocalKeys keys() {
    return services.keys();
  }

  /** Fetches remote documents signed as the instance actor, behind the address guard, through a cache. */
  public CachingRemoteFetcher fetcher() {
    return outbound.fetcher();
  }

  /** Sends queued deliveries; {@link DeliveryWorker#nudge()} it after queueing. */
  public DeliveryWorker deliveries() {
    return outbound.deliveries();
  }

  /** Sends queued webhooks to the site; empty when no webhook URL is configured. */
  public Optional<WebhookWorker> webhooks() {
    return outbound.webhooks();
  }
}
