package dev.fedgate.gateway.storage.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Runs JDBC work in transactions on a bounded pool of named threads, one connection each, so callers (event loops
 * above all) never block. Work that hits a unique-key race, a lock timeout or a deadlock is retried a few times: each
 * unit of work is a whole transaction that re-reads what it decides on, so running it again is safe.
 *
 * <p>Each thread keeps its connection open between transactions rather than taking it from the pool and returning it
 * each time: returning a pooled connection rolls back and switches auto-commit on, and when each commit wrote the file
 * ({@code WRITE_DELAY=0}) those calls made H2 write its pending changes out as extra chunks (a quarter of the inbox's
 * CPU under load).
 *
 * <p>On a file database with a commit delay, a transaction that changed anything completes only once its changes are
 * written to the file, and the changes of all threads are written together ({@link H2Flusher}); a read completes at
 * its commit. Two kinds of writes complete sooner: a {@link #journaled} one once records that redo it are synced to
 * the journal, and every write of the {@link #deferring()} view at its commit (work the inbox redoes if it is lost).
 */
final class H2Database {
  /** Queued calls beyond the running ones; past this a call fails at once instead of piling up memory. */
  static final int QUEUE_CAPACITY = 10_000;
  private static final int ATTEMPTS = 5;
  private static final long SHUTDOWN_WAIT_SECONDS = 30;
  private static final CompletionStage<Void> WRITTEN = CompletableFuture.completedFuture(null);

  private final Shared shared;
  /** Whether this view's writes complete at commit rather than once written. */
  private final boolean deferring;

  /** What the durable database and its deferring view share: connections, threads and the flusher. */
  private static final class Shared {
    private final JdbcConnectionPool pool;
    private final ThreadPoolExecutor executor;
    private final H2Journal journal;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ThreadLocal<Connection> own = new ThreadLocal<>();
    private final Set<Connection> held = ConcurrentHashMap.newKeySet();
    /** Set with the first connection when commits are written in groups (else null); see {@link H2Flusher}. */
    private volatile H2Flusher flusher;
    private boolean flusherChecked;

    private Shared(JdbcConnectionPool pool, ThreadPoolExecutor executor, H2Journal journal) {
      this.pool = pool;
      this.executor = executor;
      this.journal = journal;
    }
  }

  private H2Database(Shared shared, boolean deferring) {
    this.shared = shared;
    this.deferring = deferring;
  }

  /** A database on {@code jdbcUrl} with {@code poolSize} JDBC threads and no journal. */
  static H2Database open(String jdbcUrl, int poolSize) {
    return open(jdbcUrl, poolSize, null);
  }

  /** A database on {@code jdbcUrl} with {@code poolSize} JDBC threads; {@code journal} (or null) for journaled writes. */
  static H2Database open(String jdbcUrl, int poolSize, H2Journal journal) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
    pool.setMaxConnections(poolSize);
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(poolSize, poolSize, 0, TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUE_CAPACITY), runnable -> {
          Thread thread = new Thread(runnable, "fedgate-h2-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    return new H2Database(new Shared(pool, executor, journal), false);
  }

  /**
   * The same database, whose writes complete at their commit, without waiting for the file: for work that is redone
   * if a crash loses it. Such a write reaches the file with the next store, at the latest a checkpoint interval later,
   * and before any write that completes after it waiting for the file.
   */
  H2Database deferring() {
    return new H2Database(shared, true);
  }

  /** One transaction's work; its result is returned after commit. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} in one transaction on the JDBC threads; the stage completes after commit. */
  <T> CompletionStage<T> transaction(Work<T> work) {
    return run(work, deferring ? (flusher, value) -> WRITTEN : (flusher, value) -> flusher.written());
  }

  /**
   * Runs {@code work} in one transaction whose changes {@code records} let a later process redo (see
   * {@link H2StorageProvider}): the stage completes once they are synced to the journal, or written to the file.
   */
  <T> CompletionStage<T> journaled(Work<T> work, Function<T, List<byte[]>> records) {
    return run(work, (flusher, value) -> flusher.journaled(records.apply(value)));
  }

  /** When a transaction that changed something may complete, given its value. */
  @FunctionalInterface
  private interface Release<T> {
    CompletionStage<Void> written(H2Flusher flusher, T value);
  }

  private <T> CompletionStage<T> run(Work<T> work, Release<T> release) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      shared.executor.execute(() -> {
        try {
          Committed<T> committed = runWithRetries(work, release);
          committed.written().whenComplete((written, failure) -> {
            if (failure == null) {
              result.complete(committed.value());
            } else {
              result.completeExceptionally(failure);
            }
          });
        } catch (SQLException | RuntimeException e) {
          result.completeExceptionally(e);
        } catch (Error e) {
          // The caller must hear of it (a stage left pending would stall it for good); this thread's connection,
          // mid-transaction, is closed (rolling it back) and the pool replaces the thread.
          discardConnection();
          result.completeExceptionally(e);
          throw e;
        }
      });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(shared.closed.get()
          ? new IllegalStateException("storage is closed", e)
          : new RejectedExecutionException("storage queue is full (" + QUEUE_CAPACITY + " calls waiting)", e));
    }
    return result;
  }

  /** A transaction's result, and when what it committed is written to the file. */
  private record Committed<T>(T value, CompletionStage<Void> written) {}

  private <T> Committed<T> runWithRetries(Work<T> work, Release<T> release) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try {
        Connection connection = connection();
        try {
          T value = work.run(connection);
          H2Flusher flusher = shared.flusher;
          boolean changed = flusher != null && changedAnything(connection);
          connection.commit();
          return new Committed<>(value, changed ? release.written(flusher, value) : WRITTEN);
        } catch (SQLException | RuntimeException e) {
          rollback(connection);
          throw e;
        }
      } catch (SQLException e) {
        if (attempt >= ATTEMPTS || !isRetryable(e)) {
          throw e;
        }
      }
    }
  }

  /** This thread's connection, opened on first use (outside auto-commit) and kept until {@link #close()}. */
  private Connection connection() throws SQLException {
    Connection connection = shared.own.get();
    if (connection == null) {
      connection = shared.pool.getConnection();
      connection.setAutoCommit(false);
      shared.held.add(connection);
      shared.own.set(connection);
      startFlusher(connection);
    }
    return connection;
  }

  /** Once, with the first connection: group commits when the database's own commits do not write the file. */
  private void startFlusher(Connection connection) throws SQLException {
    synchronized (shared) {
      if (!shared.flusherChecked) {
        shared.flusherChecked = true;
        shared.flusher = H2Flusher.startFor(H2Maintenance.mvStore(connection), this::release, shared.journal);
      }
    }
  }

  /** Whether commits are written in groups (known once a transaction has run). */
  boolean writesInGroups() {
    return shared.flusher != null;
  }

  private static boolean changedAnything(Connection connection) throws SQLException {
    return ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).hasPendingTransaction();
  }

  /** Runs a released transaction's continuation on the JDBC threads, or here once they are shut down. */
  private void release(Runnable completion) {
    try {
      shared.executor.execute(completion);
    } catch (RejectedExecutionException e) {
      completion.run();
    }
  }

  /** Rolls back; a connection that cannot even do that is closed and replaced on next use. */
  private void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      discardConnection();
    }
  }

  /** Closes this thread's connection, if it has one; the next transaction on this thread opens another. */
  private void discardConnection() {
    Connection connection = shared.own.get();
    if (connection != null) {
      shared.own.remove();
      shared.held.remove(connection);
      closeQuietly(connection);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Already broken: the pool discards it.
    }
  }

  private static boolean isRetryable(SQLException e) {
    String state = e.getSQLState();
    // 23505 unique violation (a concurrent insert won), HYT00 lock timeout, 40001 deadlock or concurrent update.
    return "23505".equals(state) || "HYT00".equals(state) || "40001".equals(state);
  }

  /** Stops taking calls, lets accepted ones finish, then shuts the database down (files flushed and closed). */
  CompletionStage<Void> close() {
    if (!shared.closed.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    shared.executor.shutdown();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread closer = new Thread(() -> {
      try {
        shared.executor.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        H2Flusher written = shared.flusher;
        if (written != null) {
          written.close();
        }
        shared.held.forEach(H2Database::closeQuietly);
        try (Connection connection = shared.pool.getConnection(); Statement statement = connection.createStatement()) {
          statement.execute("SHUTDOWN");
        }
        shared.pool.dispose();
        done.complete(null);
      } catch (SQLException | RuntimeException e) {
        shared.pool.dispose();
        done.completeExceptionally(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        shared.pool.dispose();
        done.completeExceptionally(e);
      }
    }, "fedgate-h2-close");
    closer.start();
    return done;
  }
}
