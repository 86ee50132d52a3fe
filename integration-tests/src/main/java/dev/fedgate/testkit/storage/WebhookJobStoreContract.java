package dev.fedgate.testkit.storage;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import java.util.List;

/** The contract of {@link WebhookJobStore}: the shared queue semantics on webhook events. */
public abstract class WebhookJobStoreContract extends ClaimableQueueContract<WebhookEvent> {

  @Override
  protected ClaimableQueue<WebhookEvent> queue() {
    return backend.webhookJobs();
  }

  @Override
  protected WebhookEvent payload(int n) {
    return new WebhookEvent(n % 2 == 0 ? "follow.created" : "comment.created", "{\"n\":" + n + "}");
  }

  @Override
  protected void enqueue(List<WebhookEvent> payloads) {
    await(backend.webhookJobs().enqueueAll(payloads));
  }
}
