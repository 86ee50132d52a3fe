package dev.fedgate.gateway.storage.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit: calls made while earlier writes are in flight are collected and written together by one call of the
 * writer (one transaction, one durable commit), so a store that pays per commit is paid once per group, not once per
 * call. An idle group commit writes a call at once, adding no latency; under load the groups grow by themselves.
 *
 * <p>Each call's stage completes with its own result once its group's write completed; if a write fails, every call
 * of that group fails with the same cause (the writer is a transaction: all or nothing). A write that has not
 * completed within {@link #WRITE_TIMEOUT} fails its calls and frees its slot, so one lost completion can never stall
 * every later call. Thread-safe.
 *
 * @param <I> what a call submits
 * @param <O> what a call gets back
 */
public final class GroupCommit<I, O> {
  /** Longer than any store's own lock and pool timeouts: a write still running then is presumed lost. */
  public static final Duration WRITE_TIMEOUT = Duration.ofMinutes(1);
  private final int maxGroup;
  private final int maxInFlight;
  private final Function<List<I>, CompletionStage<List<O>>> writer;
  private final Duration writeTimeout;
  private final ArrayDeque<Waiting<I, O>> waiting = new ArrayDeque<>();
  private int inFlight;

  /**
   * A group commit that hands at most {@code maxGroup} calls to one {@code writer} call, with at most
   * {@code maxInFlight} writes running at once (one per connection the store can use in parallel). The writer returns
   * one result per input, in order.
   */
  public GroupCommit(int maxGroup, int maxInFlight, Function<List<I>, CompletionStage<List<O>>> writer) {
    this(maxGroup, maxInFlight, writer, WRITE_TIMEOUT);
  }

  GroupCommit(int maxGroup, int maxInFlight, Function<List<I>, CompletionStage<List<O>>> writer,
      Duration writeTimeout) {
    if (maxGroup < 1 || maxInFlight < 1) {
      throw new IllegalArgumentException("maxGroup and maxInFlight must be positive");
    }
    this.maxGroup = maxGroup;
    this.maxInFlight = maxInFlight;
    this.writer = Objects.requireNonNull(writer, "writer");
    this.writeTimeout = Objects.requireNonNull(writeTimeout, "writeTimeout");
  }

  /** Writes {@code item} with the next group; completes with its result once that group is durable. */
  public CompletionStage<O> submit(I item) {
    Waiting<I, O> call = new Waiting<>(Objects.requireNonNull(item, "item"), new CompletableFuture<>());
    List<Waiting<I, O>> group;
    synchronized (this) {
      waiting.add(call);
      group = takeGroup();
    }
    write(group);
    return call.result();
  }

  /** How many calls wait for a write slot (not those being written). */
  public synchronized int waiting() {
    return waiting.size();
  }

  /** The next group to write when a write slot is free, else null; the caller holds the lock. */
  private List<Waiting<I, O>> takeGroup() {
    if (inFlight >= maxInFlight || waiting.isEmpty()) {
      return null;
    }
    inFlight++;
    List<Waiting<I, O>> group = new ArrayList<>(Math.min(waiting.size(), maxGroup));
    while (group.size() < maxGroup && !waiting.isEmpty()) {
      group.add(waiting.poll());
    }
    return group;
  }

  private void write(List<Waiting<I, O>> group) {
    if (group == null) {
      return;
    }
    CompletionStage<List<O>> written;
    try {
      written = writer.apply(group.stream().map(Waiting::item).toList()).toCompletableFuture().copy()
          .orTimeout(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      written = CompletableFuture.failedFuture(e);
    }
    written.whenComplete((results, failure) -> {
      List<Waiting<I, O>> next;
      synchronized (this) {
        inFlight--;
        next = takeGroup();
      }
      // The next group is handed to the writer before this one's callers resume, so the store is not left idle
      // while they run (and a caller that sees its result sees the next write started).
      write(next);
      settle(group, results, failure);
    });
  }

  private static <I, O> void settle(List<Waiting<I, O>> group, List<O> results, Throwable failure) {
    Throwable cause = failure;
    if (cause == null && (results == null || results.size() != group.size())) {
      cause = new IllegalStateException("group writer returned " + (results == null ? "no" : results.size())
          + " results for " + group.size() + " calls");
    }
    for (int i = 0; i < group.size(); i++) {
      if (cause != null) {
        group.get(i).result().completeExceptionally(cause);
      } else {
        group.get(i).result().complete(results.get(i));
      }
    }
  }

  private record Waiting<I, O>(I item, CompletableFuture<O> result) {}
}
