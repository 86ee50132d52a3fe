package dev.fedgate.gateway.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2FlusherTest {
  /** A commit delay so long that H2's background writer never stores during a test. */
  private static final String GROUPED = ";WRITE_DELAY=" + Integer.MAX_VALUE;

  @TempDir
  Path directory;

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
  }

  @Test
  void startFor_aStoreWhoseCommitsWriteTheFile_orAStoreWithoutAFile_isNone() {
    MVStore immediate = new MVStore.Builder().fileName(directory.resolve("immediate").toString()).open();
    immediate.setAutoCommitDelay(0);
    MVStore memory = new MVStore.Builder().open();
    toClose.add(immediate::close);
    toClose.add(memory::close);

    assertThat(H2Flusher.startFor(immediate, Runnable::run, null)).isNull();
    assertThat(H2Flusher.startFor(memory, Runnable::run, null)).isNull();
  }

  @Test
  void written_byTransactionsCommittedWhileAStoreRan_isOneStoreForAllOfThem() throws Exception {
    MVStore store = delayedStore("grouped");
    H2Flusher flusher = started(store);
    MVMap<Integer, String> data = store.openMap("data");
    long before = store.getCurrentVersion();

    List<CompletableFuture<Void>> waiting = new ArrayList<>();
    // Holding the flusher's monitor keeps its thread from taking a group until all ten wait.
    synchronized (flusher) {
      for (int i = 0; i < 10; i++) {
        data.put(i, "row " + i);
        waiting.add(flusher.written().toCompletableFuture());
      }
    }
    CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);

    assertThat(store.getCurrentVersion()).isEqualTo(before + 1);
    assertThat(store.hasUnsavedChanges()).isFalse();
  }

  @Test
  void written_completesOnlyOnceTheChangesAreInTheFile() throws Exception {
    MVStore store = delayedStore("durable");
    H2Flusher flusher = started(store);
    store.openMap("data").put("key", "acknowledged");

    flusher.written().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(keyAfterACrash(store, "durable")).isEqualTo("acknowledged");
  }

  @Test
  void written_afterAStoreH2StartedByItself_completesOnlyOnceThatStoreIsInTheFile() throws Exception {
    MVStore store = delayedStore("own-store");
    H2Flusher flusher = started(store);
    store.openMap("data").put("key", "taken by H2's own store");
    // As H2 does when unsaved changes outgrow its buffer: a store written later by its serializing threads, leaving
    // nothing unsaved.
    store.tryCommit();

    flusher.written().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(keyAfterACrash(store, "own-store")).isEqualTo("taken by H2's own store");
  }

  @Test
  void written_whenTheStoreCannotBeWritten_failsTheWaitingTransactions() throws Exception {
    MVStore store = delayedStore("failing");
    H2Flusher flusher = started(store);
    store.closeImmediately();

    CompletionStage<Void> written = flusher.written();

    assertThatThrownBy(() -> written.toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
  }

  @Test
  void close_writesWhatWaits_thenRefusesMore() throws Exception {
    MVStore store = delayedStore("closing");
    H2Flusher flusher = started(store);
    store.openMap("data").put("key", "value");
    CompletableFuture<Void> waiting;
    Thread closer = new Thread(() -> {
      try {
        flusher.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    synchronized (flusher) {
      waiting = flusher.written().toCompletableFuture();
      closer.start();
    }
    closer.join(10_000);

    assertThat(waiting).isCompleted();
    assertThat(store.hasUnsavedChanges()).isFalse();
    assertThatThrownBy(() -> flusher.written().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void journaled_completesOnceItsRecordsAreSynced_withoutAStore() throws Exception {
    MVStore store = delayedStore("journaled");
    H2Flusher flusher = started(store, journal("journaled"), Duration.ofHours(1));
    store.openMap("data").put("key", "redone from the journal");
    long before = store.getCurrentVersion();

    flusher.journaled(List.of(bytes("record 1"), bytes("record 2"))).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(store.getCurrentVersion()).isEqualTo(before);
    assertThat(store.hasUnsavedChanges()).isTrue();
    assertThat(JournalRecords.all(journal("journaled"))).extracting(H2FlusherTest::text)
        .containsExactly("record 1", "record 2");
  }

  @Test
  void journaled_whenTheJournalCannotBeWritten_failsItsTransactions_andTheNextAppendWorksAgain() throws Exception {
    Path journalDirectory = directory.resolve("journal");
    MVStore store = delayedStore("unwritable");
    H2Flusher flusher = started(store, H2Journal.open(journalDirectory.resolve("unwritable")), Duration.ofHours(1));
    Files.delete(journalDirectory);

    CompletionStage<Void> failed = flusher.journaled(List.of(bytes("lost")));
    assertThatThrownBy(() -> failed.toCompletableFuture().get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(UncheckedIOException.class);

    Files.createDirectories(journalDirectory);
    flusher.journaled(List.of(bytes("kept"))).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(JournalRecords.all(H2Journal.open(journalDirectory.resolve("unwritable"))))
        .extracting(H2FlusherTest::text).containsExactly("kept");
  }

  @Test
  void checkpoint_storesWhatWasCommittedWithoutWaiting_thenDeletesTheSegmentsItCovers() throws Exception {
    MVStore store = delayedStore("checkpoint");
    putAndJournal(store, started(store, journal("checkpoint"), Duration.ofMillis(50)), "stored by a checkpoint");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((store.hasUnsavedChanges() || !segments("checkpoint").isEmpty()) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(segments("checkpoint")).isEmpty();
    assertThat(keyAfterACrash(store, "checkpoint")).isEqualTo("stored by a checkpoint");
  }

  @Test
  void close_storesWhatWasJournaled_andLeavesNoSegment() throws Exception {
    MVStore store = delayedStore("journal-close");
    H2Flusher flusher = started(store, journal("journal-close"), Duration.ofHours(1));
    putAndJournal(store, flusher, "value");

    flusher.close();

    assertThat(store.hasUnsavedChanges()).isFalse();
    assertThat(JournalRecords.all(journal("journal-close"))).isEmpty();
  }

  @Test
  void journaled_withoutAJournal_waitsForAStore() throws Exception {
    MVStore store = delayedStore("no-journal");

    putAndJournal(store, started(store), "stored");

    assertThat(keyAfterACrash(store, "no-journal")).isEqualTo("stored");
  }

  @Test
  void database_aDeferringWriteCompletesAtItsCommit_andTheNextDurableWriteStoresIt() throws Exception {
    H2Database database = H2Database.open("jdbc:h2:file:" + directory.resolve("db") + GROUPED, 2);
    toClose.add(() -> database.close().toCompletableFuture().get(30, TimeUnit.SECONDS));
    get(database.transaction(c -> execute(c, "CREATE TABLE t (id INT PRIMARY KEY)")));

    get(database.deferring().transaction(c -> execute(c, "INSERT INTO t VALUES (1)")));
    boolean unsavedAfterDeferred = get(database.transaction(c -> H2Maintenance.mvStore(c).hasUnsavedChanges()));
    get(database.transaction(c -> execute(c, "INSERT INTO t VALUES (2)")));
    boolean unsavedAfterDurable = get(database.transaction(c -> H2Maintenance.mvStore(c).hasUnsavedChanges()));

    assertThat(unsavedAfterDeferred).isTrue();
    assertThat(unsavedAfterDurable).isFalse();
  }

  @Test
  void database_aWriteCompletesOnceWritten_aReadAtItsCommit() throws Exception {
    H2Database database = H2Database.open("jdbc:h2:file:" + directory.resolve("db") + GROUPED, 2);
    toClose.add(() -> database.close().toCompletableFuture().get(30, TimeUnit.SECONDS));
    get(database.transaction(c -> execute(c, "CREATE TABLE t (id INT PRIMARY KEY)")));
    assertThat(database.writesInGroups()).isTrue();

    get(database.transaction(c -> execute(c, "INSERT INTO t VALUES (1)")));
    long afterWrite = get(database.transaction(c -> H2Maintenance.mvStore(c).getCurrentVersion()));
    boolean unsaved = get(database.transaction(c -> H2Maintenance.mvStore(c).hasUnsavedChanges()));
    get(database.transaction(c -> execute(c, "SELECT COUNT(*) FROM t")));
    long afterRead = get(database.transaction(c -> H2Maintenance.mvStore(c).getCurrentVersion()));

    assertThat(unsaved).isFalse();
    assertThat(afterRead).isEqualTo(afterWrite);
  }

  /**
   * What a crash leaves of {@code store} (opened as {@code name}): its file as written, read without closing the store
   * (closing would store what is pending); the value under "key" in its map "data".
   */
  private Object keyAfterACrash(MVStore store, String name) {
    MVStore.Builder reader = new MVStore.Builder().fileName(directory.resolve(name).toString()).readOnly();
    store.closeImmediately();
    try (MVStore reopened = reader.open()) {
      return reopened.openMap("data").get("key");
    }
  }

  private MVStore delayedStore(String name) {
    MVStore store = new MVStore.Builder().fileName(directory.resolve(name).toString()).open();
    store.setAutoCommitDelay(Integer.MAX_VALUE);
    toClose.add(() -> {
      if (!store.isClosed()) {
        store.closeImmediately();
      }
    });
    return store;
  }

  private H2Flusher started(MVStore store) {
    return started(store, null, H2Flusher.CHECKPOINT_INTERVAL);
  }

  private H2Flusher started(MVStore store, H2Journal journal, Duration checkpoint) {
    H2Flusher flusher = H2Flusher.startFor(store, Runnable::run, journal, checkpoint);
    assertThat(flusher).isNotNull();
    toClose.add(flusher::close);
    return flusher;
  }

  /** Puts {@code value} under "key" in the map "data", then waits for a record of it to be journaled. */
  private static void putAndJournal(MVStore store, H2Flusher flusher, String value) throws Exception {
    store.openMap("data").put("key", value);
    flusher.journaled(List.of(bytes(value))).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The journal of the store named {@code name}, as a process opening it now would find it. */
  private H2Journal journal(String name) throws IOException {
    return H2Journal.open(directory.resolve(name));
  }

  private List<Path> segments(String name) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().startsWith(name + H2Journal.SEGMENT_INFIX)).toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] record) {
    return new String(record, StandardCharsets.UTF_8);
  }

  private static int execute(Connection c, String sql) throws SQLException {
    try (Statement statement = c.createStatement()) {
      statement.execute(sql);
      return statement.getUpdateCount();
    }
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
