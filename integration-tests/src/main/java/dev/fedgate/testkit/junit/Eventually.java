package dev.fedgate.testkit.junit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Bounded polling for state that settles asynchronously (a stored comment, a removed follower, a counted like): reads
 * until the value passes or the timeout ends, then fails with the last value seen. Never a fixed sleep.
 */
public final class Eventually {
  /** How long to wait between two reads. */
  public static final Duration INTERVAL = Duration.ofMillis(50);

  private Eventually() {}

  /**
   * The first value {@code read} returns that passes {@code until}, reading for at most {@code timeout}.
   *
   * @throws AssertionError naming {@code what} and the last value when none passed in time
   */
  public static <T> T await(String what, Supplier<T> read, Predicate<T> until, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T value = read.get();
      if (until.test(value)) {
        return value;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + value);
      }
      LockSupport.parkNanos(INTERVAL.toNanos());
    }
  }
}
