package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.QueueStats;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The one job-queue implementation behind deliveries, webhooks and the inbox: a table with the common job columns
 * ({@code id, state, attempts, due_at, created_at, last_error, lease_token, lease_until}) plus the payload's own
 * columns, which a subclass names, binds and reads.
 *
 * <p>A claim is one statement: it locks due rows with {@code FOR UPDATE SKIP LOCKED} (rows another claimer holds
 * are skipped, not waited for), never-tried jobs first, and stamps a fresh lease token on them. Completion is fenced
 * by the token, so a lease that expired and was claimed again no longer completes the job.
 */
abstract class PgClaimableQueue<P> implements ClaimableQueue<P> {
  /** Longest failure text kept per job. */
  static final int MAX_ERROR_LENGTH = 2000;
  private static final Comparator<Job<?>> CLAIM_ORDER = Comparator.<Job<?>>comparingInt(Job::attempts)
      .thenComparing(Job::dueAt).thenComparingLong(job -> job.id().value());

  protected final PgDatabase database;
  protected final InstantSource clock;
  private final String table;
  private final String insertSql;
  private final String claimSql;

  PgClaimableQueue(PgDatabase database, InstantSource clock, String table, List<String> payloadColumns) {
    this.database = database;
    this.clock = clock;
    this.table = table;
    int count = payloadColumns.size();
    List<String> parameters = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      parameters.add("$" + i);
    }
    // The job row alone; a queue that keeps a record beside it wraps this in a CTE (see insertSql()).
    this.insertSql = "INSERT INTO " + table + " (" + String.join(", ", payloadColumns)
        + ", state, attempts, due_at, created_at) VALUES (" + String.join(", ", parameters) + ", 'QUEUED', 0, $"
        + (count + 1) + ", $" + (count + 1) + ") RETURNING id";
    this.claimSql = claimSql(table);
  }

  /**
   * Due, unleased jobs, never-tried ones first (each part read from its partial index in due order), locked without
   * waiting for rows another claimer holds, and leased. Parameters: now, max, token, until.
   */
  static String claimSql(String table) {
    String due = " WHERE state = 'QUEUED' AND due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)";
    return "WITH picked AS ("
        + "SELECT id FROM (SELECT id FROM " + table + due + " AND attempts = 0"
        + " ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) fresh"
        + " UNION ALL SELECT id FROM (SELECT id FROM " + table + due + " AND attempts > 0"
        + " ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED) retry"
        + " LIMIT $2)"
        + " UPDATE " + table + " AS job SET lease_token = $3, lease_until = $4, attempts = job.attempts + 1"
        + " FROM picked WHERE job.id = picked.id RETURNING job.*";
  }

  /** The payload's column values, in {@code payloadColumns} order. */
  abstract List<Object> payloadValues(P payload);

  /** Reads the payload from a row of the table. */
  abstract P readPayload(Row row);

  /** The statement inserting one job; parameters: the payload values, then the time. It returns the job id. */
  String insertSql() {
    return insertSql;
  }

  /** Inserts jobs, due now, pipelined inside the caller's transaction; returns their ids in order. */
  final Future<List<JobId>> insert(SqlClient c, List<P> payloads) {
    Instant now = clock.instant();
    List<Object[]> parameterLists = new ArrayList<>(payloads.size());
    for (P payload : payloads) {
      List<Object> values = new ArrayList<>(payloadValues(payload));
      values.add(now);
      parameterLists.add(values.toArray());
    }
    return PgDatabase.batch(c, insertSql(), parameterLists).map(rows -> {
      List<JobId> ids = new ArrayList<>(payloads.size());
      for (var result = rows; result != null; result = result.next()) {
        ids.add(new JobId(result.iterator().next().getLong("id")));
      }
      return ids;
    });
  }

  @Override
  public final CompletionStage<List<Job<P>>> claimDue(Instant now, int max, Duration lease) {
    ClaimableQueue.checkClaim(max, lease);
    UUID token = UUID.randomUUID();
    return database.transaction(c -> claim(c, now, max, token, now.plus(lease)));
  }

  @Override
  public final CompletionStage<CompletedAndClaimed<P>> completeAllAndClaim(List<Completion> completions, Instant now,
      int max, Duration lease) {
    ClaimableQueue.checkGroup(completions);
    ClaimableQueue.checkClaim(max, lease);
    UUID token = UUID.randomUUID();
    // Both pipelined on the transaction's connection: the server runs the claim after the completions.
    return database.transaction(c -> {
      Future<List<Boolean>> applied = applyAll(c, completions);
      Future<List<Job<P>>> claimed = claim(c, now, max, token, now.plus(lease));
      return Future.all(applied, claimed).map(both -> new CompletedAndClaimed<>(applied.result(), claimed.result()));
    });
  }

  /** Claims inside the caller's transaction, leasing to {@code token}. */
  private Future<List<Job<P>>> claim(SqlClient c, Instant now, int max, UUID token, Instant until) {
    return PgDatabase.run(c, claimSql, now, max, token, until).map(rows -> {
      List<Job<P>> jobs = new ArrayList<>(rows.size());
      rows.forEach(row -> jobs.add(readJob(row)));
      jobs.sort(CLAIM_ORDER);
      return jobs;
    });
  }

  /** Reads a whole job row; the lease is present only while a token is set. */
  final Job<P> readJob(Row row) {
    JobId id = new JobId(row.getLong("id"));
    UUID token = row.getUUID("lease_token");
    Optional<JobLease> lease = token == null
        ? Optional.empty()
        : Optional.of(new JobLease(id, token, PgRows.instant(row, "lease_until")));
    return new Job<>(id, JobState.valueOf(row.getString("state")), row.getInteger("attempts"),
        PgRows.instant(row, "due_at"), PgRows.instant(row, "created_at"), PgRows.optionalString(row, "last_error"),
        lease, readPayload(row));
  }

  @Override
  public final CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
    Statement statement = completion(lease, outcome);
    return database.once(c -> PgDatabase.run(c, statement.sql(), statement.parameters())
        .map(rows -> rows.rowCount() == 1));
  }

  @Override
  public final CompletionStage<List<Boolean>> completeAll(List<Completion> completions) {
    ClaimableQueue.checkGroup(completions);
    return database.transaction(c -> applyAll(c, completions));
  }

  /**
   * Applies the completions pipelined on the transaction's connection: the server runs them in order, so a repeated
   * lease answers false.
   */
  private Future<List<Boolean>> applyAll(SqlClient c, List<Completion> completions) {
    List<Statement> statements = completions.stream().map(each -> completion(each.lease(), each.outcome())).toList();
    return Future.all(statements.stream()
        .map(statement -> PgDatabase.run(c, statement.sql(), statement.parameters())).toList())
        .map(all -> {
          List<Boolean> applied = new ArrayList<>(statements.size());
          for (int i = 0; i < statements.size(); i++) {
            applied.add(all.<RowSet<Row>>resultAt(i).rowCount() == 1);
          }
          return applied;
        });
  }

  /** One prepared statement and its parameters. */
  private record Statement(String sql, Object[] parameters) {}

  /** The statement applying {@code outcome}, fenced by the lease token. */
  private Statement completion(JobLease lease, JobOutcome outcome) {
    String fence = " WHERE id = $%d AND lease_token = $%d";
    List<Object> parameters = new ArrayList<>();
    String sql;
    if (outcome instanceof JobOutcome.RetryAt retry) {
      sql = "UPDATE " + table + " SET due_at = $1, last_error = $2, lease_token = NULL, lease_until = NULL"
          + fence.formatted(3, 4);
      parameters.addAll(List.of(retry.at(), truncate(retry.error())));
    } else if (outcome instanceof JobOutcome.GiveUp giveUp) {
      sql = "UPDATE " + table + " SET state = 'DEAD', last_error = $1, lease_token = NULL, lease_until = NULL"
          + fence.formatted(2, 3);
      parameters.add(truncate(giveUp.reason()));
    } else {
      sql = "DELETE FROM " + table + fence.formatted(1, 2);
    }
    parameters.add(lease.job().value());
    parameters.add(lease.token());
    return new Statement(sql, parameters.toArray());
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  @Override
  public final CompletionStage<QueueStats> stats(Instant now) {
    String unleased = "(lease_until IS NULL OR lease_until <= $1)";
    return database.once(c -> PgDatabase.run(c, "SELECT"
        + " COUNT(*) FILTER (WHERE state = 'QUEUED' AND " + unleased + "),"
        + " COUNT(*) FILTER (WHERE state = 'QUEUED' AND lease_until > $1),"
        + " COUNT(*) FILTER (WHERE state = 'DEAD'),"
        + " MIN(due_at) FILTER (WHERE state = 'QUEUED' AND due_at <= $1 AND " + unleased + ")"
        + " FROM " + table, now).map(rows -> {
          Row row = rows.iterator().next();
          Optional<Duration> oldest = PgRows.optionalInstant(row, "min").map(due -> Duration.between(due, now));
          return new QueueStats(row.getLong(0), row.getLong(1), row.getLong(2), oldest);
        }));
  }
}
