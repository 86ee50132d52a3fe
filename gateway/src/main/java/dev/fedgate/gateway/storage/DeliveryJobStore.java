package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/** The durable queue of outbound deliveries, with cancellation and per-host views for operators. */
public interface DeliveryJobStore extends JobQueue<Delivery> {

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
