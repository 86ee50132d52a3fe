package dev.fedgate.gateway.config;

import dev.fedgate.gateway.delivery.DeliverySettings;
import java.util.function.BiConsumer;

/** One configuration option: its flag, its environment variable, its default as shown by {@code --help}, and how a value applies. */
enum ConfigOption {
  PORT("--port", "FEDGATE_PORT", "8080", "HTTP port to listen on (0: any free port)",
      (b, v) -> b.port(ValueParsers.integer("--port", v))),
  HOST("--host", "FEDGATE_HOST", GatewayConfig.DEFAULT_HOST, "address to bind",
      (b, v) -> b.host(ValueParsers.host("--host", v))),
  PUBLIC_URL("--public-url", "FEDGATE_PUBLIC_URL", "http://localhost:<port>",
      "public base URL peers see (scheme, host, optional port; no path)",
      (b, v) -> b.publicUrl(ValueParsers.publicUrl("--public-url", v))),
  DATA_DIR("--data-dir", "FEDGATE_DATA_DIR", GatewayConfig.DEFAULT_DATA_DIRECTORY.toString(),
      "directory for the embedded store and the generated API token",
      (b, v) -> b.dataDirectory(ValueParsers.path("--data-dir", v))),
  STORAGE("--storage", "FEDGATE_STORAGE", "embedded", "storage backend: embedded or postgres",
      (b, v) -> b.storage(ValueParsers.storageKind("--storage", v))),
  PG_URL("--pg-url", "FEDGATE_PG_URL", "-", "PostgreSQL URI postgresql://user:password@host:port/database",
      (b, v) -> b.postgresUrl(ValueParsers.postgresUrl("--pg-url", v))),
  API_TOKEN("--api-token", "FEDGATE_API_TOKEN", "generated, kept in <data-dir>/api-token",
      "bearer token for the Site API (at least 24 characters)",
      (b, v) -> b.apiToken(ValueParsers.token("--api-token", v))),
  WEBHOOK_URL("--webhook-url", "FEDGATE_WEBHOOK_URL", "-", "where inbound events are posted for the site",
      (b, v) -> b.webhookUrl(ValueParsers.httpUrl("--webhook-url", v))),
  WEBHOOK_SECRET("--webhook-secret", "FEDGATE_WEBHOOK_SECRET", "-",
      "Standard Webhooks signing secret: whsec_ followed by base64 of 24 to 64 bytes",
      (b, v) -> b.webhookSecret(ValueParsers.webhookSecret("--webhook-secret", v))),
  KEY_ENCRYPTION_KEY("--key-encryption-key", "FEDGATE_KEY_ENCRYPTION_KEY", "-",
      "base64 of 32 random bytes sealing actors' private keys at rest (e.g. openssl rand -base64 32)",
      (b, v) -> b.keyEncryptionKey(ValueParsers.keyEncryptionKey("--key-encryption-key", v))),
  ALLOW_PRIVATE_ADDRESSES("--allow-private-addresses", "FEDGATE_ALLOW_PRIVATE_ADDRESSES", "false",
      "allow fetching from and delivering to loopback and private addresses over http (local testing only)",
      (b, v) -> b.allowPrivateAddresses(ValueParsers.bool("--allow-private-addresses", v))),
  CRYPTO_PROVIDER("--crypto-provider", "FEDGATE_CRYPTO_PROVIDER", "auto",
      "who computes RSA signatures: auto (Conscrypt where its native library loads, else the JDK), conscrypt or jdk",
      (b, v) -> b.cryptoProvider(ValueParsers.cryptoProvider("--crypto-provider", v))),
  AUTHORIZED_FETCH("--authorized-fetch", "FEDGATE_AUTHORIZED_FETCH", "false",
      "require a valid HTTP signature on every actor, object and collection GET (the instance actor stays public)",
      (b, v) -> b.authorizedFetch(ValueParsers.bool("--authorized-fetch", v))),
  MAX_BODY_BYTES("--max-body-bytes", "FEDGATE_MAX_BODY_BYTES", String.valueOf(GatewayConfig.DEFAULT_MAX_BODY_BYTES),
      "largest request body accepted, in bytes",
      (b, v) -> b.maxBodyBytes(ValueParsers.longValue("--max-body-bytes", v))),
  SHUTDOWN_GRACE("--shutdown-grace", "FEDGATE_SHUTDOWN_GRACE",
      String.valueOf(GatewayConfig.DEFAULT_SHUTDOWN_GRACE.toSeconds()),
      "seconds in-flight requests may run after SIGTERM",
      (b, v) -> b.shutdownGrace(ValueParsers.seconds("--shutdown-grace", v))),
  DOMAIN_BLOCKS("--domain-blocks", "FEDGATE_DOMAIN_BLOCKS", "-",
      "comma-separated remote domains whose activities are refused (subdomains included)",
      (b, v) -> b.domainBlocks(ValueParsers.domains("--domain-blocks", v))),
  PG_POOL_SIZE("--pg-pool-size", "FEDGATE_PG_POOL_SIZE", "2 per core, 4 to 64",
      "connections each node keeps to PostgreSQL (1 to " + GatewayConfig.MAX_PG_POOL_SIZE + ")",
      (b, v) -> b.pgPoolSize(ValueParsers.integer("--pg-pool-size", v))),
  SEEN_RETENTION("--seen-retention-days", "FEDGATE_SEEN_RETENTION_DAYS",
      String.valueOf(GatewayConfig.DEFAULT_SEEN_RETENTION.toDays()),
      "days inbox activity ids are remembered to drop redelivered activities (at least 1)",
      (b, v) -> b.seenRetention(ValueParsers.days("--seen-retention-days", v))),
  EVENT_RETENTION("--event-retention-days", "FEDGATE_EVENT_RETENTION_DAYS",
      String.valueOf(GatewayConfig.DEFAULT_EVENT_RETENTION.toDays()),
      "days site events stay in the event log (at least 1)",
      (b, v) -> b.eventRetention(ValueParsers.days("--event-retention-days", v))),
  DELIVERY_TIMEOUT("--delivery-timeout", "FEDGATE_DELIVERY_TIMEOUT",
      String.valueOf(GatewayConfig.DEFAULT_DELIVERY_TIMEOUT.toSeconds()),
      "seconds one delivery POST may take, answer included",
      (b, v) -> b.deliveryTimeout(ValueParsers.seconds("--delivery-timeout", v))),
  DELIVERY_LEASE("--delivery-lease", "FEDGATE_DELIVERY_LEASE",
      String.valueOf(GatewayConfig.DEFAULT_DELIVERY_LEASE.toSeconds()),
      "seconds a claimed delivery is hidden from other workers; after a crash it is retried once this passed",
      (b, v) -> b.deliveryLease(ValueParsers.seconds("--delivery-lease", v))),
  DELIVERY_CONCURRENCY("--delivery-concurrency", "FEDGATE_DELIVERY_CONCURRENCY",
      String.valueOf(DeliverySettings.DEFAULT_MAX_IN_FLIGHT),
      "deliveries in flight at once, to all hosts together (1 to " + DeliverySettings.MAX_IN_FLIGHT + ")",
      (b, v) -> b.deliveryConcurrency(ValueParsers.integer("--delivery-concurrency", v))),
  DELIVERY_PER_HOST("--delivery-per-host", "FEDGATE_DELIVERY_PER_HOST",
      String.valueOf(DeliverySettings.DEFAULT_PER_HOST),
      "deliveries in flight to one host at once (at most --delivery-concurrency)",
      (b, v) -> b.deliveryPerHost(ValueParsers.integer("--delivery-per-host", v))),
  RETRY_BASE("--retry-base", "FEDGATE_RETRY_BASE", String.valueOf(GatewayConfig.DEFAULT_RETRY_BASE.toSeconds()),
      "seconds before the first retry of a failed delivery or webhook; later waits double",
      (b, v) -> b.retryBase(ValueParsers.seconds("--retry-base", v))),
  INBOX_LEASE("--inbox-lease", "FEDGATE_INBOX_LEASE", String.valueOf(GatewayConfig.DEFAULT_INBOX_LEASE.toSeconds()),
      "seconds an inbox activity being processed is hidden from other workers; after a crash it is processed once this passed",
      (b, v) -> b.inboxLease(ValueParsers.seconds("--inbox-lease", v)));

  final String flag;
  final String env;
  final String defaultText;
  final String help;
  private final BiConsumer<GatewayConfig.Builder, String> apply;

  ConfigOption(String flag, String env, String defaultText, String help, BiConsumer<GatewayConfig.Builder, String> apply) {
    this.flag = flag;
    this.env = env;
    this.defaultText = defaultText;
    this.help = help;
    this.apply = apply;
  }

  /** Whether the flag may stand alone, meaning {@code true}. */
  boolean isSwitch() {
    return this == ALLOW_PRIVATE_ADDRESSES || this == AUTHORIZED_FETCH;
  }

  void apply(GatewayConfig.Builder builder, String value) {
    apply.accept(builder, value);
  }
}
