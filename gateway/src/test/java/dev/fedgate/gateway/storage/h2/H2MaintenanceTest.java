package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2MaintenanceTest {
  private static final Duration FAST = Duration.ofMillis(1);
  private static final AtomicInteger NAMES = new AtomicInteger();

  @TempDir
  Path directory;

  private H2Database database =
      H2Database.open("jdbc:h2:mem:maintenance-test-" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", 2);
  private H2Maintenance maintenance;

  @AfterEach
  void close() throws Exception {
    if (maintenance != null) {
      maintenance.close();
    }
    get(database.close());
  }

  @Test
  void upkeep_onAFileOfSparseChunks_rewritesThemIntoFewer() throws Exception {
    get(database.close());
    // No retention, so that the chunks written here may be rewritten at once rather than 45 s later.
    database = H2Database.open("jdbc:h2:file:" + directory.resolve("db") + ";WRITE_DELAY=0;RETENTION_TIME=0", 1);
    get(database.transaction(c -> {
      execute(c, "CREATE TABLE small (id INT PRIMARY KEY, v VARCHAR)");
      execute(c, "CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR)");
      execute(c, "INSERT INTO small SELECT X, SPACE(100) FROM SYSTEM_RANGE(0, 4799)");
      return execute(c, "INSERT INTO big VALUES (0, SPACE(20000))");
    }));
    // Each commit rewrites one page of `small` among a hundred and the page of `big`: a chunk of its own whose large
    // page is dead by the next commit and whose small one stays live until its page is written again.
    for (int i = 0; i < 300; i++) {
      int id = i * 16 % 4800;
      get(database.transaction(c -> execute(c, "UPDATE small SET v = SPACE(100) || '" + id + "' WHERE id = " + id
          + "; UPDATE big SET v = SPACE(20000) || '" + id + "'")));
    }
    int before = get(database.transaction(H2MaintenanceTest::chunks));

    H2Maintenance.Upkeep upkeep = new H2Maintenance.Upkeep();
    for (int round = 0; round < 5; round++) {
      get(database.transaction(upkeep));
      // The rewritten pages are stored by the next commit, and the emptied chunks dropped.
      get(database.transaction(c -> execute(c, "UPDATE big SET v = v")));
    }

    int after = get(database.transaction(H2MaintenanceTest::chunks));
    assertThat(before).isGreaterThan(50);
    assertThat(after).isLessThan(before / 4);
    int rows = get(database.transaction(c -> count(c, "SELECT COUNT(*) FROM small WHERE LENGTH(v) > 100")));
    assertThat(rows).isEqualTo(300);
  }

  @Test
  void upkeep_onAFileWithHoles_movesChunksAndShrinksIt() throws Exception {
    get(database.close());
    Path file = directory.resolve("holes.mv.db");
    database = H2Database.open("jdbc:h2:file:" + directory.resolve("holes") + ";WRITE_DELAY=0;RETENTION_TIME=0", 1);
    get(database.transaction(c -> execute(c, "CREATE TABLE big (id INT PRIMARY KEY, v VARCHAR)")));
    for (int i = 0; i < 200; i++) {
      int id = i;
      get(database.transaction(c -> execute(c, "INSERT INTO big VALUES (" + id + ", SPACE(20000) || '" + id + "')")));
    }
    // Most rows gone: their chunks are dropped, leaving holes all through the file and a few live pages near its end.
    get(database.transaction(c -> execute(c, "DELETE FROM big WHERE id < 195")));
    get(database.transaction(c -> execute(c, "UPDATE big SET v = v WHERE id = 199")));
    long before = Files.size(file);
    H2Maintenance.Upkeep upkeep = new H2Maintenance.Upkeep();
    for (int round = 0; round < 5; round++) {
      get(database.transaction(upkeep));
    }

    assertThat(Files.size(file)).isLessThan(before / 2);
    int rows = get(database.transaction(c -> count(c, "SELECT COUNT(*) FROM big")));
    assertThat(rows).isEqualTo(5);
  }

  @Test
  void upkeep_onAnInMemoryDatabase_doesNothing() throws Exception {
    assertThat((Object) get(database.transaction(new H2Maintenance.Upkeep()))).isNull();
  }

  @Test
  void rounds_runOnTheDatabasesJdbcThreads_eachInterval() throws Exception {
    List<String> threads = new CopyOnWriteArrayList<>();
    CountDownLatch threeRounds = new CountDownLatch(3);

    maintenance = H2Maintenance.start(database, FAST, c -> {
      threads.add(Thread.currentThread().getName());
      threeRounds.countDown();
      return null;
    });

    assertThat(threeRounds.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(threads).allMatch(name -> name.matches("fedgate-h2-\\d+"));
  }

  @Test
  void failedRound_isLoggedAsAWarning_andTheNextRoundsRun() throws Exception {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger logger = Logger.getLogger(H2Maintenance.class.getName());
    logger.addHandler(handler);
    AtomicInteger rounds = new AtomicInteger();
    CountDownLatch recovered = new CountDownLatch(1);
    try {
      maintenance = H2Maintenance.start(database, FAST, c -> {
        if (rounds.incrementAndGet() == 1) {
          throw new SQLException("disk trouble", "HY000");
        }
        recovered.countDown();
        return null;
      });

      assertThat(recovered.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(logged).anySatisfy(record -> {
      assertThat(record.getLevel()).isEqualTo(Level.WARNING);
      assertThat(record.getThrown()).hasRootCauseMessage("disk trouble");
    });
    int answered = get(database.transaction(c -> count(c, "SELECT 1")));
    assertThat(answered).isEqualTo(1);
  }

  @Test
  void close_stopsTheRounds() throws Exception {
    get(database.close());
    // One JDBC thread, so that a round submitted before the close runs before any transaction submitted after it.
    database = H2Database.open("jdbc:h2:mem:maintenance-test-" + NAMES.incrementAndGet() + ";DB_CLOSE_DELAY=-1", 1);
    AtomicInteger rounds = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    maintenance = H2Maintenance.start(database, FAST, c -> {
      rounds.incrementAndGet();
      started.countDown();
      return null;
    });
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    maintenance.close();
    // Whatever round was submitted before the close has run once this later transaction has.
    get(database.transaction(c -> null));
    int afterClose = rounds.get();

    // A hundred intervals later, still no further round.
    assertThat(new CountDownLatch(1).await(FAST.toMillis() * 100, TimeUnit.MILLISECONDS)).isFalse();
    assertThat(rounds.get()).isEqualTo(afterClose);
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static Void execute(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
    }
    return null;
  }

  private static int count(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static int chunks(Connection c) throws SQLException {
    try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.CHUNK_COUNT'")) {
      rows.next();
      return Integer.parseInt(rows.getString(1));
    }
  }
}
