package dev.fedgate.testkit.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.SiteEvent;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.WebhookEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of a backend opened with {@link StorageSettings#webhooks()} false (no webhook URL configured): site
 * events are logged for {@code GET /api/v1/events}, and no webhook job piles up, since nothing would deliver it. Event
 * ids keep growing when the same database is opened with webhooks on and off in turn.
 */
public abstract class SiteEventLogContract extends StoreContract {

  /**
   * A backend over this test's one database (created empty by the first call, the same database on later calls),
   * opened with {@link StorageSettings.Builder#webhooks(boolean)} set as given and {@link #clock} as its clock.
   */
  protected abstract StorageBackend openOver(boolean webhooks);

  @Override
  protected final StorageBackend openBackend() {
    return openOver(false);
  }

  private static WebhookEvent event(int n) {
    return new WebhookEvent("comment.created", "{\"n\":" + n + "}");
  }

  @Test
  void enqueueAll_withoutWebhooks_logsEachEventUnderItsId_andQueuesNoJob() {
    List<JobId> ids = await(backend.webhookJobs().enqueueAll(List.of(event(1), event(2))));

    List<SiteEvent> events = readAllPagesBothWays(p -> await(backend.webhookJobs().events(p)), 10);
    assertThat(events).extracting(SiteEvent::id).containsExactlyElementsOf(ids);
    assertThat(events).extracting(SiteEvent::event).containsExactly(event(1), event(2));
    assertThat(await(backend.webhookJobs().claimDue(clock.instant(), 10, ClaimableQueueContract.LEASE))).isEmpty();
    assertThat(await(backend.webhookJobs().stats(clock.instant())).waiting()).isZero();
  }

  @Test
  void eventIds_keepGrowing_whenWebhooksAreSwitchedOnAndOff_andOnlyEventsLoggedWithWebhooksAreQueued() {
    List<JobId> ids = new ArrayList<>(await(backend.webhookJobs().enqueueAll(List.of(event(1), event(2)))));
    reopen(true);
    ids.addAll(await(backend.webhookJobs().enqueueAll(List.of(event(3)))));
    reopen(false);
    ids.addAll(await(backend.webhookJobs().enqueueAll(List.of(event(4)))));
    reopen(true);

    assertThat(ids).extracting(JobId::value).doesNotHaveDuplicates().isSorted();
    assertThat(readAllPagesBothWays(p -> await(backend.webhookJobs().events(p)), 10))
        .extracting(SiteEvent::id).containsExactlyElementsOf(ids);
    assertThat(await(backend.webhookJobs().claimDue(clock.instant(), 10, ClaimableQueueContract.LEASE)))
        .extracting(job -> job.id()).containsExactly(ids.get(2));
  }

  private void reopen(boolean webhooks) {
    await(backend.close());
    // Cleared first, so a failed open is reported as such rather than as a second close.
    backend = null;
    backend = openOver(webhooks);
  }
}
