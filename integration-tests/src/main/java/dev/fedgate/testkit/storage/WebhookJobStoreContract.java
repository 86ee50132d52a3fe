package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.SiteEvent;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link WebhookJobStore}: the shared queue semantics on webhook events, and the polled log. */
public abstract class WebhookJobStoreContract extends ClaimableQueueContract<WebhookEvent> {

  private WebhookJobStore webhooks() {
    return backend.webhookJobs();
  }

  @Override
  protected ClaimableQueue<WebhookEvent> queue() {
    return webhooks();
  }

  @Override
  protected WebhookEvent payload(int n) {
    return new WebhookEvent(n % 2 == 0 ? "follow.created" : "comment.created", "{\"n\":" + n + "}");
  }

  @Override
  protected void enqueue(List<WebhookEvent> payloads) {
    await(webhooks().enqueueAll(payloads));
  }

  @Test
  void events_logEveryEnqueuedEventUnderItsJobId_andOutliveDelivery() {
    List<JobId> ids = await(webhooks().enqueueAll(List.of(payload(1), payload(2))));
    for (Job<WebhookEvent> job : await(webhooks().claimDue(clock.instant(), 10, LEASE))) {
      await(webhooks().complete(lease(job), JobOutcome.done()));
    }

    List<SiteEvent> events = readAllPagesBothWays(p -> await(webhooks().events(p)), 10);

    assertThat(events).extracting(SiteEvent::id).containsExactlyElementsOf(ids);
    assertThat(events).extracting(SiteEvent::event).containsExactly(payload(1), payload(2));
    assertThat(events).extracting(SiteEvent::createdAt).containsOnly(clock.instant());
  }

  @Test
  void events_pageOldestFirstFromACursor() {
    for (int i = 0; i < 5; i++) {
      enqueue(List.of(payload(i)));
    }

    List<SiteEvent> events = readAllPagesBothWays(p -> await(webhooks().events(p)), 2);

    assertThat(events).extracting(SiteEvent::event)
        .containsExactly(payload(0), payload(1), payload(2), payload(3), payload(4));
  }

  @Test
  void pruneEvents_removesOnlyOlderEvents_andLeavesTheQueue() {
    enqueue(List.of(payload(1)));
    Instant first = clock.instant();
    clock.advance(Duration.ofDays(2));
    enqueue(List.of(payload(2)));

    assertThat(await(webhooks().pruneEvents(first.plus(Duration.ofDays(1))))).isEqualTo(1);

    assertThat(readAllPagesBothWays(p -> await(webhooks().events(p)), 10)).extracting(SiteEvent::event)
        .containsExactly(payload(2));
    assertThat(await(webhooks().claimDue(clock.instant(), 10, LEASE))).hasSize(2);
  }

  @Test
  void events_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> webhooks().events(request));
  }
}
