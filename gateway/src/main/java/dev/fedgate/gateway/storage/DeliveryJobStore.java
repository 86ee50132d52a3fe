package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The durable queue of outbound deliveries, with cancellation and per-host views for operators, and the
 * transactional outbox: the {@link PendingFederation} marks that {@link VideoStore} and {@link LocalActorStore} write
 * in the same transaction as a change, turned into deliveries by {@link #enqueueFederation}.
 */
public interface DeliveryJobStore extends JobQueue<Delivery> {
  /** The most marks one {@link #pendingFederations} call returns. */
  int MAX_PENDING_BATCH = 1000;

  /**
   * Queues the deliveries a pending change causes and removes its mark, in one transaction, but only while the mark
   * is still there at {@code pending.version()}: when it was already removed (another node or a recovery sweep
   * federated it) or replaced by a newer change's mark, nothing is queued and the newer mark stays. This is what makes
   * federation exactly-once: of concurrent calls for one mark exactly one answers {@code true}. An empty
   * {@code jobs} just removes the mark (a change nobody follows).
   *
   * @return {@code true} when this call queued the jobs and removed the mark
   * @throws IllegalArgumentException when given more than {@value JobQueue#MAX_ENQUEUE} jobs
   */
  CompletionStage<Boolean> enqueueFederation(PendingFederation pending, List<Delivery> jobs);

  /** The subject's pending mark; empty when its changes are all federated. Called after every Site API write. */
  CompletionStage<Optional<PendingFederation>> findPending(FederationSubject subject);

  /**
   * Pending marks written at or before {@code markedBefore}, oldest version first, at most {@code max}: the recovery
   * sweep's work after a crash between a change and its federation. Read-only; concurrent sweeps may see the same
   * marks, and {@link #enqueueFederation} lets only one of them queue each.
   *
   * @throws IllegalArgumentException when {@code max} is not in 1..{@value #MAX_PENDING_BATCH}
   */
  CompletionStage<List<PendingFederation>> pendingFederations(Instant markedBefore, int max);

  /**
   * Removes every queued delivery about {@code objectId}, including ones under a lease (their completion then answers
   * {@code false}). Called when a local object is deleted, before its {@code Delete} is queued, so stale
   * {@code Create}/{@code Update} jobs are not sent after it. Dead jobs are left for inspection. Idempotent.
   *
   * @return how many jobs were removed
   */
  CompletionStage<Integer> cancelForObject(URI objectId);

  /**
   * A host's jobs in one state, oldest first, keyset-paged; for {@code GET /api/v1/hosts}. {@code host} is as
   * {@link Delivery#host()} gives it.
   */
  CompletionStage<Page<Job<Delivery>>> pageByHost(String host, JobState state, PageRequest page);

  /**
   * Makes a host's dead jobs due again at {@code now} with their attempts reset. Called by
   * {@code POST /api/v1/hosts/{host}/redrive}. Idempotent.
   *
   * @return how many jobs were revived
   */
  CompletionStage<Integer> redrive(String host, Instant now);
}
