package dev.fedgate.gateway.fetch;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many outbound fetches one inbound request may still cause (Lemmy's {@code http_fetch_limit}): a hostile
 * activity that points at chains of objects cannot make the gateway fetch without end.
 */
public final class FetchBudget {
  /** Enough for an activity, its actor, its key and a replied-to object with its author. */
  public static final int DEFAULT_FETCHES = 10;

  private final AtomicInteger remaining;

  private FetchBudget(int fetches) {
    if (fetches < 0) {
      throw new IllegalArgumentException("fetches must not be negative");
    }
    this.remaining = new AtomicInteger(fetches);
  }

  /** A budget of {@code fetches} fetches. */
  public static FetchBudget of(int fetches) {
    return new FetchBudget(fetches);
  }

  /** The default budget for one inbound request. */
  public static FetchBudget perRequest() {
    return new FetchBudget(DEFAULT_FETCHES);
  }

  /** Takes one fetch from the budget; false when none is left. */
  public boolean tryConsume() {
    return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
  }

  /** Fetches still allowed. */
  public int remaining() {
    return remaining.get();
  }
}
