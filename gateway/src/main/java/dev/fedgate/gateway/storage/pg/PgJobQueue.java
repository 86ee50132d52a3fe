package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobQueue;
import dev.fedgate.gateway.storage.support.JobBatches;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A {@link PgClaimableQueue} that callers fill directly with {@link #enqueueAll}. */
abstract class PgJobQueue<P> extends PgClaimableQueue<P> implements JobQueue<P> {
  PgJobQueue(PgDatabase database, InstantSource clock, String table, List<String> payloadColumns) {
    super(database, clock, table, payloadColumns);
  }

  @Override
  public final CompletionStage<List<JobId>> enqueueAll(List<P> payloads) {
    List<P> batch = JobBatches.bounded(payloads);
    if (batch.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return database.transaction(c -> insert(c, batch));
  }
}
