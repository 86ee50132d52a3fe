package dev.fedgate.gateway.storage.support;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Shared reads: a caller asking for a key while a read of it is running joins that read instead of starting another,
 * so a burst of callers wanting one key costs one store call. Nothing is kept once a read completes: the next caller
 * reads afresh, so a value is never older than the read that was running when its caller asked. Thread-safe.
 *
 * @param <K> what is read
 * @param <V> what a read gives
 */
public final class SharedReads<K, V> {
  private final Function<K, CompletionStage<V>> reader;
  private final ConcurrentMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

  /** Reads through {@code reader}. */
  public SharedReads(Function<K, CompletionStage<V>> reader) {
    this.reader = Objects.requireNonNull(reader, "reader");
  }

  /** The value of {@code key}, from the read of it running now or from a new one. */
  public CompletionStage<V> read(K key) {
    CompletableFuture<V> mine = new CompletableFuture<>();
    CompletableFuture<V> joined = running.putIfAbsent(key, mine);
    if (joined != null) {
      return joined.copy();
    }
    CompletionStage<V> read;
    try {
      read = reader.apply(key);
    } catch (RuntimeException e) {
      read = CompletableFuture.failedFuture(e);
    }
    read.whenComplete((value, failure) -> {
      running.remove(key, mine);
      if (failure == null) {
        mine.complete(value);
      } else {
        mine.completeExceptionally(failure);
      }
    });
    // Each caller gets its own stage, so one caller cancelling it leaves the others' read alone.
    return mine.copy();
  }
}
