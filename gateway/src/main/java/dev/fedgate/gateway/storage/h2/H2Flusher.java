package dev.fedgate.gateway.storage.h2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Group commit at the file: one H2 store (one chunk written) for all the transactions that committed changes while
 * the previous store ran, however many threads committed them, instead of one store per transaction.
 *
 * <p>The database runs with a commit delay (H2's {@code WRITE_DELAY}), so a transaction's commit no longer writes the
 * file by itself. A JDBC thread whose transaction committed changes asks for {@link #written()} and releases the
 * transaction's result only when it completes, that is once a store begun after the commit has been written: an
 * acknowledged write survives a process crash as before. Transactions that changed nothing are not held.
 *
 * <p>Why a store of our own is enough, whatever else H2 does: H2 may also store by itself (when the unsaved changes
 * outgrow its commit buffer, in a large transaction), and such a store is written asynchronously by H2's serializing
 * threads; a store of ours afterwards could then find nothing unsaved and return before that write. So each of our
 * stores first changes a marker map, which makes it always write a chunk, and H2 serializes and saves its chunks in
 * order on single threads: when our store returns, every store begun before it is written too.
 *
 * <p>Thread-safe; the waiting transactions are guarded by this object's monitor.
 */
final class H2Flusher {
  /** The map whose one entry each of our stores changes. */
  static final String MARKER_MAP = "fedgate.flush";
  private static final int STORE_ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(H2Flusher.class.getName());

  private final MVStore store;
  private final MVMap<Long, Long> marker;
  private final Executor releases;
  private final Thread thread;
  private List<CompletableFuture<Void>> waiting = new ArrayList<>();
  private boolean closed;
  private long stores;

  private H2Flusher(MVStore store, Executor releases) {
    this.store = store;
    this.marker = store.openMap(MARKER_MAP);
    this.releases = releases;
    this.thread = new Thread(this::run, "fedgate-h2-flush");
    this.thread.setDaemon(true);
  }

  /**
   * A started flusher for {@code store} when its commits do not write the file themselves (a file store with a commit
   * delay), else null: then each commit is written before it returns. The stages of {@link #written()} complete on
   * {@code releases}, which must run every task it is given.
   */
  static H2Flusher startFor(MVStore store, Executor releases) {
    if (store.getFileStore() == null || store.isReadOnly() || store.getAutoCommitDelay() == 0) {
      return null;
    }
    H2Flusher flusher = new H2Flusher(store, releases);
    flusher.thread.start();
    return flusher;
  }

  /**
   * Called right after a transaction committed changes: completes once a store begun after this call is written, or
   * fails when that store failed or the flusher is closed.
   */
  synchronized CompletionStage<Void> written() {
    CompletableFuture<Void> written = new CompletableFuture<>();
    if (closed) {
      written.completeExceptionally(new IllegalStateException("storage is closed"));
      return written;
    }
    waiting.add(written);
    if (waiting.size() == 1) {
      notifyAll();
    }
    return written;
  }

  /** Writes what is still waiting, then stops; returns once its thread has ended. */
  void close() throws InterruptedException {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    thread.join();
  }

  private void run() {
    List<CompletableFuture<Void>> group;
    while ((group = nextGroup()) != null) {
      RuntimeException failure = null;
      try {
        write();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "H2 could not write committed changes to its file", e);
        failure = e;
      }
      release(group, failure);
    }
  }

  /** The transactions waiting now, once there is one; null once closed with none left. */
  private synchronized List<CompletableFuture<Void>> nextGroup() {
    while (waiting.isEmpty() && !closed) {
      try {
        wait();
      } catch (InterruptedException e) {
        // Only close() ends this thread: what waits must be written first.
      }
    }
    if (waiting.isEmpty()) {
      return null;
    }
    List<CompletableFuture<Void>> group = waiting;
    waiting = new ArrayList<>();
    return group;
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
