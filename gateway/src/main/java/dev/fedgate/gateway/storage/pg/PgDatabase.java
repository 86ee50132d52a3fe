package dev.fedgate.gateway.storage.pg;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.DatabaseException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A pooled PostgreSQL client on a small Vert.x instance the backend owns. Statements are prepared once per
 * connection and pipelined. Transactions that lose a race (unique violation, serialization failure, deadlock) are run
 * again a few times: each unit of work re-reads what it decides on, so running it again is safe.
 */
final class PgDatabase {
  /** Statements one connection sends before reading answers. */
  static final int PIPELINING_LIMIT = 256;
  /** Calls waiting for a connection beyond the pool; past this a call fails at once instead of piling up memory. */
  static final int MAX_WAIT_QUEUE = 10_000;
  private static final int ATTEMPTS = 5;
  // 23505 unique violation (a concurrent insert won), 40001 serialization failure, 40P01 deadlock.
  private static final Set<String> RETRYABLE = Set.of("23505", "40001", "40P01");

  private final Vertx vertx;
  private final Pool pool;
  private final AtomicReference<CompletableFuture<Void>> closing = new AtomicReference<>();

  private PgDatabase(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  /**
   * Opens a pool of {@code poolSize} connections to the server a libpq URI names; connections are made lazily.
   *
   * @throws IllegalArgumentException when {@code uri} is not a PostgreSQL URI
   */
  static PgDatabase open(String uri, int poolSize) {
    PgConnectOptions connect = PgConnectOptions.fromUri(uri)
        .setPipeliningLimit(PIPELINING_LIMIT)
        .setCachePreparedStatements(true);
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(poolSize).setMaxWaitQueueSize(MAX_WAIT_QUEUE).setName("fedgate-pg"))
        .connectingTo(connect)
        .using(vertx)
        .build();
    return new PgDatabase(vertx, pool);
  }

  /** Runs {@code work} in one transaction, retried when it lost a race; the stage completes after commit. */
  <T> CompletionStage<T> transaction(Function<SqlConnection, Future<T>> work) {
    return attempt(work, 1).toCompletionStage();
  }

  private <T> Future<T> attempt(Function<SqlConnection, Future<T>> work, int attempt) {
    if (closing.get() != null) {
      return Future.failedFuture(new IllegalStateException("storage is closed"));
    }
    return pool.withTransaction(work).recover(failure -> attempt < ATTEMPTS && retryable(failure)
        ? attempt(work, attempt + 1)
        : Future.failedFuture(failure));
  }

  private static boolean retryable(Throwable failure) {
    return failure instanceof DatabaseException database && RETRYABLE.contains(database.getSqlState());
  }

  /** Runs a single-statement read (or write) outside an explicit transaction, on any pooled connection. */
  <T> CompletionStage<T> once(Function<SqlClient, Future<T>> work) {
    if (closing.get() != null) {
      return CompletableFuture.failedFuture(new IllegalStateException("storage is closed"));
    }
    try {
      return work.apply(pool).toCompletionStage();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Runs one prepared statement; parameters are converted by {@link #bind}. */
  static Future<RowSet<Row>> run(SqlClient client, String sql, Object... parameters) {
    return client.preparedQuery(sql).execute(tuple(parameters));
  }

  /** Runs one prepared statement once per parameter list, pipelined; the results are chained by {@code next()}. */
  static Future<RowSet<Row>> batch(SqlClient client, String sql, List<Object[]> parameterLists) {
    return client.preparedQuery(sql).executeBatch(parameterLists.stream().map(PgDatabase::tuple).toList());
  }

  private static Tuple tuple(Object[] parameters) {
    Object[] bound = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      bound[i] = bind(parameters[i]);
    }
    return Tuple.wrap(bound);
  }

  /**
   * The client's form of a value: times as UTC {@code OffsetDateTime} to the microsecond, URIs and enums as text,
   * bytes as a buffer, an empty {@link Optional} as NULL.
   */
  static Object bind(Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.map(PgDatabase::bind).orElse(null);
    }
    if (value instanceof Instant instant) {
      return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    if (value instanceof URI uri) {
      return uri.toString();
    }
    if (value instanceof byte[] bytes) {
      return Buffer.buffer(bytes);
    }
    return value;
  }

  /** Stops taking calls, closes the pool (calls in flight finish first), then the Vert.x instance. Idempotent. */
  CompletionStage<Void> close() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    if (!closing.compareAndSet(null, done)) {
      return closing.get();
    }
    closeAfter(pool.close(), vertx).whenComplete((closed, failure) -> {
      if (failure == null) {
        done.complete(null);
      } else {
        done.completeExceptionally(failure);
      }
    });
    return done;
  }

  /**
   * Closes {@code vertx} once its clients closed, even when that failed (the failure is then reported). Vert.x is
   * closed from a thread of its own rather than from one of its event loops, which it waits for.
   */
  static CompletionStage<Void> closeAfter(Future<Void> clientsClosed, Vertx vertx) {
    return clientsClosed.toCompletionStage().handleAsync((closed, failure) -> failure)
        .thenCompose(clientFailure -> vertx.close().toCompletionStage().thenCompose(closed -> clientFailure == null
            ? CompletableFuture.<Void>completedFuture(null)
            : CompletableFuture.<Void>failedFuture(clientFailure)));
  }
}
