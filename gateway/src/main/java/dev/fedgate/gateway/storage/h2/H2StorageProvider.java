package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProvider;
import dev.fedgate.gateway.storage.StorageSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code embedded} backend: H2 in a file under the data directory, or in memory for tests ({@code mem:<name>}).
 * The schema is migrated on open. One backend owns its database: closing it shuts the database down, and H2 itself
 * refuses a second process on the same file. Opening a file database ends the leases its queues hold (they can only
 * be a process's that ended), then accepts again what its accept journal holds ({@link H2Journal}).
 */
public final class H2StorageProvider implements StorageProvider {
  /** The kind operators select: {@value}. */
  public static final String KIND = "embedded";
  /** The database file's base name inside the data directory (H2 adds {@code .mv.db}). */
  public static final String FILE_NAME = "fedgate";
  /** The size past which H2 splits a B-tree page ({@code PAGE_SIZE}, H2's {@code MVStore} page split size). */
  static final int PAGE_SPLIT_BYTES = 4096;
  /** The job queue tables, each with its leases. */
  private static final List<String> QUEUES = List.of("inbox_item", "delivery_job", "webhook_job");
  private static final String FILE_PREFIX = "jdbc:h2:file:";
  private static final String URL_FORMS =
      "the embedded store's url must be mem:<name> or file:<path>, without H2 options";
  // The database lives until close() shuts it down, not until the last pooled connection closes; lock waits are
  // bounded. A commit does not write the file by itself (H2's commit delay, set so long that its background writer
  // never stores): H2Database writes the commits of all its threads together in one store before it acknowledges any
  // of them (H2Flusher), so an acknowledged write survives a process crash and the file takes one chunk per group
  // rather than per transaction. Text up to 32 KiB in a
  // CLOB column (an activity's body, in every queued job) is kept in its row rather than copied into H2's LOB store
  // and deleted from it again by its cleaner. Each connection keeps 64 parsed statements (H2's default of 8 is fewer
  // than one delivery's claim, completion and host statements, so every one was parsed again). Pages split at 4 KiB
  // rather than H2's 16 KiB: a commit writes every page it changed whole, and smaller leaves cut its bytes by 40 %
  // and the committing thread's CPU by about a fifth (H2CommitBenchmark; reads measured no slower). H2 keeps no page
  // size in the file: an existing database takes it on its next open, for the pages it writes from then on.
  private static final String OPTIONS = ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000;WRITE_DELAY=" + Integer.MAX_VALUE
      + ";MAX_LENGTH_INPLACE_LOB=" + (32 * 1024) + ";QUERY_CACHE_SIZE=64;PAGE_SIZE=" + PAGE_SPLIT_BYTES;

  /** Used by {@link java.util.ServiceLoader}. */
  public H2StorageProvider() {}

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public CompletionStage<StorageBackend> open(StorageSettings settings) {
    String jdbcUrl;
    H2Journal journal;
    try {
      jdbcUrl = jdbcUrl(settings);
      journal = jdbcUrl.startsWith(FILE_PREFIX) ? H2Journal.open(Path.of(fileBase(jdbcUrl))) : null;
    } catch (IllegalArgumentException | IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    H2Database database = H2Database.open(jdbcUrl, settings.poolSize(), journal);
    return database.transaction(c -> H2Migrations.apply(c, settings.clock()))
        .thenCompose(applied -> journal == null ? CompletableFuture.completedFuture(0)
            : database.transaction(H2StorageProvider::releaseLeases))
        .<StorageBackend>thenCompose(released -> {
          H2StorageBackend backend = new H2StorageBackend(database, settings.clock(), settings.webhooks());
          return journal == null ? CompletableFuture.completedFuture(backend)
              : backend.replay(journal).thenApply(replayed -> backend);
        })
        .whenComplete((backend, failure) -> {
          if (failure != null) {
            database.close();
          }
        });
  }

  /**
   * Ends the leases left in the queues. Only this process can hold one (H2 locks the file), so a lease found at open is
   * a process's that ended: its job is due again at once rather than when the lease runs out (the inbox leases each
   * activity as it accepts it, so after a crash everything accepted and not yet processed is leased).
   */
  private static int releaseLeases(Connection c) throws SQLException {
    int released = 0;
    try (Statement statement = c.createStatement()) {
      for (String queue : QUEUES) {
        released += statement.executeUpdate(
            "UPDATE " + queue + " SET lease_token = NULL, lease_until = NULL WHERE lease_token IS NOT NULL");
      }
    }
    return released;
  }

  /** The database file's base (H2 adds {@code .mv.db}; the journal's segments sit beside it) in a file URL. */
  private static String fileBase(String jdbcUrl) {
    return jdbcUrl.substring(FILE_PREFIX.length(), jdbcUrl.indexOf(';'));
  }

  static String jdbcUrl(StorageSettings settings) throws IOException {
    if (settings.url().isEmpty()) {
      Path directory = settings.dataDirectory().orElseThrow(() -> new IllegalArgumentException(
          "the embedded store needs a data directory or a url (mem:<name> or file:<path>)"));
      Files.createDirectories(directory);
      return FILE_PREFIX + directory.toAbsolutePath().resolve(FILE_NAME) + OPTIONS;
    }
    String url = settings.url().get();
    String location = url.substring(url.indexOf(':') + 1);
    if (location.isBlank() || url.contains(";")) {
      throw new IllegalArgumentException(URL_FORMS);
    }
    if (url.startsWith("mem:")) {
      return "jdbc:h2:" + url + OPTIONS;
    }
    if (url.startsWith("file:")) {
      // H2 refuses paths implicitly relative to the working directory; resolve them here instead.
      return FILE_PREFIX + Path.of(location).toAbsolutePath() + OPTIONS;
    }
    throw new IllegalArgumentException(URL_FORMS);
  }
}
