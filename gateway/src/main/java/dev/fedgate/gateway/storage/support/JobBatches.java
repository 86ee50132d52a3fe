package dev.fedgate.gateway.storage.support;

import dev.fedgate.gateway.storage.JobQueue;
import java.util.List;

/** The bound every enqueue shares: at most {@link JobQueue#MAX_ENQUEUE} jobs written in one transaction. */
public final class JobBatches {
  private JobBatches() {}

  /**
   * An immutable copy of {@code jobs}, checked before any write.
   *
   * @throws IllegalArgumentException when there are more than {@link JobQueue#MAX_ENQUEUE}
   */
  public static <P> List<P> bounded(List<P> jobs) {
    List<P> batch = List.copyOf(jobs);
    if (batch.size() > JobQueue.MAX_ENQUEUE) {
      throw new IllegalArgumentException("at most " + JobQueue.MAX_ENQUEUE + " jobs per enqueue, got "
          + batch.size());
    }
    return batch;
  }
}
