package dev.fedgate.testkit.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What arrived at a test server (a simulated inbox, faulted posts, a webhook sink), in arrival order; tests wait on it
 * without sleeping. Bounded: past {@link #MAX_KEPT} entries the oldest are dropped, so a load test cannot exhaust the
 * heap.
 */
public final class ArrivalLog<T> {
  /** The most entries kept. */
  public static final int MAX_KEPT = 100_000;

  private final List<T> received = new ArrayList<>();

  /** Records {@code activity} and wakes the waiters. */
  public synchronized void add(T activity) {
    if (received.size() == MAX_KEPT) {
      received.subList(0, MAX_KEPT / 10).clear();
    }
    received.add(activity);
    notifyAll();
  }

  /** Everything recorded, oldest first. */
  public synchronized List<T> all() {
    return List.copyOf(received);
  }

  /** The first entry matching {@code match}, waiting up to {@code timeout} for it to arrive. */
  public synchronized Optional<T> await(Predicate<T> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> found = received.stream().filter(match).findFirst();
      long left = deadline - System.nanoTime();
      if (found.isPresent() || left <= 0) {
        return found;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }
}
