package dev.fedgate.gateway.config;

import dev.fedgate.gateway.delivery.DeliverySettings;
import dev.fedgate.gateway.delivery.QueueWorker;
import dev.fedgate.gateway.delivery.RetryPolicy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the gateway is told at start, immutable. Built by {@link #builder()}, which refuses a second setting of
 * an option and bad combinations, naming the option; {@link ConfigParser} fills it from flags and environment.
 */
public final class GatewayConfig {
  /** Port 8080: what a developer expects; production sits behind a reverse proxy anyway. */
  public static final int DEFAULT_PORT = 8080;
  /** Loopback: nothing is exposed until the operator says so. */
  public static final String DEFAULT_HOST = "127.0.0.1";
  /** A folder beside the working directory, so a first run needs no setup. */
  public static final Path DEFAULT_DATA_DIRECTORY = Path.of("fedgate-data");
  /** 1 MiB: Mastodon's own cap on fetched documents; real activities are a few KiB. */
  public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
  /** In-flight requests get 10 s after SIGTERM; longer only delays a rolling restart. */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
  /** Upper bound for {@code --pg-pool-size}: each connection is a PostgreSQL backend process (several MiB). */
  public static final int MAX_PG_POOL_SIZE = 256;
  /**
   * Inbox de-duplication marks are kept 14 days: longer than Mastodon's delivery retries (about 3 days) and
   * PeerTube's, so a redelivered activity is still recognised as a duplicate.
   */
  public static final Duration DEFAULT_SEEN_RETENTION = Duration.ofDays(14);
  /** Site events are kept 30 days after they happened: long enough for a site to replay a month of webhooks. */
  public static final Duration DEFAULT_EVENT_RETENTION = Duration.ofDays(30);
  /** Mastodon's 30 s read deadline for one delivery POST. */
  public static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);
  /** A delivery lease longer than the longest wait for a host slot plus one POST. */
  public static final Duration DEFAULT_DELIVERY_LEASE = Duration.ofMinutes(10);
  /** Long enough for an inbox handler's fetches; a crashed node's claimed activities come back after it. */
  public static final Duration DEFAULT_INBOX_LEASE = Duration.ofMinutes(2);
  /** The wait after a first failed delivery (Mastodon's first retry comes after about a minute). */
  public static final Duration DEFAULT_RETRY_BASE = Duration.ofMinutes(1);

  private final String host;
  private final int port;
  private final Optional<URI> publicUrl;
  private final Path dataDirectory;
  private final StorageKind storage;
  private final Optional<PostgresUrl> postgresUrl;
  private final Optional<String> apiToken;
  private final Optional<URI> webhookUrl;
  private final Optional<String> webhookSecret;
  private final Optional<String> keyEncryptionKey;
  private final boolean allowPrivateAddresses;
  private final boolean authorizedFetch;
  private final CryptoProvider cryptoProvider;
  private final long maxBodyBytes;
  private final Duration shutdownGrace;
  private final Set<String> domainBlocks;
  private final DeliverySettings delivery;
  private final int pgPoolSize;
  private final Duration seenRetention;
  private final Duration eventRetention;
  private final Duration deliveryTimeout;
  private final Duration deliveryLease;
  private final int deliveryConcurrency;
  private final int deliveryPerHost;
  private final Duration retryBase;
  private final Duration inboxLease;

  private GatewayConfig(Builder b) {
    this.host = b.host == null ? DEFAULT_HOST : b.host;
    this.port = b.port == null ? DEFAULT_PORT : b.port;
    this.publicUrl = Optional.ofNullable(b.publicUrl);
    this.dataDirectory = b.dataDirectory == null ? DEFAULT_DATA_DIRECTORY : b.dataDirectory;
    this.storage = b.storage == null ? StorageKind.EMBEDDED : b.storage;
    this.postgresUrl = Optional.ofNullable(b.postgresUrl);
    this.apiToken = Optional.ofNullable(b.apiToken);
    this.webhookUrl = Optional.ofNullable(b.webhookUrl);
    this.webhookSecret = Optional.ofNullable(b.webhookSecret);
    this.keyEncryptionKey = Optional.ofNullable(b.keyEncryptionKey);
    this.allowPrivateAddresses = b.allowPrivateAddresses != null && b.allowPrivateAddresses;
    this.authorizedFetch = b.authorizedFetch != null && b.authorizedFetch;
    this.cryptoProvider = b.cryptoProvider == null ? CryptoProvider.AUTO : b.cryptoProvider;
    this.maxBodyBytes = b.maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : b.maxBodyBytes;
    this.shutdownGrace = b.shutdownGrace == null ? DEFAULT_SHUTDOWN_GRACE : b.shutdownGrace;
    this.domainBlocks = b.domainBlocks == null ? Set.of() : b.domainBlocks;
    this.pgPoolSize = b.pgPoolSize == null ? defaultPgPoolSize(Runtime.getRuntime().availableProcessors()) : b.pgPoolSize;
    this.seenRetention = b.seenRetention == null ? DEFAULT_SEEN_RETENTION : b.seenRetention;
    this.eventRetention = b.eventRetention == null ? DEFAULT_EVENT_RETENTION : b.eventRetention;
    this.deliveryTimeout = b.deliveryTimeout == null ? DEFAULT_DELIVERY_TIMEOUT : b.deliveryTimeout;
    this.deliveryLease = b.deliveryLease == null ? DEFAULT_DELIVERY_LEASE : b.deliveryLease;
    this.deliveryConcurrency =
        b.deliveryConcurrency == null ? DeliverySettings.DEFAULT_MAX_IN_FLIGHT : b.deliveryConcurrency;
    this.deliveryPerHost = b.deliveryPerHost == null ? DeliverySettings.DEFAULT_PER_HOST : b.deliveryPerHost;
    this.retryBase = b.retryBase == null ? DEFAULT_RETRY_BASE : b.retryBase;
    this.inboxLease = b.inboxLease == null ? DEFAULT_INBOX_LEASE : b.inboxLease;
    this.delivery = b.delivery == null ? deliveryFromOptions() : b.delivery;
  }

  /**
   * The PostgreSQL pool size for a machine with {@code cores} cores: two connections per core (one running while the
   * other waits on the network, the usual "cores times two" rule), at least 4 and at most 64, so several nodes stay
   * well within PostgreSQL's default {@code max_connections} of 100.
   */
  public static int defaultPgPoolSize(int cores) {
    return Math.max(4, Math.min(64, 2 * cores));
  }

  /** A builder where every option starts unset (its default). */
  public static Builder builder() {
    return new Builder();
  }

  /** The address the HTTP server binds to. */
  public String host() {
    return host;
  }

  /** The HTTP port; 0 asks for any free port (tests). */
  public int port() {
    return port;
  }

  /** The public base URL peers see, when configured; otherwise {@code http://localhost:<bound port>}. */
  public Optional<URI> publicUrl() {
    return publicUrl;
  }

  /** Where the embedded store and the generated API token live. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Which storage backend to open. */
  public StorageKind storage() {
    return storage;
  }

  /** The PostgreSQL location; present exactly when {@link #storage()} is {@code POSTGRES}. */
  public Optional<PostgresUrl> postgresUrl() {
    return postgresUrl;
  }

  /** The Site API token when configured; otherwise one is generated and kept in the data directory. */
  public Optional<String> apiToken() {
    return apiToken;
  }

  /** Where inbound events are posted for the site, if anywhere. */
  public Optional<URI> webhookUrl() {
    return webhookUrl;
  }

  /** The Standard Webhooks secret ({@code whsec_…}); present whenever {@link #webhookUrl()} is. */
  public Optional<String> webhookSecret() {
    return webhookSecret;
  }

  /** The base64 key-encryption key that seals actors' private keys at rest, if configured. */
  public Optional<String> keyEncryptionKey() {
    return keyEncryptionKey;
  }

  /** Whether remote fetches and deliveries may reach loopback and private addresses over plain http (testing). */
  public boolean allowPrivateAddresses() {
    return allowPrivateAddresses;
  }

  /** Whether every actor, object and collection GET must be signed (Mastodon's "secure mode"). */
  public boolean authorizedFetch() {
    return authorizedFetch;
  }

  /**
   * Which provider the gateway process installs for RSA signing and verifying ({@code Main} applies it: a JCA provider
   * is JVM-wide, so an application embedding the gateway decides that for itself).
   */
  public CryptoProvider cryptoProvider() {
    return cryptoProvider;
  }

  /** The largest request body accepted, in bytes. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** How long in-flight requests may run after a stop is asked for. */
  public Duration shutdownGrace() {
    return shutdownGrace;
  }

  /** Remote domains (and their subdomains) whose activities the inbox refuses with 403; none by default. */
  public Set<String> domainBlocks() {
    return domainBlocks;
  }

  /**
   * How deliveries go out (concurrency, deadline, retries, host health): the defaults with {@link #deliveryTimeout()},
   * {@link #deliveryLease()}, {@link #deliveryConcurrency()}, {@link #deliveryPerHost()} and {@link #retryBase()}
   * applied, unless an embedder or a test sets the whole of it (then those options are not used).
   */
  public DeliverySettings delivery() {
    return delivery;
  }

  private DeliverySettings deliveryFromOptions() {
    DeliverySettings defaults = DeliverySettings.DEFAULT;
    RetryPolicy retry = defaults.retry();
    return defaults.withDeadline(deliveryTimeout)
        .withWorker(new QueueWorker.Settings(deliveryConcurrency, defaults.worker().pollInterval(), deliveryLease))
        .withPerHost(deliveryPerHost)
        .withRetry(new RetryPolicy(retry.maxAttempts(), retryBase,
            retry.maxDelay().compareTo(retryBase) < 0 ? retryBase : retry.maxDelay(), retry.jitter(),
            retry.maxRetryAfter()));
  }

  /** Connections each node keeps to PostgreSQL. */
  public int pgPoolSize() {
    return pgPoolSize;
  }

  /** How long inbox activity ids are remembered for de-duplication. */
  public Duration seenRetention() {
    return seenRetention;
  }

  /** How long site events stay in the event log. */
  public Duration eventRetention() {
    return eventRetention;
  }

  /** The total time for one delivery POST, answer included. */
  public Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  /** How long a claimed delivery is hidden from other workers; after a crash it is due again once this passed. */
  public Duration deliveryLease() {
    return deliveryLease;
  }

  /** Deliveries in flight at once, to all hosts together. */
  public int deliveryConcurrency() {
    return deliveryConcurrency;
  }

  /** Deliveries in flight to one host at once. */
  public int deliveryPerHost() {
    return deliveryPerHost;
  }

  /** The wait after a first failed delivery or webhook; later waits double from it. */
  public Duration retryBase() {
    return retryBase;
  }

  /** How long an inbox activity being processed is hidden from other workers; after a crash it is due again then. */
  public Duration inboxLease() {
    return inboxLease;
  }

  @Override
  public String toString() {
    return "GatewayConfig[host=" + host + ", port=" + port + ", publicUrl=" + publicUrl.map(URI::toString).orElse("(default)")
        + ", dataDirectory=" + dataDirectory + ", storage=" + storage.configName()
        + ", postgresUrl=" + postgresUrl.map(PostgresUrl::toString).orElse("-")
        + ", apiToken=" + (apiToken.isPresent() ? "***" : "(generated)")
        + ", webhookUrl=" + webhookUrl.map(URI::toString).orElse("-")
        + ", keyEncryptionKey=" + (keyEncryptionKey.isPresent() ? "***" : "-")
        + ", allowPrivateAddresses=" + allowPrivateAddresses + ", authorizedFetch=" + authorizedFetch
        + ", cryptoProvider=" + cryptoProvider.configName()
        + ", maxBodyBytes=" + maxBodyBytes + ", shutdownGrace=" + shutdownGrace
        + ", domainBlocks=" + domainBlocks + ", pgPoolSize=" + pgPoolSize + ", seenRetention=" + seenRetention
        + ", eventRetention=" + eventRetention + ", deliveryTimeout=" + deliveryTimeout
        + ", deliveryLease=" + deliveryLease + ", deliveryConcurrency=" + deliveryConcurrency
        + ", deliveryPerHost=" + deliveryPerHost + ", retryBase=" + retryBase + ", inboxLease=" + inboxLease
        + ", delivery=" + delivery + "]";
  }

  /** Collects options; each may be set once; {@link #build()} checks the combinations. */
  public static final class Builder {
    private String host;
    private Integer port;
    private URI publicUrl;
    private Path dataDirectory;
    private StorageKind storage;
    private PostgresUrl postgresUrl;
    private String apiToken;
    private URI webhookUrl;
    private String webhookSecret;
    private String keyEncryptionKey;
    private Boolean allowPrivateAddresses;
    private Boolean authorizedFetch;
    private CryptoProvider cryptoProvider;
    private Long maxBodyBytes;
    private Set<String> domainBlocks;
    private Duration shutdownGrace;
    private DeliverySettings delivery;
    private Integer pgPoolSize;
    private Duration seenRetention;
    private Duration eventRetention;
    private Duration deliveryTimeout;
    private Duration deliveryLease;
    private Integer deliveryConcurrency;
    private Integer deliveryPerHost;
    private Duration retryBase;
    private Duration inboxLease;

    private Builder() {}

    private static Duration atLeast(Duration value, Duration minimum, String option) {
      if (value.compareTo(minimum) < 0) {
        throw new ConfigException(option, "must be at least " + readable(minimum) + " (got " + readable(value) + ")");
      }
      return value;
    }

    private static String readable(Duration value) {
      return value.toSeconds() % 86_400 == 0 && !value.isZero() ? value.toDays() + " d" : value.toSeconds() + " s";
    }

    private static void once(Object current, String option) {
      if (current != null) {
        throw new ConfigException(option, "was already set to " + current);
      }
    }

    /** See {@link GatewayConfig#host()}. */
    public Builder host(String value) {
      once(host, "--host");
      host = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#port()}. */
    public Builder port(int value) {
      once(port, "--port");
      if (value < 0 || value > 65535) {
        throw new ConfigException("--port", "must be from 0 to 65535 (got " + value + ")");
      }
      port = value;
      return this;
    }

    /** See {@link GatewayConfig#publicUrl()}. */
    public Builder publicUrl(URI value) {
      once(publicUrl, "--public-url");
      publicUrl = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#dataDirectory()}. */
    public Builder dataDirectory(Path value) {
      once(dataDirectory, "--data-dir");
      dataDirectory = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#storage()}. */
    public Builder storage(StorageKind value) {
      once(storage, "--storage");
      storage = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#postgresUrl()}. */
    public Builder postgresUrl(PostgresUrl value) {
      once(postgresUrl, "--pg-url");
      postgresUrl = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#apiToken()}. */
    public Builder apiToken(String value) {
      once(apiToken == null ? null : "***", "--api-token");
      apiToken = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#webhookUrl()}. */
    public Builder webhookUrl(URI value) {
      once(webhookUrl, "--webhook-url");
      webhookUrl = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#webhookSecret()}. */
    public Builder webhookSecret(String value) {
      once(webhookSecret == null ? null : "***", "--webhook-secret");
      webhookSecret = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#keyEncryptionKey()}. */
    public Builder keyEncryptionKey(String value) {
      once(keyEncryptionKey == null ? null : "***", "--key-encryption-key");
      keyEncryptionKey = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#allowPrivateAddresses()}. */
    public Builder allowPrivateAddresses(boolean value) {
      once(allowPrivateAddresses, "--allow-private-addresses");
      allowPrivateAddresses = value;
      return this;
    }

    /** See {@link GatewayConfig#authorizedFetch()}. */
    public Builder authorizedFetch(boolean value) {
      once(authorizedFetch, "--authorized-fetch");
      authorizedFetch = value;
      return this;
    }

    /** See {@link GatewayConfig#cryptoProvider()}. */
    public Builder cryptoProvider(CryptoProvider value) {
      once(cryptoProvider == null ? null : cryptoProvider.configName(), "--crypto-provider");
      cryptoProvider = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#maxBodyBytes()}. */
    public Builder maxBodyBytes(long value) {
      once(maxBodyBytes, "--max-body-bytes");
      if (value < 1024) {
        throw new ConfigException("--max-body-bytes", "must be at least 1024 (got " + value + ")");
      }
      maxBodyBytes = value;
      return this;
    }

    /** See {@link GatewayConfig#shutdownGrace()}. */
    public Builder shutdownGrace(Duration value) {
      once(shutdownGrace, "--shutdown-grace");
      if (value.isNegative()) {
        throw new ConfigException("--shutdown-grace", "must not be negative");
      }
      shutdownGrace = value;
      return this;
    }

    /** See {@link GatewayConfig#domainBlocks()}. */
    public Builder domainBlocks(Set<String> value) {
      once(domainBlocks, "--domain-blocks");
      domainBlocks = Set.copyOf(value);
      return this;
    }

    /** See {@link GatewayConfig#delivery()}. */
    public Builder delivery(DeliverySettings value) {
      once(delivery, "delivery");
      delivery = Objects.requireNonNull(value);
      return this;
    }

    /** See {@link GatewayConfig#pgPoolSize()}. */
    public Builder pgPoolSize(int value) {
      once(pgPoolSize, "--pg-pool-size");
      if (value < 1 || value > MAX_PG_POOL_SIZE) {
        throw new ConfigException("--pg-pool-size", "must be from 1 to " + MAX_PG_POOL_SIZE + " (got " + value + ")");
      }
      pgPoolSize = value;
      return this;
    }

    /** See {@link GatewayConfig#seenRetention()}; at least a day, so a retried delivery is still recognised. */
    public Builder seenRetention(Duration value) {
      once(seenRetention, "--seen-retention-days");
      seenRetention = atLeast(value, Duration.ofDays(1), "--seen-retention-days");
      return this;
    }

    /** See {@link GatewayConfig#eventRetention()}; at least a day. */
    public Builder eventRetention(Duration value) {
      once(eventRetention, "--event-retention-days");
      eventRetention = atLeast(value, Duration.ofDays(1), "--event-retention-days");
      return this;
    }

    /** See {@link GatewayConfig#deliveryTimeout()}. */
    public Builder deliveryTimeout(Duration value) {
      once(deliveryTimeout, "--delivery-timeout");
      deliveryTimeout = atLeast(value, Duration.ofSeconds(1), "--delivery-timeout");
      return this;
    }

    /** See {@link GatewayConfig#deliveryLease()}; must be longer than the delivery timeout ({@link #build()}). */
    public Builder deliveryLease(Duration value) {
      once(deliveryLease, "--delivery-lease");
      deliveryLease = atLeast(value, Duration.ofSeconds(2), "--delivery-lease");
      return this;
    }

    /** See {@link GatewayConfig#deliveryConcurrency()}. */
    public Builder deliveryConcurrency(int value) {
      once(deliveryConcurrency, "--delivery-concurrency");
      if (value < 1 || value > DeliverySettings.MAX_IN_FLIGHT) {
        throw new ConfigException("--delivery-concurrency",
            "must be from 1 to " + DeliverySettings.MAX_IN_FLIGHT + " (got " + value + ")");
      }
      deliveryConcurrency = value;
      return this;
    }

    /** See {@link GatewayConfig#deliveryPerHost()}; at most the delivery concurrency ({@link #build()}). */
    public Builder deliveryPerHost(int value) {
      once(deliveryPerHost, "--delivery-per-host");
      if (value < 1) {
        throw new ConfigException("--delivery-per-host", "must be at least 1 (got " + value + ")");
      }
      deliveryPerHost = value;
      return this;
    }

    /** See {@link GatewayConfig#retryBase()}. */
    public Builder retryBase(Duration value) {
      once(retryBase, "--retry-base");
      retryBase = atLeast(value, Duration.ofSeconds(1), "--retry-base");
      return this;
    }

    /** See {@link GatewayConfig#inboxLease()}. */
    public Builder inboxLease(Duration value) {
      once(inboxLease, "--inbox-lease");
      inboxLease = atLeast(value, Duration.ofSeconds(5), "--inbox-lease");
      return this;
    }

    /** The configuration, once the options fit together. */
    public GatewayConfig build() {
      StorageKind kind = storage == null ? StorageKind.EMBEDDED : storage;
      if (kind == StorageKind.POSTGRES && postgresUrl == null) {
        throw new ConfigException("--pg-url", "is required with --storage postgres");
      }
      if (kind != StorageKind.POSTGRES && postgresUrl != null) {
        throw new ConfigException("--pg-url", "is only used with --storage postgres");
      }
      if (webhookUrl != null && webhookSecret == null) {
        throw new ConfigException("--webhook-secret", "is required with --webhook-url (webhooks are always signed)");
      }
      if (webhookUrl == null && webhookSecret != null) {
        throw new ConfigException("--webhook-url", "is required with --webhook-secret");
      }
      if (kind != StorageKind.POSTGRES && pgPoolSize != null) {
        throw new ConfigException("--pg-pool-size", "is only used with --storage postgres");
      }
      // A job still running when its lease ends would be claimed and sent a second time by another worker.
      Duration timeout = deliveryTimeout == null ? DEFAULT_DELIVERY_TIMEOUT : deliveryTimeout;
      Duration lease = deliveryLease == null ? DEFAULT_DELIVERY_LEASE : deliveryLease;
      if (lease.compareTo(timeout) <= 0) {
        throw new ConfigException("--delivery-lease", "must be longer than --delivery-timeout (" + timeout.toSeconds()
            + " s)");
      }
      int concurrency = deliveryConcurrency == null ? DeliverySettings.DEFAULT_MAX_IN_FLIGHT : deliveryConcurrency;
      int perHost = deliveryPerHost == null ? DeliverySettings.DEFAULT_PER_HOST : deliveryPerHost;
      if (perHost > concurrency) {
        throw new ConfigException("--delivery-per-host", "must be at most --delivery-concurrency (" + concurrency
            + ")");
      }
      return new GatewayConfig(this);
    }
  }
}
