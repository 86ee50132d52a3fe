package dev.fedgate.gateway.outbox;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.json.VocabWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Renders an activity once and turns it into one unsigned delivery job per distinct inbox, signed at send time by the
 * local actor named as signer. {@code object} names the local object the activity is about, so its queued jobs can be
 * cancelled when that object is deleted.
 */
public final class DeliveryQueue {
  private final DeliveryJobStore store;
  private final VocabWriter writer = VocabWriter.create();

  /** Queues into {@code store}. */
  public DeliveryQueue(DeliveryJobStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** One job per inbox, in a stable order, all carrying the same rendered activity. */
  public List<Delivery> jobs(Collection<URI> inboxes, String signer, ApObject activity, Optional<URI> object) {
    String json = new String(writer.write(activity), StandardCharsets.UTF_8);
    return inboxes.stream().distinct().sorted(Comparator.comparing(URI::toString))
        .map(inbox -> new Delivery(inbox, signer, activity.id(), object, json))
        .toList();
  }

  /** Queues {@code jobs} in one call (all or none); completes once they are durable. */
  public CompletionStage<Void> enqueue(List<Delivery> jobs) {
    return jobs.isEmpty() ? CompletableFuture.completedFuture(null) : store.enqueueAll(jobs).thenApply(ids -> null);
  }

  /** {@link #jobs} then {@link #enqueue}. */
  public CompletionStage<Void> enqueue(Collection<URI> inboxes, String signer, ApObject activity,
      Optional<URI> object) {
    return enqueue(jobs(inboxes, signer, activity, object));
  }
}
