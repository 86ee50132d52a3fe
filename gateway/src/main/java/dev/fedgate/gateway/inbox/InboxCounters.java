package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.metrics.CounterSet;
import dev.fedgate.gateway.metrics.Histogram;
import java.time.Duration;

/**
 * In-process counters of the inbox, rendered in the Prometheus text format. Labels are bounded: {@code outcome} and
 * {@code reason} come from enums ({@link InboxOutcome}), {@code type} from the handler registry's closed set, never
 * from raw input.
 */
public final class InboxCounters {
  /** Requests answered, by outcome and reason. */
  public static final String REQUESTS = "fedgate_inbox_requests_total";
  /** Queued activities processed, by outcome ({@code handled}, {@code unhandled}, {@code retried}, {@code dropped}). */
  public static final String PROCESSED = "fedgate_inbox_processed_total";

  /** Seconds a queued activity spent in its handler (fetches and writes included). */
  public static final String PROCESSING = "fedgate_inbox_processing_seconds";

  private final CounterSet counters = new CounterSet();
  private final Histogram processing =
      new Histogram(PROCESSING, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30);

  /** Counts one answered request. */
  public void answered(InboxOutcome outcome) {
    String kind = outcome instanceof InboxOutcome.Accepted ? "accepted" : "refused";
    increment(REQUESTS + "{outcome=\"" + kind + "\",reason=\"" + outcome.reason() + "\"}");
  }

  /** Counts one processed activity. */
  public void processed(String outcome) {
    increment(PROCESSED + "{outcome=\"" + outcome + "\"}");
  }

  /** Records how long one activity's processing took. */
  public void processingTook(Duration duration) {
    processing.observe(duration);
  }

  /** The current value of a series, e.g. {@code fedgate_inbox_requests_total{outcome="refused",reason="domain-blocked"}}. */
  public long value(String series) {
    return counters.value(series);
  }

  /** All series in the Prometheus text exposition format, sorted. */
  public String render() {
    return counters.render() + processing.render();
  }

  private void increment(String series) {
    counters.increment(series);
  }
}
