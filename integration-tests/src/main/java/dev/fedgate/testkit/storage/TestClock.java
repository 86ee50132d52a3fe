package dev.fedgate.testkit.storage;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until a test advances it; safe to read from any thread. */
public final class TestClock implements InstantSource {
  private final AtomicReference<Instant> now;

  /** A clock showing {@code start}. */
  public TestClock(Instant start) {
    this.now = new AtomicReference<>(start);
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /** Moves the clock forward by {@code step} and returns the new time. */
  public Instant advance(Duration step) {
    if (step.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back");
    }
    return now.updateAndGet(current -> current.plus(step));
  }
}
