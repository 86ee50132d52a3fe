package dev.fedgate.gateway.storage.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;

/**
 * The file upkeep H2's background writer would do, for a store whose writer does not run: with {@code WRITE_DELAY=0}
 * H2 starts none, and with the commit delay the embedded store uses (so long that the database writes commits itself,
 * see {@link H2Flusher}) it sleeps for days between rounds. That thread is what rewrites the live pages of sparse old
 * chunks into new ones and moves chunks into free space so the file can shrink; without it every chunk keeping a few
 * live pages stays for good, and so does its record in the heap.
 *
 * <p>Every {@link #INTERVAL} a timer thread of its own (never an event loop) submits one round as work on the
 * database's JDBC threads and waits for it, so rounds never overlap or pile up in the queue. A round calls the
 * MVStore operations the writer calls, each bounded in bytes. A failed round is logged (the first of a run of
 * failures as a warning) and the next one runs as usual; the store is not affected. In-memory databases have no file
 * and skip the round. The same timer runs other periodic rounds of the store ({@link #start(H2Database, Duration,
 * H2Database.Work)}), such as the sweep of unused delivery bodies.
 */
final class H2Maintenance {
  /** The background writer's own pace (H2's default commit delay is one second). */
  static final Duration INTERVAL = Duration.ofSeconds(1);
  /** Below this file fill rate (H2's {@code AUTO_COMPACT_FILL_RATE} default) chunks are moved to shrink the file. */
  static final int FILE_FILL_TARGET = 90;
  /** Chunks are rewritten while their average fill rate is below this (half of the above, as H2 does under load). */
  static final int CHUNK_FILL_TARGET = 45;
  /**
   * Most live bytes one round rewrites: a few milliseconds of a JDBC thread per second under load (≈ 12 µs of CPU per
   * commit at 1,000 commits/s, measured), and enough to keep up with the sparse chunks such a load leaves.
   */
  static final int REWRITE_BYTES = 4 * 1024 * 1024;
  /** Most chunk bytes one round moves to shrink the file while others write: H2's writer moves 16 MiB then. */
  static final int BUSY_MOVE_BYTES = 16 * 1024 * 1024;
  /**
   * Most chunk bytes one round moves when nothing else was written since the last round, as H2's writer does (4 ×
   * the busy amount): 4 MiB left a 2 GB file unshrunk a minute and a half after a soak, 64 MiB shrank 1.4 GB to
   * 0.2 GB within a minute.
   */
  static final int IDLE_MOVE_BYTES = 4 * BUSY_MOVE_BYTES;
  private static final Logger LOG = Logger.getLogger(H2Maintenance.class.getName());

  private final H2Database database;
  private final H2Database.Work<Void> round;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "fedgate-h2-maintenance");
    thread.setDaemon(true);
    return thread;
  });
  private boolean failing;

  private H2Maintenance(H2Database database, H2Database.Work<Void> round) {
    this.database = database;
    this.round = round;
  }

  /** Starts the upkeep of {@code database}'s file: the first round after one interval. */
  static H2Maintenance start(H2Database database) {
    return start(database, INTERVAL, new Upkeep());
  }

  /** Starts {@code round} every {@code interval} (tests pass a short interval or a round of their own). */
  static H2Maintenance start(H2Database database, Duration interval, H2Database.Work<Void> round) {
    H2Maintenance maintenance = new H2Maintenance(Objects.requireNonNull(database, "database"),
        Objects.requireNonNull(round, "round"));
    maintenance.timer.scheduleWithFixedDelay(maintenance::runRound, interval.toNanos(), interval.toNanos(),
        TimeUnit.NANOSECONDS);
    return maintenance;
  }

  /** Stops the rounds and returns once the timer has stopped; a round already submitted finishes. Idempotent. */
  void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runRound() {
    try {
      database.transaction(round).toCompletableFuture().get(INTERVAL.toMillis() * 60, TimeUnit.MILLISECONDS);
      failing = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      LOG.log(failing ? Level.FINE : Level.WARNING, "H2 upkeep round failed; the next round runs as usual", e);
      failing = true;
    }
  }

  /**
   * The rounds of one database, on its JDBC threads: shrink a file with holes, else rewrite sparse chunks, as H2's
   * writer does. It remembers the store's version after its round, to tell a quiet store from a busy one.
   */
  static final class Upkeep implements H2Database.Work<Void> {
    private volatile long versionAfterLastRound = -1;

    @Override
    public Void run(Connection connection) throws SQLException {
      MVStore store = mvStore(connection);
      FileStore<?> file = store.getFileStore();
      if (file == null) {
        return null;
      }
      if (file.getFillRate() < FILE_FILL_TARGET && file instanceof RandomAccessStore randomAccess) {
        boolean quiet = store.getCurrentVersion() == versionAfterLastRound;
        // 101: move whatever the fill rate (the check is above); H2 syncs the file around each move.
        randomAccess.compactMoveChunks(101, quiet ? IDLE_MOVE_BYTES : BUSY_MOVE_BYTES, store);
      } else {
        store.compact(CHUNK_FILL_TARGET, REWRITE_BYTES);
      }
      versionAfterLastRound = store.getCurrentVersion();
      return null;
    }
  }

  /** The MVStore under a JDBC connection of this process's embedded database. */
  static MVStore mvStore(Connection connection) throws SQLException {
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    return session.getDatabase().getStore().getMvStore();
  }
}
