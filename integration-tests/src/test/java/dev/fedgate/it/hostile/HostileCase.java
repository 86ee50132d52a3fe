package dev.fedgate.it.hostile;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One row of a hostile-input table: its name, what it tries, how to build the request (building may first set the
 * scene, e.g. store a comment to attack), the status and problem {@code reason} expected (empty for 202), which
 * paths of the simulated peer the gateway may fetch while answering, what may change in the store, and a check of
 * what was stored afterwards.
 */
record HostileCase(String name, String tries, Supplier<RawRequest> request, int status, String reason,
    Predicate<String> mayFetch, Effect effect, Runnable storedCheck) {

  /** Nothing at all may be fetched: the case is refused before any key lookup. */
  static final Predicate<String> NOTHING = path -> false;

  /** What the request may change. */
  enum Effect {
    /** Nothing: not queued, no comment, no follower. */
    NONE,
    /** Queued (202) but, once processed, no comment or follower changed. */
    SITE_UNCHANGED,
    /** Stored as {@link #storedCheck()} asserts. */
    CHECKED
  }

  /** A refused case: nothing queued or stored. */
  static HostileCase refused(String name, String tries, Supplier<RawRequest> request, int status, String reason,
      Predicate<String> mayFetch) {
    return new HostileCase(name, tries, request, status, reason, mayFetch, Effect.NONE, () -> { });
  }

  /** Accepted (202, as peers expect) but without effect once processed, then {@code check}. */
  static HostileCase ignored(String name, String tries, Supplier<RawRequest> request, Predicate<String> mayFetch,
      Runnable check) {
    return new HostileCase(name, tries, request, 202, "", mayFetch, Effect.SITE_UNCHANGED, check);
  }

  /** Accepted (202) with an effect {@code check} asserts. */
  static HostileCase accepted(String name, String tries, Supplier<RawRequest> request, Predicate<String> mayFetch,
      Runnable check) {
    return new HostileCase(name, tries, request, 202, "", mayFetch, Effect.CHECKED, check);
  }

  /** Answered 202 as a duplicate: nothing queued again. */
  static HostileCase duplicate(String name, String tries, Supplier<RawRequest> request, Runnable check) {
    return new HostileCase(name, tries, request, 202, "", NOTHING, Effect.NONE, check);
  }

  @Override
  public String toString() {
    return name;
  }
}
