package dev.fedgate.gateway.storage;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link StorageProvider} needs to open a backend: where data lives, how many connections to use, the clock
 * every stored time comes from, and whether site events become webhook jobs. Immutable; built with {@link #builder()}.
 */
public final class StorageSettings {
  /** Connections (and JDBC worker threads) by default: enough to overlap I/O on a small machine without piling up. */
  public static final int DEFAULT_POOL_SIZE = 4;
  /** Upper bound for {@link Builder#poolSize(int)}: a backend holds that many open connections. */
  public static final int MAX_POOL_SIZE = 256;

  private final Path dataDirectory;
  private final String url;
  private final int poolSize;
  private final InstantSource clock;
  private final boolean webhooks;

  private StorageSettings(Builder builder) {
    this.dataDirectory = builder.dataDirectory;
    this.url = builder.url;
    this.poolSize = builder.poolSize == null ? DEFAULT_POOL_SIZE : builder.poolSize;
    this.clock = builder.clock == null ? InstantSource.system() : builder.clock;
    this.webhooks = builder.webhooks == null || builder.webhooks;
  }

  /** A new builder; every option is optional, and each may be set once. */
  public static Builder builder() {
    return new Builder();
  }

  /** The directory where a file-based backend keeps its files, when one was given. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  /**
   * The backend-specific location, when one was given. For the {@code embedded} kind: absent means a file database
   * in {@code <dataDirectory>/fedgate}, and {@code mem:<name>} means an in-memory database (tests).
   */
  public Optional<String> url() {
    return Optional.ofNullable(url);
  }

  /** The number of connections, and of threads running blocking calls, a backend may use. */
  public int poolSize() {
    return poolSize;
  }

  /** The clock for times the store assigns (creation, update, tombstones); tests pass one they advance. */
  public InstantSource clock() {
    return clock;
  }

  /**
   * Whether {@link WebhookJobStore#enqueueAll} queues a webhook job for each event it logs: true when a webhook URL
   * is configured (the webhook worker delivers them); false logs the events only, since nothing would consume them.
   */
  public boolean webhooks() {
    return webhooks;
  }

  @Override
  public String toString() {
    // The url may carry credentials (PostgreSQL), so it is not printed.
    return "StorageSettings[dataDirectory=" + dataDirectory + ", url=" + (url == null ? "none" : "set")
        + ", poolSize=" + poolSize + ", webhooks=" + webhooks + "]";
  }

  /** Builds {@link StorageSettings}; refuses a second set of the same option. */
  public static final class Builder {
    private Path dataDirectory;
    private String url;
    private Integer poolSize;
    private InstantSource clock;
    private Boolean webhooks;

    private Builder() {}

    /** Where file-based backends keep their data. */
    public Builder dataDirectory(Path dataDirectory) {
      requireUnset(this.dataDirectory, "dataDirectory");
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    /** The backend-specific location; see {@link StorageSettings#url()}. */
    public Builder url(String url) {
      requireUnset(this.url, "url");
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** Connections and worker threads, 1 to {@value #MAX_POOL_SIZE}; default {@value #DEFAULT_POOL_SIZE}. */
    public Builder poolSize(int poolSize) {
      requireUnset(this.poolSize, "poolSize");
      if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
        throw new IllegalArgumentException("poolSize must be 1.." + MAX_POOL_SIZE + ", was " + poolSize);
      }
      this.poolSize = poolSize;
      return this;
    }

    /** The clock for stored times; default the system clock. */
    public Builder clock(InstantSource clock) {
      requireUnset(this.clock, "clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Whether events are queued as webhook jobs too; see {@link StorageSettings#webhooks()}. Default true. */
    public Builder webhooks(boolean webhooks) {
      requireUnset(this.webhooks, "webhooks");
      this.webhooks = webhooks;
      return this;
    }

    /** The settings. */
    public StorageSettings build() {
      return new StorageSettings(this);
    }

    private static void requireUnset(Object current, String option) {
      if (current != null) {
        throw new IllegalStateException(option + " was already set");
      }
    }
  }
}
