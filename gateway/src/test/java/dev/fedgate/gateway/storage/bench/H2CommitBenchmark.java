package dev.fedgate.gateway.storage.bench;

import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.h2.H2StorageProvider;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The cost of one H2 commit under the settings that change what a commit writes: for each variant, in alternated
 * rounds, a fresh file database migrated by {@link H2StorageProvider}, reopened with the variant's URL options, filled
 * with {@value #PRELOAD} de-dup marks (the inbox's only table that grows), then {@value #COMMITS} commits of one shape,
 * one at a time on one thread: the committing thread's CPU per commit (with {@code WRITE_DELAY=0} the chunk is
 * serialised and written on that thread), the whole process's (garbage collection included) and the file's growth per commit (every chunk is appended: none is freed
 * before H2's 45 s retention).
 *
 * <p>Shapes: {@code accept}, the inbox accept of one activity (a de-dup mark and a queue row with a 2 KB body);
 * {@code comment}, one stored reply (a {@code video_comment} row; referential checks are off so no video is needed,
 * which leaves what the commit writes unchanged).
 *
 * <p>One unreported round of every variant runs first, for the JIT.
 *
 * <p>Run: {@code mvn -q -o -pl gateway -am -Ph2-commit-benchmark process-test-classes -Dcommit.args="5"} (the number
 * of rounds).
 */
public final class H2CommitBenchmark {
  private static final int PRELOAD = 20_000;
  private static final int PRELOAD_BATCH = 500;
  private static final int COMMITS = 4_000;
  private static final String BODY = "{\"type\":\"Create\",\"content\":\"" + "x".repeat(2_000) + "\"}";
  /** What {@link H2StorageProvider} adds to every URL that a commit's writing depends on. */
  private static final String BASE = ";WRITE_DELAY=0;MAX_LENGTH_INPLACE_LOB=32768;QUERY_CACHE_SIZE=64";
  private static final Map<String, String> VARIANTS = variants();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private H2CommitBenchmark() {}

  private static Map<String, String> variants() {
    Map<String, String> variants = new LinkedHashMap<>();
    variants.put("default (PAGE_SIZE=16384)", "");
    variants.put("PAGE_SIZE=4096", ";PAGE_SIZE=4096");
    variants.put("PAGE_SIZE=8192", ";PAGE_SIZE=8192");
    variants.put("PAGE_SIZE=32768", ";PAGE_SIZE=32768");
    variants.put("COMPRESS=TRUE", ";COMPRESS=TRUE");
    variants.put("CACHE_SIZE=4096", ";CACHE_SIZE=4096");
    variants.put("AUTO_COMPACT_FILL_RATE=0", ";AUTO_COMPACT_FILL_RATE=0");
    variants.put("no inbox secondary indexes", "");
    return variants;
  }

  /** One variant's figures in one round. */
  private record Figures(double cpuMicros, double processCpuMicros, double bytes, double wallMicros) {}

  /** Runs the rounds given as the only argument (default 3) and prints each variant's median per shape. */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    List<String> names = new ArrayList<>(VARIANTS.keySet());
    Map<String, List<Figures>> results = new LinkedHashMap<>();
    // A round the figures leave out, so the JIT has compiled the commit path before the first variant counts.
    for (String name : names) {
      measure(name, "accept");
    }
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < names.size(); i++) {
        // Each round starts one variant later, so none always runs first or last.
        String name = names.get((i + round) % names.size());
        for (String shape : List.of("accept", "comment")) {
          Figures figures = measure(name, shape);
          results.computeIfAbsent(shape + " | " + name, k -> new ArrayList<>()).add(figures);
          System.gc();
          Runtime runtime = Runtime.getRuntime();
          System.out.printf("round %d %-8s %-28s %7.1f us CPU (process %7.1f) %8.0f bytes %7.1f us wall  load %.2f"
              + " heap %d MiB%n", round + 1, shape, name, figures.cpuMicros(), figures.processCpuMicros(),
              figures.bytes(), figures.wallMicros(), loadAverage(),
              (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        }
      }
    }
    System.out.println("median per commit (shape | variant: CPU of the committing thread, of the process, file growth,"
        + " wall)");
    results.forEach((key, list) -> System.out.printf("%-40s %7.1f us CPU (process %7.1f) %8.0f bytes %7.1f us wall%n",
        key, median(list.stream().map(Figures::cpuMicros).toList()),
        median(list.stream().map(Figures::processCpuMicros).toList()),
        median(list.stream().map(Figures::bytes).toList()), median(list.stream().map(Figures::wallMicros).toList())));
  }

  private static Figures measure(String variant, String shape) throws Exception {
    Path directory = Files.createTempDirectory("fedgate-commit");
    try {
      Path file = directory.resolve("db");
      StorageBackend migrated = new H2StorageProvider().open(StorageSettings.builder()
          .url("file:" + file).build()).toCompletableFuture().join();
      migrated.close().toCompletableFuture().join();
      try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + file + BASE + VARIANTS.get(variant), "sa", "")) {
        prepare(c, variant);
        Path dbFile = directory.resolve("db.mv.db");
        long sizeBefore = Files.size(dbFile);
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long processBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        for (int n = 0; n < COMMITS; n++) {
          if (shape.equals("accept")) {
            accept(c, "https://m.example/activities/new-" + n);
          } else {
            comment(c, n);
          }
          c.commit();
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long process = processCpuNanos() - processBefore;
        long wall = System.nanoTime() - wallBefore;
        long growth = Files.size(dbFile) - sizeBefore;
        try (Statement statement = c.createStatement()) {
          statement.execute("SHUTDOWN IMMEDIATELY");
        }
        return new Figures(cpu / 1000.0 / COMMITS, process / 1000.0 / COMMITS, (double) growth / COMMITS,
            wall / 1000.0 / COMMITS);
      }
    } finally {
      delete(directory);
    }
  }

  /** Fills the de-dup table, settles the file, and drops the indexes the variant goes without. */
  private static void prepare(Connection c, String variant) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
      if (variant.startsWith("no inbox")) {
        statement.execute("DROP INDEX inbox_seen_at");
        statement.execute("DROP INDEX inbox_item_due");
      }
    }
    c.setAutoCommit(false);
    try (PreparedStatement mark = c.prepareStatement("INSERT INTO inbox_seen (activity_id, seen_at) VALUES (?, ?)")) {
      for (int n = 0; n < PRELOAD; n++) {
        mark.setString(1, "https://m.example/activities/old-" + UUID.randomUUID());
        mark.setTimestamp(2, Timestamp.from(Instant.now()));
        mark.executeUpdate();
        if (n % PRELOAD_BATCH == PRELOAD_BATCH - 1) {
          c.commit();
        }
      }
    }
    c.commit();
    // A warm-up the figures leave out: the statements compiled and the JIT at work on the commit path.
    for (int n = 0; n < COMMITS / 4; n++) {
      accept(c, "https://m.example/activities/warm-" + n);
      comment(c, -n - 1);
      c.commit();
    }
  }

  private static void accept(Connection c, String id) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement mark = c.prepareStatement("INSERT INTO inbox_seen (activity_id, seen_at) SELECT ?, ?"
        + " WHERE NOT EXISTS (SELECT 1 FROM inbox_seen WHERE activity_id = ?)")) {
      mark.setString(1, id);
      mark.setTimestamp(2, now);
      mark.setString(3, id);
      mark.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO inbox_item (activity_id, recipient, signer, body,"
        + " state, attempts, due_at, created_at) VALUES (?, NULL, ?, ?, 'QUEUED', 0, ?, ?)", new String[] {"id"})) {
      insert.setString(1, id);
      insert.setString(2, "https://m.example/users/bob");
      insert.setString(3, BODY);
      insert.setTimestamp(4, now);
      insert.setTimestamp(5, now);
      insert.executeUpdate();
    }
  }

  private static void comment(Connection c, int n) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO video_comment (video_uuid, remote_id,"
        + " author_account, author_actor, content, parent_id, root_id, status, published_at, created_at, updated_at)"
        + " VALUES (?, ?, NULL, ?, ?, NULL, NULL, 'VISIBLE', ?, ?, ?)", new String[] {"id"})) {
      insert.setObject(1, new UUID(0, n % 20));
      insert.setString(2, "https://m.example/notes/" + n);
      insert.setString(3, "https://m.example/users/u" + (n % 50));
      insert.setString(4, "<p>A reply of a few words, number " + n + ".</p>");
      insert.setTimestamp(5, now);
      insert.setTimestamp(6, now);
      insert.setTimestamp(7, now);
      insert.executeUpdate();
    }
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
