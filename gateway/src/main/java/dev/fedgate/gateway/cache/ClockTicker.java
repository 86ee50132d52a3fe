package dev.fedgate.gateway.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.InstantSource;

/** Caffeine tickers that follow a clock, so that caches expire on the gateway's clock (a test's, too). */
public final class ClockTicker {
  private ClockTicker() {}

  /** Nanoseconds of {@code clock}, at its millisecond resolution. */
  public static Ticker of(InstantSource clock) {
    return () -> clock.millis() * 1_000_000L;
  }
}
