package dev.fedgate.gateway.storage;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ClaimableQueue} that callers fill directly.
 *
 * @param <P> the payload of a job
 */
public interface JobQueue<P> extends ClaimableQueue<P> {
  /** The most jobs one enqueue may add; a bigger fan-out is split into several calls. */
  int MAX_ENQUEUE = 10_000;

  /**
   * Queues jobs, due at once, in one transaction: all or none are stored, and the stage completes only once they are
   * durable (a Site API call answers 2xx after this). Not idempotent: each call adds new jobs.
   *
   * @return the new jobs' ids, in the order given
   * @throws IllegalArgumentException when given more than {@value #MAX_ENQUEUE} payloads
   */
  CompletionStage<List<JobId>> enqueueAll(List<P> payloads);
}
