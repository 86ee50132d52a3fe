package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobQueue;
import dev.fedgate.gateway.storage.support.QueueLimits;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** An {@link H2ClaimableQueue} that callers fill directly with {@link #enqueueAll}. */
abstract class H2JobQueue<P> extends H2ClaimableQueue<P> implements JobQueue<P> {
  H2JobQueue(H2Database database, InstantSource clock, String table, List<String> payloadColumns) {
    super(database, clock, table, payloadColumns);
  }

  @Override
  public final CompletionStage<List<JobId>> enqueueAll(List<P> payloads) {
    List<P> batch = QueueLimits.checkedBatch(payloads);
    return database.transaction(c -> addAll(c, batch));
  }

  /** Adds a batch inside the caller's transaction, in order: {@link #add} for each payload. */
  List<JobId> addAll(Connection c, List<P> batch) throws SQLException {
    List<JobId> ids = new ArrayList<>(batch.size());
    for (P payload : batch) {
      ids.add(add(c, payload));
    }
    return ids;
  }

  /** Adds one payload inside the caller's transaction: a job, unless a queue keeps some payloads otherwise. */
  JobId add(Connection c, P payload) throws SQLException {
    return insert(c, payload);
  }
}
