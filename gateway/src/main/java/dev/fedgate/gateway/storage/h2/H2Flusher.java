package dev.fedgate.gateway.storage.h2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Group commit at the file: one H2 store (one chunk written) for all the transactions that committed changes while
 * the previous store ran, however many threads committed them, instead of one store per transaction; and the
 * checkpoints that store, about once a {@link #CHECKPOINT_INTERVAL}, what was committed without waiting for a store.
 *
 * <p>The database runs with a commit delay (H2's {@code WRITE_DELAY}), so a transaction's commit no longer writes the
 * file by itself. After a commit that changed anything, a JDBC thread releases the transaction's result
 * <ul>
 *   <li>once a store begun after the commit has been written ({@link #written()}): an acknowledged write survives a
 *       process crash as before;
 *   <li>or once records from which the transaction can be redone are synced to the {@link H2Journal}
 *       ({@link #journaled}; a store also covers them);
 *   <li>or at once, for work that is redone from the inbox queue if a crash loses it; the next checkpoint or store
 *       writes it, and no later write is written without it (a store writes everything committed before it).
 * </ul>
 * A checkpoint seals the journal's segment, stores, syncs the file to the disk, then deletes the sealed segments:
 * everything they hold was committed before the store began. An accepted activity thus survives a power loss too
 * (other writes survive a crash of the process: a store is not synced to the disk).
 *
 * <p>Why a store of our own is enough, whatever else H2 does: H2 may also store by itself (when the unsaved changes
 * outgrow its commit buffer, in a large transaction), and such a store is written asynchronously by H2's serializing
 * threads; a store of ours afterwards could then find nothing unsaved and return before that write. So each of our
 * stores first changes a marker map, which makes it always write a chunk, and H2 serializes and saves its chunks in
 * order on single threads: when our store returns, every store begun before it is written too.
 *
 * <p>Thread-safe; the waiting transactions are guarded by this object's monitor, the journal is the flusher thread's.
 */
final class H2Flusher {
  /** The map whose one entry each of our stores changes. */
  static final String MARKER_MAP = "fedgate.flush";
  /**
   * The most time between stores while something is unsaved: H2's own commit delay. It bounds the work a crash
   * makes the inbox redo and the journal's size (a second of accepted activities).
   */
  static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
  private static final int STORE_ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(H2Flusher.class.getName());

  private final MVStore store;
  private final MVMap<Long, Long> marker;
  private final Executor releases;
  private final H2Journal journal;
  private final long checkpointNanos;
  private final Thread thread;
  private List<CompletableFuture<Void>> waiting = new ArrayList<>();
  private List<Journaled> journaling = new ArrayList<>();
  /** Sealed segments no store has covered yet; the flusher thread's. */
  private final List<Path> sealed = new ArrayList<>();
  private long lastStoreNanos = System.nanoTime();
  private boolean closed;
  private long stores;

  /** Records waiting for the journal, and the transaction that waits for them. */
  private record Journaled(List<byte[]> records, CompletableFuture<Void> written) {}

  /** What one round of the flusher thread does: a store for all of these, or a journal sync for the journaled. */
  private record Round(boolean store, List<CompletableFuture<Void>> written, List<Journaled> journaled) {}

  private H2Flusher(MVStore store, Executor releases, H2Journal journal, Duration checkpoint) {
    this.store = store;
    this.marker = store.openMap(MARKER_MAP);
    this.releases = releases;
    this.journal = journal;
    this.checkpointNanos = checkpoint.toNanos();
    this.thread = new Thread(this::run, "fedgate-h2-flush");
    this.thread.setDaemon(true);
  }

  /**
   * A started flusher for {@code store} when its commits do not write the file themselves (a file store with a commit
   * delay), else null: then each commit is written before it returns. The stages of {@link #written()} complete on
   * {@code releases}, which must run every task it is given. Without a journal, {@link #journaled} waits for a store.
   */
  static H2Flusher startFor(MVStore store, Executor releases, H2Journal journal) {
    return startFor(store, releases, journal, CHECKPOINT_INTERVAL);
  }

  /** {@link #startFor(MVStore, Executor, H2Journal)} with another checkpoint interval (tests). */
  static H2Flusher startFor(MVStore store, Executor releases, H2Journal journal, Duration checkpoint) {
    if (store.getFileStore() == null || store.isReadOnly() || store.getAutoCommitDelay() == 0) {
      return null;
    }
    H2Flusher flusher = new H2Flusher(store, releases, journal, checkpoint);
    flusher.thread.start();
    return flusher;
  }

  /**
   * Called right after a transaction committed changes: completes once a store begun after this call is written, or
   * fails when that store failed or the flusher is closed.
   */
  synchronized CompletionStage<Void> written() {
    CompletableFuture<Void> written = new CompletableFuture<>();
    if (refusedWhenClosed(written)) {
      return written;
    }
    waiting.add(written);
    notifyAll();
    return written;
  }

  /**
   * Called right after a transaction committed changes that {@code records} let a later process redo: completes once
   * the records are synced to the journal (or a store begun after this call is written), or fails when neither could
   * be written or the flusher is closed.
   */
  synchronized CompletionStage<Void> journaled(List<byte[]> records) {
    if (journal == null) {
      return written();
    }
    CompletableFuture<Void> written = new CompletableFuture<>();
    if (refusedWhenClosed(written)) {
      return written;
    }
    journaling.add(new Journaled(List.copyOf(records), written));
    notifyAll();
    return written;
  }

  /** Writes what is still waiting and everything committed, then stops; returns once its thread has ended. */
  void close() throws InterruptedException {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    thread.join();
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private boolean refusedWhenClosed(CompletableFuture<Void> written) {
    if (closed) {
      written.completeExceptionally(new IllegalStateException("storage is closed"));
    }
    return closed;
  }

  private void run() {
    Round round;
    while ((round = nextRound()) != null) {
      RuntimeException failure = null;
      try {
        if (round.store()) {
          checkpoint();
        } else {
          appendAll(round.journaled());
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "H2 could not write committed changes to its file or journal", e);
        failure = e;
      }
      release(round.written(), failure);
      release(round.journaled().stream().map(Journaled::written).toList(), failure);
      if (failure != null && isClosed()) {
        return;
      }
    }
  }

  /**
   * The next round, once there is one: a store when a transaction waits for one, when the checkpoint is due with
   * something unsaved, or at close; else a journal sync when records wait. Null once closed with nothing left.
   */
  private synchronized Round nextRound() {
    while (true) {
      if (!waiting.isEmpty()) {
        return take(true);
      }
      long sinceStore = System.nanoTime() - lastStoreNanos;
      boolean unsaved = unsaved();
      if (unsaved && (closed || sinceStore >= checkpointNanos)) {
        return take(true);
      }
      if (!journaling.isEmpty()) {
        return take(false);
      }
      if (closed) {
        return null;
      }
      try {
        wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(unsaved ? checkpointNanos - sinceStore : checkpointNanos)));
      } catch (InterruptedException e) {
        // Only close() ends this thread: what waits must be written first.
      }
    }
  }

  private Round take(boolean store) {
    Round round = new Round(store, store ? waiting : List.of(), journaling);
    if (store) {
      waiting = new ArrayList<>();
    }
    journaling = new ArrayList<>();
    return round;
  }

  private boolean unsaved() {
    return (journal != null && journal.hasSegments()) || !sealed.isEmpty()
        || (!store.isClosed() && store.hasUnsavedChanges());
  }

  /**
   * Seals the journal, stores every change so far, then (once the file is synced) deletes the sealed segments. Records
   * still waiting for the journal need none: their transactions committed before this store began.
   */
  private void checkpoint() {
    if (journal != null) {
      try {
        sealed.addAll(journal.seal());
      } catch (IOException e) {
        throw new UncheckedIOException("could not close the journal segment", e);
      }
    }
    lastStoreNanos = System.nanoTime();
    write();
    if (!sealed.isEmpty()) {
      // The journal is synced to the disk, so what it covered must be too before it goes.
      store.sync();
      H2Journal.delete(sealed);
      sealed.clear();
    }
  }

  /** Appends and syncs; a segment a failed append may have left torn is sealed, so appends go on in a new one. */
  private void appendAll(List<Journaled> journaled) {
    List<byte[]> records = new ArrayList<>();
    journaled.forEach(each -> records.addAll(each.records()));
    try {
      journal.appendAndSync(records);
    } catch (IOException e) {
      try {
        sealed.addAll(journal.seal());
      } catch (IOException closing) {
        e.addSuppressed(closing);
      }
      throw new UncheckedIOException("could not write the journal", e);
    }
  }

  /**
   * One store of every change so far, written before it returns. A store H2 starts by itself between the marker's
   * change and ours takes the marker too and leaves ours nothing to store; the marker is then changed again.
   */
  private void write() {
    for (int attempt = 0; attempt < STORE_ATTEMPTS; attempt++) {
      marker.put(0L, ++stores);
      if (store.commit() >= 0) {
        return;
      }
    }
    throw new IllegalStateException("H2 did not store its changes (closed, or in a failed state)");
  }

  private void release(List<CompletableFuture<Void>> group, RuntimeException failure) {
    for (CompletableFuture<Void> written : group) {
      releases.execute(failure == null ? () -> written.complete(null) : () -> written.completeExceptionally(failure));
    }
  }
}
