package dev.fedgate.gateway.storage;

/**
 * How many known remote hosts are in each delivery state: {@code available} (no failure since the last success),
 * {@code failing} (failure days counted, not yet unavailable) and {@code unavailable} (deliveries skipped).
 */
public record HostStateCounts(long available, long failing, long unavailable) {
  /** Checks that no count is negative. */
  public HostStateCounts {
    if (available < 0 || failing < 0 || unavailable < 0) {
      throw new IllegalArgumentException("counts must not be negative");
    }
  }
}
