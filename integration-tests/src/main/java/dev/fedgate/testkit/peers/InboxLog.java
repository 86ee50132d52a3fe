package dev.fedgate.testkit.peers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** What a simulated instance's inboxes received, in arrival order; tests wait on it without sleeping. */
final class InboxLog {
  private final List<ReceivedActivity> received = new ArrayList<>();

  synchronized void add(ReceivedActivity activity) {
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
