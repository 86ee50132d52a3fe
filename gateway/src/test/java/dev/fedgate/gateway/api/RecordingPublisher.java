package dev.fedgate.gateway.api;

import dev.fedgate.gateway.outbox.Publisher;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FederationChange;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.PendingFederation;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what the Site API federated (e.g. {@code "videoPublished <uuid>"}), clearing each mark as the real
 * publisher does but queueing no jobs, so service tests can assert on it without rendering.
 */
final class RecordingPublisher implements Publisher {
  final List<String> calls = new CopyOnWriteArrayList<>();
  private final DeliveryJobStore queue;

  RecordingPublisher(DeliveryJobStore queue) {
    this.queue = queue;
  }

  @Override
  public CompletionStage<Boolean> federate(PendingFederation pending) {
    return queue.enqueueFederation(pending, List.of()).thenApply(cleared -> {
      if (cleared) {
        calls.add(name(pending) + " " + pending.subject().key());
      }
      return cleared;
    });
  }

  private static String name(PendingFederation pending) {
    if (pending.subject().type() == FederationSubject.Type.ACTOR) {
      return "actorUpdated";
    }
    return pending.change() == FederationChange.CREATED ? "videoPublished"
        : pending.change() == FederationChange.UPDATED ? "videoUpdated" : "videoDeleted";
  }
}
