package dev.fedgate.gateway.config;

import dev.fedgate.gateway.delivery.DeliverySettings;
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
  private final long maxBodyBytes;
  private final Duration shutdownGrace;
  private final Set<String> domainBlocks;
  private final DeliverySettings delivery;

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
    this.maxBodyBytes = b.maxBodyBytes == null ? DEFAULT_MAX_BODY_BYTES : b.maxBodyBytes;
    this.shutdownGrace = b.shutdownGrace == null ? DEFAULT_SHUTDOWN_GRACE : b.shutdownGrace;
    this.domainBlocks = b.domainBlocks == null ? Set.of() : b.domainBlocks;
    this.delivery = b.delivery == null ? DeliverySettings.DEFAULT : b.delivery;
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
   * How deliveries go out (concurrency, deadline, retries, host health); {@link DeliverySettings#DEFAULT} unless an
   * embedder or a test sets it. Not a flag: the defaults follow Mastodon's, which operators rarely change.
   */
  public DeliverySettings delivery() {
    return delivery;
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
        + ", maxBodyBytes=" + maxBodyBytes + ", shutdownGrace=" + shutdownGrace
        + ", domainBlocks=" + domainBlocks + ", delivery=" + delivery + "]";
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
    private Long maxBodyBytes;
    private Set<String> domainBlocks;
    private Duration shutdownGrace;
    private DeliverySettings delivery;

    private Builder() {}

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
      return new GatewayConfig(this);
    }
  }
}
