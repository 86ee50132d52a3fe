package dev.fedgate.gateway.storage.support;

import dev.fedgate.gateway.storage.DeliveryJobStore;
import dev.fedgate.gateway.storage.JobQueue;
import java.util.List;

/** The argument bounds of the queue SPI, checked the same way by every backend before any work starts. */
public final class QueueLimits {
  private QueueLimits() {}

  /**
   * An immutable copy of the jobs to enqueue.
   *
   * @throws IllegalArgumentException when there are more than {@value JobQueue#MAX_ENQUEUE}
   */
  public static <P> List<P> checkedBatch(List<P> payloads) {
    List<P> batch = List.copyOf(payloads);
    if (batch.size() > JobQueue.MAX_ENQUEUE) {
      throw new IllegalArgumentException("at most " + JobQueue.MAX_ENQUEUE + " jobs per enqueue, got "
          + batch.size());
    }
    return batch;
  }

  /**
   * Checks how many pending marks one call may read.
   *
   * @throws IllegalArgumentException when {@code max} is not in 1..{@value DeliveryJobStore#MAX_PENDING_BATCH}
   */
  public static void checkPendingBatch(int max) {
    if (max < 1 || max > DeliveryJobStore.MAX_PENDING_BATCH) {
      throw new IllegalArgumentException("read 1.." + DeliveryJobStore.MAX_PENDING_BATCH + " pending marks, not "
          + max);
    }
  }
}
