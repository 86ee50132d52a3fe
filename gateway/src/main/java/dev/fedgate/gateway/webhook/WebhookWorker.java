package dev.fedgate.gateway.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.delivery.QueueWorker;
import dev.fedgate.gateway.delivery.RetryPolicy;
import dev.fedgate.gateway.delivery.Attempt;
import dev.fedgate.gateway.fetch.OutboundHttp;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends queued webhooks to the site: each job is POSTed to the webhook URL as
 * {@code {"type", "timestamp", "data"}} (the Standard Webhooks payload shape, {@code timestamp} being when the event
 * was queued), signed with {@link StandardWebhooks}, with the job id as {@code webhook-id} so the site can
 * de-duplicate retries. Answers are classified and retried exactly as deliveries are.
 */
public final class WebhookWorker {
  /** The site is close by; a slow answer is a failure to retry. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(15);
  /** Webhooks in flight at once: one host, close by, needs far fewer than deliveries to the whole fediverse. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 32;
  /** Response bytes read from the site; only the status matters. */
  static final int RESPONSE_CAP = 16 * 1024;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI url;
  private final StandardWebhooks signer;
  private final OutboundHttp http;
  private final InstantSource clock;
  private final RetryPolicy retry;
  private final RandomGenerator random;
  private final Duration deadline;
  private final QueueWorker<WebhookEvent> worker;

  private WebhookWorker(Vertx vertx, WebhookJobStore queue, URI url, StandardWebhooks signer, OutboundHttp http,
      InstantSource clock, RandomGenerator random, RetryPolicy retry, QueueWorker.Settings settings,
      Duration deadline) {
    this.url = Objects.requireNonNull(url, "url");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.http = Objects.requireNonNull(http, "http");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.retry = Objects.requireNonNull(retry, "retry");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.worker = new QueueWorker<>("webhook", vertx, queue, this::send, clock, settings);
  }

  /**
   * A worker POSTing {@code queue}'s events to {@code url} through {@code http} (whose guard should allow the site's
   * address, which the operator configured), signed with {@code secret}.
   */
  public static WebhookWorker create(Vertx vertx, WebhookJobStore queue, URI url, String secret, OutboundHttp http,
      InstantSource clock, RandomGenerator random, RetryPolicy retry, QueueWorker.Settings settings,
      Duration deadline) {
    return new WebhookWorker(vertx, queue, url, StandardWebhooks.fromSecret(secret), http, clock, random, retry,
        settings, deadline);
  }

  /** Starts claiming. */
  public void start() {
    worker.start();
  }

  /** Calls {@code listener} with each job and its outcome once recorded (for metrics and tests). */
  public void onCompleted(BiConsumer<Job<WebhookEvent>, JobOutcome> listener) {
    worker.onCompleted(listener);
  }

  /** Claims at once: new events were queued. */
  public void nudge() {
    worker.nudge();
  }

  /** Stops claiming and waits for the webhooks in flight. */
  public Future<Void> stop() {
    return worker.stop();
  }

  private Future<JobOutcome> send(Job<WebhookEvent> job) {
    Optional<byte[]> payload = payload(job);
    if (payload.isEmpty()) {
      return Future.succeededFuture(JobOutcome.giveUp("the event holds invalid JSON"));
    }
    byte[] body = payload.get();
    String id = StandardWebhooks.eventId(job.id());
    HttpHeaders headers = signer.headers(id, clock.instant(), body).with("Content-Type", "application/json");
    return http.send(HttpRequest.of("POST", url, headers, body), deadline, RESPONSE_CAP)
        .transform(result -> Future.succeededFuture(retry.decide(
            Attempt.of(result, clock.instant()), job.attempts(), clock.instant(), random)));
  }

  private static Optional<byte[]> payload(Job<WebhookEvent> job) {
    try {
      ObjectNode envelope = JSON.createObjectNode()
          .put("type", job.payload().type())
          .put("timestamp", job.createdAt().toString());
      envelope.set("data", JSON.readTree(job.payload().json()));
      return Optional.of(JSON.writeValueAsBytes(envelope));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
