package dev.fedgate.testkit.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a simulated instance's inboxes received, in arrival order; tests wait on it without sleeping. Bounded: past
 * {@link #MAX_KEPT} entries the oldest are dropped, so a load test cannot exhaust the heap.
 */
final class InboxLog {
  static final int MAX_KEPT = 100_000;

  private final List<ReceivedActivity> received = new ArrayList<>();

  synchronized void add(ReceivedActivity activity) {
    if (received.size() == MAX_KEPT) {
      received.subList(0, MAX_KEPT / 10).clear();
    }
    received.add(activity);
    notifyAll();
  }

  synchronized List<ReceivedActivity> all() {
    return List.copyOf(received);
  }

  /** The first received activity matching {@code match}, waiting up to {@code timeout} for it to arrive. */
  synchronized Optional<ReceivedActivity> await(Predicate<ReceivedActivity> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<ReceivedActivity> found = received.stream().filter(match).findFirst();
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
