package dev.fedgate.gateway.storage;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A {@link ClaimableQueue} that callers fill directly.
 *
 * @param <P> the payload of a job
 */
public interface JobQueue<P> extends ClaimableQueue<P> {

  /**
   * Queues jobs, due at once, in one transaction: all or none are stored, and the stage completes only once they are
   * durable (a Site API call answers 2xx after this). Not idempotent: each call adds new jobs.
   *
   * @return the new jobs' ids, in the order given
   */
  CompletionStage<List<JobId>> enqueueAll(List<P> payloads);
}
