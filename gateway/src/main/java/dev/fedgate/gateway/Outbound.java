package dev.fedgate.gateway;

import dev.fedgate.gateway.cache.CacheChange;
import dev.fedgate.gateway.cache.StaleCache;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.delivery.DeliverySettings;
import dev.fedgate.gateway.delivery.DeliveryWorker;
import dev.fedgate.gateway.delivery.QueueWorker;
import dev.fedgate.gateway.fetch.AddressGuard;
import dev.fedgate.gateway.fetch.CachingHostResolver;
import dev.fedgate.gateway.fetch.CachingRemoteFetcher;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.gateway.fetch.HttpRemoteFetcher;
import dev.fedgate.gateway.fetch.OutboundHttp;
import dev.fedgate.gateway.fetch.OutboundSigner;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.outbox.OutboxRelay;
import dev.fedgate.gateway.outbox.QueueingPublisher;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.webhook.WebhookWorker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;

/** The fetcher and the outbound workers, with the HTTP clients they send through. */
record Outbound(OutboundHttp peers, OutboundHttp site, CachingRemoteFetcher fetcher, DeliveryWorker deliveries,
    Optional<WebhookWorker> webhooks, OutboxRelay outbox) {

  static Outbound start(Vertx vertx, GatewayConfig config, LocalUrls urls, Services services, InstantSource clock) {
    String userAgent = "Fedgate/" + GatewayVersion.get() + " (+" + urls.base() + ")";
    CachingHostResolver system = new CachingHostResolver(HostResolver.system(vertx), CachingHostResolver.DEFAULT_TTL,
        clock);
    services.metrics().cache("host-addresses", system::cacheStats);
    OutboundHttp peers = OutboundHttp.create(vertx, AddressGuard.create(
        services.resolver().orElse(system), config.allowPrivateAddresses()),
        OutboundHttp.DEFAULT_CONNECT_TIMEOUT, userAgent);
    // The webhook URL is the operator's own site, often on a private network next to the gateway.
    OutboundHttp site = OutboundHttp.create(vertx, AddressGuard.create(system, true),
        OutboundHttp.DEFAULT_CONNECT_TIMEOUT, userAgent);
    OutboundSigner signer = new OutboundSigner(services.keys(), services.storage().localActors(), urls,
        services.cpu(), clock);
    CachingRemoteFetcher fetcher = new CachingRemoteFetcher(new HttpRemoteFetcher(vertx, peers, signer,
        HttpRemoteFetcher.DEFAULT_TIMEOUT, HttpRemoteFetcher.DEFAULT_MAX_BODY), clock,
        CachingRemoteFetcher.DEFAULT_MAX_BYTES);
    services.invalidation().register(remoteDocuments(fetcher));
    DeliverySettings settings = config.delivery();
    DeliveryWorker deliveries = DeliveryWorker.create(vertx, services.storage(), peers, signer, clock,
        new SecureRandom(), settings);
    Optional<WebhookWorker> webhooks = config.webhookUrl().map(url -> WebhookWorker.create(vertx,
        services.storage().webhookJobs(), url, config.webhookSecret().orElseThrow(), site, clock,
        new SecureRandom(), settings.retry(), new QueueWorker.Settings(WebhookWorker.DEFAULT_MAX_IN_FLIGHT,
            DeliverySettings.DEFAULT_POLL_INTERVAL, DeliverySettings.DEFAULT_LEASE), WebhookWorker.DEFAULT_DEADLINE));
    services.metrics().cache("remote-documents", fetcher::cacheStats);
    services.metrics().cache("remote-hosts", deliveries.hostHealth()::cacheStats);
    services.metrics().cache("local-actor-ids", signer::cacheStats);
    services.metrics().cache("local-signing-keys", services.keys()::cacheStats);
    deliveries.start();
    webhooks.ifPresent(WebhookWorker::start);
    StorageBackend storage = services.storage();
    OutboxRelay outbox = new OutboxRelay(storage.deliveryJobs(), new QueueingPublisher(urls, storage,
        LocalObjects.of(urls, storage, services.keys())), deliveries::nudge, clock);
    outbox.start(vertx, OutboxRelay.DEFAULT_SWEEP_INTERVAL);
    return new Outbound(peers, site, fetcher, deliveries, webhooks, outbox);
  }

  /** Remote documents fetched for an actor go when it changes; the key cache follows the same changes. */
  static StaleCache remoteDocuments(CachingRemoteFetcher fetcher) {
    return new StaleCache() {
      @Override
      public void invalidate(CacheChange change) {
        if (change instanceof CacheChange.RemoteActor remote) {
          fetcher.invalidate(remote.id());
        }
      }

      @Override
      public void invalidateAll() {
        fetcher.invalidateAll();
      }
    };
  }

  Future<Void> stop() {
    outbox.stop();
    return Future.join(deliveries.stop(), webhooks.map(WebhookWorker::stop).orElse(Future.succeededFuture()))
        .compose(stopped -> Future.join(peers.close(), site.close())).mapEmpty();
  }
}
