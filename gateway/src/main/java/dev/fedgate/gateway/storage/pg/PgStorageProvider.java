package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProvider;
import dev.fedgate.gateway.storage.StorageSettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code postgres} backend: a pool of {@link StorageSettings#poolSize()} connections to the server named by the
 * settings' url (a libpq URI, {@code postgresql://user:password@host:port/database}), schema migrated on open. Any
 * number of gateway nodes may open the same database.
 */
public final class PgStorageProvider implements StorageProvider {
  /** The kind operators select: {@value}. */
  public static final String KIND = "postgres";

  /** Used by {@link java.util.ServiceLoader}. */
  public PgStorageProvider() {}

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public CompletionStage<StorageBackend> open(StorageSettings settings) {
    PgDatabase database;
    try {
      String url = settings.url().orElseThrow(() -> new IllegalArgumentException(
          "the postgres store needs a url (FEDGATE_PG_URL): postgresql://user:password@host:port/database"));
      database = PgDatabase.open(url, settings.poolSize());
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(e);
    }
    return database.transaction(c -> PgMigrations.apply(c, settings.clock()))
        .<StorageBackend>thenApply(applied -> new PgStorageBackend(database, settings.clock(), settings.webhooks()))
        .whenComplete((backend, failure) -> {
          if (failure != null) {
            database.close();
          }
        });
  }
}
