package dev.fedgate.gateway.metrics;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.gateway.storage.StorageBackend;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What {@code /metrics} shows: counters of job outcomes (deliveries, webhooks) kept in memory, the other areas'
 * counters (e.g. the inbox's), and queue depths and oldest-due ages read from the store at scrape time, so every node
 * reports the shared queues the same way.
 */
public final class GatewayMetrics {
  /** Deliveries and webhook calls finished, by queue and outcome ({@code done}, {@code retry}, {@code gave-up}). */
  public static final String JOBS = "fedgate_jobs_completed_total";
  /** Jobs in a queue by state ({@code waiting}, {@code in-flight}, {@code dead}). */
  public static final String DEPTH = "fedgate_queue_jobs";
  /** Seconds the oldest due, unclaimed job of a queue has been waiting (0 when none). */
  public static final String OLDEST = "fedgate_queue_oldest_due_seconds";

  private final StorageBackend storage;
  private final InstantSource clock;
  private final CounterSet jobs = new CounterSet();
  private final Map<String, Supplier<String>> sections = new LinkedHashMap<>();

  /** Metrics over {@code storage}'s queues, with times from {@code clock}. */
  public GatewayMetrics(StorageBackend storage, InstantSource clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** Adds another area's series (already in the text format) to every scrape. */
  public void section(String name, Supplier<String> series) {
    sections.put(name, series);
  }

  /** Counts a finished job of {@code queue} ({@code delivery} or {@code webhook}). */
  public void jobCompleted(String queue, JobOutcome outcome) {
    String kind = outcome instanceof JobOutcome.Done ? "done"
        : outcome instanceof JobOutcome.RetryAt ? "retry" : "gave-up";
    jobs.increment(JOBS + "{queue=\"" + queue + "\",outcome=\"" + kind + "\"}");
  }

  /** The whole exposition: counters, then the queue gauges read from the store now. */
  public CompletionStage<String> scrape() {
    CompletionStage<String> deliveries = gauges("delivery", storage.deliveryJobs());
    CompletionStage<String> webhooks = gauges("webhook", storage.webhookJobs());
    CompletionStage<String> inbox = gauges("inbox", storage.inbox());
    return deliveries.thenCombine(webhooks, String::concat).thenCombine(inbox, String::concat)
        .thenApply(queues -> {
          StringBuilder text = new StringBuilder(jobs.render());
          sections.values().forEach(section -> text.append(section.get()));
          return text.append(queues).toString();
        });
  }

  private CompletionStage<String> gauges(String queue, ClaimableQueue<?> store) {
    // A store that cannot answer leaves its gauges out of this scrape; /health reports the store itself.
    return store.stats(clock.instant()).thenApply(stats -> render(queue, stats)).exceptionally(failure -> "");
  }

  static String render(String queue, QueueStats stats) {
    String label = "{queue=\"" + queue + "\",state=\"";
    return DEPTH + label + "waiting\"} " + stats.waiting() + "\n"
        + DEPTH + label + "in-flight\"} " + stats.inFlight() + "\n"
        + DEPTH + label + "dead\"} " + stats.dead() + "\n"
        + OLDEST + "{queue=\"" + queue + "\"} " + stats.oldestDueAge().map(d -> d.toMillis() / 1000.0).orElse(0.0)
        + "\n";
  }
}
