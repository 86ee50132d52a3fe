package dev.fedgate.gateway.outbox;

import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.OutboundStore;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.PendingFederation;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.ReplyStore;
import dev.fedgate.gateway.storage.RemoteHostStore;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.UsageCounts;
import dev.fedgate.gateway.storage.VideoStore;
import dev.fedgate.gateway.storage.WebhookJobStore;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real backend whose {@link DeliveryJobStore#enqueueFederation} fails while {@link #failing} is set, as when the
 * database or the process goes away between a Site API write and the queuing of its deliveries, and waits for
 * {@link #slowEnqueue} when one is set, as a big fan-out on a loaded store does.
 */
final class EnqueueFailingBackend implements StorageBackend {
  /** While set, every {@code enqueueFederation} fails without touching the store. */
  final AtomicBoolean failing = new AtomicBoolean();
  /** When set, every {@code enqueueFederation} starts only once this completes. */
  final AtomicReference<CompletableFuture<Void>> slowEnqueue =
      new AtomicReference<>(CompletableFuture.completedFuture(null));
  private final StorageBackend real;
  private final DeliveryJobStore jobs;

  EnqueueFailingBackend(StorageBackend real) {
    this.real = real;
    this.jobs = new FailingJobs(real.deliveryJobs());
  }

  private final class FailingJobs implements DeliveryJobStore {
    private final DeliveryJobStore real;

    FailingJobs(DeliveryJobStore real) {
      this.real = real;
    }

    @Override
    public CompletionStage<Boolean> enqueueFederation(PendingFederation pending, List<Delivery> deliveries) {
      return failing.get()
          ? CompletableFuture.failedFuture(new IllegalStateException("the store went away before the enqueue"))
          : slowEnqueue.get().thenCompose(ready -> real.enqueueFederation(pending, deliveries));
    }

    @Override
    public CompletionStage<Optional<PendingFederation>> findPending(FederationSubject subject) {
      return real.findPending(subject);
    }

    @Override
    public CompletionStage<List<PendingFederation>> pendingFederations(Instant markedBefore, int max) {
      return real.pendingFederations(markedBefore, max);
    }

    @Override
    public CompletionStage<Integer> cancelForObject(URI objectId) {
      return real.cancelForObject(objectId);
    }

    @Override
    public CompletionStage<Page<Job<Delivery>>> pageByHost(String host, JobState state, PageRequest page) {
      return real.pageByHost(host, state, page);
    }

    @Override
    public CompletionStage<Integer> redrive(String host, Instant now) {
      return real.redrive(host, now);
    }

    @Override
    public CompletionStage<List<JobId>> enqueueAll(List<Delivery> payloads) {
      return real.enqueueAll(payloads);
    }

    @Override
    public CompletionStage<List<Job<Delivery>>> claimDue(Instant now, int max, Duration lease) {
      return real.claimDue(now, max, lease);
    }

    @Override
    public CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
      return real.complete(lease, outcome);
    }

    @Override
    public CompletionStage<QueueStats> stats(Instant now) {
      return real.stats(now);
    }
  }

  @Override
  public LocalActorStore localActors() {
    return real.localActors();
  }

  @Override
  public VideoStore videos() {
    return real.videos();
  }

  @Override
  public CommentStore comments() {
    return real.comments();
  }

  @Override
  public FollowStore follows() {
    return real.follows();
  }

  @Override
  public RemoteActorStore remoteActors() {
    return real.remoteActors();
  }

  @Override
  public InteractionStore interactions() {
    return real.interactions();
  }

  @Override
  public OutboundStore outbound() {
    return real.outbound();
  }

  @Override
  public ReplyStore replies() {
    return real.replies();
  }

  @Override
  public RemoteHostStore remoteHosts() {
    return real.remoteHosts();
  }

  @Override
  public InboxStore inbox() {
    return real.inbox();
  }

  @Override
  public DeliveryJobStore deliveryJobs() {
    return jobs;
  }

  @Override
  public WebhookJobStore webhookJobs() {
    return real.webhookJobs();
  }

  @Override
  public CompletionStage<Void> ping() {
    return real.ping();
  }

  @Override
  public CompletionStage<UsageCounts> usage() {
    return real.usage();
  }

  @Override
  public CompletionStage<Void> close() {
    return real.close();
  }
}
