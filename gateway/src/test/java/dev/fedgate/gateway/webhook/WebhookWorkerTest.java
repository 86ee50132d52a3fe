package dev.fedgate.gateway.webhook;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.delivery.QueueWorker;
import dev.fedgate.gateway.delivery.RetryPolicy;
import dev.fedgate.gateway.fetch.LoopbackPeer;
import dev.fedgate.gateway.fetch.OutboundFixture;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.signatures.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookWorkerTest {
  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private final OutboundFixture fixture = new OutboundFixture();
  private final LoopbackPeer site = LoopbackPeer.start(fixture.vertx, fixture.publicKey("alice"), fixture.clock);
  private final BlockingQueue<JobOutcome> outcomes = new LinkedBlockingQueue<>();
  private WebhookWorker worker;

  @AfterEach
  void close() {
    await(worker.stop().toCompletionStage());
    site.close();
    fixture.close();
  }

  private void start() {
    worker = WebhookWorker.create(fixture.vertx, fixture.storage.webhookJobs(), site.url("/hooks"), SECRET,
        fixture.http(true), fixture.clock, () -> 0L, RetryPolicy.DEFAULT,
        new QueueWorker.Settings(4, Duration.ofHours(1), Duration.ofMinutes(5)), Duration.ofSeconds(5));
    worker.onCompleted((job, outcome) -> outcomes.add(outcome));
    worker.start();
  }

  private JobOutcome nextOutcome() throws InterruptedException {
    JobOutcome outcome = outcomes.poll(15, TimeUnit.SECONDS);
    assertThat(outcome).as("a job outcome").isNotNull();
    return outcome;
  }

  @Test
  void webhook_isPostedWithVerifiableStandardWebhooksSignature() throws Exception {
    site.answer("/hooks", 204);
    await(fixture.storage.webhookJobs().enqueueAll(List.of(
        new WebhookEvent("follow.created", "{\"follower\":\"https://m.example/users/bob\"}"))));
    start();

    LoopbackPeer.Received got = site.next();

    assertThat(nextOutcome()).isEqualTo(JobOutcome.done());
    HttpHeaders headers = got.request().headers();
    String id = headers.first("webhook-id").orElseThrow();
    String timestamp = headers.first("webhook-timestamp").orElseThrow();
    assertThat(timestamp).isEqualTo(Long.toString(fixture.clock.instant().getEpochSecond()));
    assertThat(headers.first("webhook-signature")).hasValue(
        "v1," + StandardWebhooksTest.expected(SECRET, id + "." + timestamp + ".", got.request().body()));
    assertThat(headers.first("Content-Type")).hasValue("application/json");
    JsonNode body = new ObjectMapper().readTree(got.request().body());
    assertThat(body.path("type").asText()).isEqualTo("follow.created");
    assertThat(body.path("data").path("follower").asText()).isEqualTo("https://m.example/users/bob");
  }

  @Test
  void failedWebhook_isRetriedWithTheSameId() throws Exception {
    site.answer("/hooks", 503);
    await(fixture.storage.webhookJobs().enqueueAll(List.of(new WebhookEvent("like.created", "{}"))));
    start();
    String firstId = site.next().request().headers().first("webhook-id").orElseThrow();
    assertThat(nextOutcome()).isInstanceOf(JobOutcome.RetryAt.class);

    site.answer("/hooks", 200);
    fixture.clock.advance(Duration.ofMinutes(1));
    worker.nudge();

    assertThat(site.next().request().headers().first("webhook-id")).hasValue(firstId);
    assertThat(nextOutcome()).isEqualTo(JobOutcome.done());
  }
}
