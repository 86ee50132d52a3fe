package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class H2DatabaseTest {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private final H2Database database =
      H2Database.open("jdbc:h2:mem:database-test-" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", 1);

  @AfterEach
  void close() throws Exception {
    get(database.close());
  }

  @Test
  void transaction_runsOnItsOwnThread() throws Exception {
    String thread = get(database.transaction(c -> Thread.currentThread().getName()));

    assertThat(thread).startsWith("fedgate-h2-").isNotEqualTo(Thread.currentThread().getName());
  }

  @Test
  void transaction_failingWork_isRolledBack() throws Exception {
    get(database.transaction(c -> execute(c.createStatement(), "CREATE TABLE t (x INT)")));

    CompletionStage<Object> failing = database.transaction(c -> {
      execute(c.createStatement(), "INSERT INTO t VALUES (1)");
      throw new SQLException("boom", "42000");
    });

    assertThatThrownBy(() -> get(failing)).hasCauseInstanceOf(SQLException.class);
    int rows = get(database.transaction(c -> count(c.createStatement())));
    assertThat(rows).isZero();
  }

  @Test
  void transaction_keepsItsThreadsConnectionOpenForTheNext() throws Exception {
    Connection first = get(database.transaction(c -> c));
    Connection second = get(database.transaction(c -> c));

    assertThat((Object) second).isSameAs(first);
    assertThat(second.isClosed()).isFalse();
  }

  @Test
  void transaction_afterItsConnectionBroke_runsOnAFreshOne() throws Exception {
    get(database.transaction(c -> execute(c.createStatement(), "CREATE TABLE t (x INT)")));
    Connection broken = get(database.transaction(c -> c));

    CompletionStage<Object> breaking = database.transaction(c -> {
      c.close();
      throw new SQLException("connection lost", "08006");
    });

    assertThatThrownBy(() -> get(breaking)).hasCauseInstanceOf(SQLException.class);
    assertThat((Object) get(database.transaction(c -> c))).isNotSameAs(broken);
    int rows = get(database.transaction(c -> count(c.createStatement())));
    assertThat(rows).isZero();
  }

  @Test
  void transaction_workThrowingAnError_failsItsStage_rollsBack_andTheNextRunsOnAFreshConnection() throws Exception {
    get(database.transaction(c -> execute(c.createStatement(), "CREATE TABLE t (x INT)")));
    Connection before = get(database.transaction(c -> c));

    CompletionStage<Object> failing = database.transaction(c -> {
      execute(c.createStatement(), "INSERT INTO t VALUES (1)");
      throw new StackOverflowError("deep");
    });

    assertThatThrownBy(() -> get(failing)).hasCauseInstanceOf(StackOverflowError.class);
    assertThat(before.isClosed()).isTrue();
    int rows = get(database.transaction(c -> count(c.createStatement())));
    assertThat(rows).isZero();
  }

  @Test
  void transaction_queueFull_failsAtOnce() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletionStage<Boolean> blocker = database.transaction(c -> {
      started.countDown();
      try {
        return release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
    List<CompletableFuture<Integer>> queued = new ArrayList<>();
    for (int i = 0; i < H2Database.QUEUE_CAPACITY; i++) {
      queued.add(database.transaction(c -> 1).toCompletableFuture());
    }

    CompletableFuture<Integer> overflow = database.transaction(c -> 1).toCompletableFuture();

    assertThat(queued).noneMatch(CompletableFuture::isCompletedExceptionally);
    assertThat(overflow).isCompletedExceptionally();
    assertThatThrownBy(overflow::join).hasCauseInstanceOf(RejectedExecutionException.class);
    release.countDown();
    assertThat(get(blocker)).isTrue();
    queued.forEach(CompletableFuture::join);
  }

  @Test
  void transaction_afterClose_failsAsClosed() throws Exception {
    get(database.close());

    assertThatThrownBy(() -> get(database.transaction(c -> 1))).hasCauseInstanceOf(IllegalStateException.class);
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static int execute(Statement statement, String sql) throws SQLException {
    try (statement) {
      return statement.executeUpdate(sql);
    }
  }

  private static int count(Statement statement) throws SQLException {
    try (statement; ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM t")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
