package dev.fedgate.gateway;

import dev.fedgate.gateway.cache.CacheInvalidation;
import dev.fedgate.gateway.config.ApiToken;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.inbox.Inbox;
import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.metrics.GatewayMetrics;
import dev.fedgate.gateway.storage.StorageBackend;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;

/** What the routes are built from, opened before the server binds; the inbox is built once the URLs are known. */
record Services(StorageBackend storage, LocalKeys keys, ApiToken apiToken, ExecutorService cpu,
    Optional<RemoteFetcher> fetcher, AtomicReference<Inbox> inbox, GatewayMetrics metrics,
    CacheInvalidation invalidation, Optional<HostResolver> resolver) {}
