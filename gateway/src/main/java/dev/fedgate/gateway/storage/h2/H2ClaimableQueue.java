package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.QueueStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The one job-queue implementation behind deliveries, webhooks and the inbox: a table with the common job columns
 * ({@code id, state, attempts, due_at, created_at, last_error, lease_token, lease_until}) plus the payload's own
 * columns, which a subclass names, binds and reads.
 *
 * <p>A claim picks due, unleased candidates, then stamps a fresh lease token on each with an {@code UPDATE} that
 * re-checks those conditions on the row it locks, so a concurrent claimer (this node or another process on the same
 * database) that took the row first makes it skip; the claimed rows are then read back by id and token. Completion is fenced
 * by the token. (PostgreSQL does the same in one statement with {@code FOR UPDATE SKIP LOCKED}.)
 */
abstract class H2ClaimableQueue<P> implements ClaimableQueue<P> {
  /** Longest failure text kept per job. */
  static final int MAX_ERROR_LENGTH = 2000;
  /** Due, and not under an unexpired lease; parameters: now, now. */
  private static final String DUE = "state = 'QUEUED' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)";

  protected final H2Database database;
  protected final InstantSource clock;
  private final String table;
  private final List<String> payloadColumns;

  H2ClaimableQueue(H2Database database, InstantSource clock, String table, List<String> payloadColumns) {
    this.database = database;
    this.clock = clock;
    this.table = table;
    this.payloadColumns = List.copyOf(payloadColumns);
  }

  /**
   * Binds the payload's columns, in {@code payloadColumns} order, starting at parameter {@code first}; a queue that
   * keeps part of its payload in another table writes it there through {@code c}, the inserting transaction.
   */
  abstract void bindPayload(Connection c, PreparedStatement statement, int first, P payload) throws SQLException;

  /** Reads the payload from a row of {@link #rows()}. */
  abstract P readPayload(ResultSet rows) throws SQLException;

  /** The rows jobs are read from: the table, or the table joined to where a queue keeps part of its payload. */
  String rows() {
    return table;
  }

  /** Inserts one job, due now, inside the caller's transaction; returns its id. */
  final JobId insert(Connection c, P payload) throws SQLException {
    return insert(c, payload, null).id();
  }

  /**
   * Inserts one job, due now, inside the caller's transaction, leased to the caller under {@code lease} with its first
   * attempt counted (as a claim would lease it), or not leased when {@code lease} is null. Returns the job as a claim
   * would.
   */
  final Job<P> insert(Connection c, P payload, NewLease lease) throws SQLException {
    Instant now = clock.instant();
    String sql = "INSERT INTO " + table + " (" + String.join(", ", payloadColumns)
        + ", state, attempts, due_at, created_at, lease_token, lease_until) VALUES ("
        + String.join(", ", Collections.nCopies(payloadColumns.size() + 6, "?")) + ")";
    try (PreparedStatement insert = c.prepareStatement(sql, new String[] {"id"})) {
      bindPayload(c, insert, 1, payload);
      int next = payloadColumns.size() + 1;
      insert.setString(next, JobState.QUEUED.name());
      insert.setInt(next + 1, lease == null ? 0 : 1);
      H2Rows.setInstant(insert, next + 2, now);
      H2Rows.setInstant(insert, next + 3, now);
      insert.setObject(next + 4, lease == null ? null : lease.token());
      H2Rows.setInstant(insert, next + 5, lease == null ? null : lease.until());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        JobId id = new JobId(keys.getLong(1));
        inserted(c, id, payload, now);
        Instant stored = H2Rows.micros(now);
        return new Job<>(id, JobState.QUEUED, lease == null ? 0 : 1, stored, stored, Optional.empty(),
            lease == null ? Optional.empty()
                : Optional.of(new JobLease(id, lease.token(), H2Rows.micros(lease.until()))), payload);
      }
    }
  }

  /** The lease a job takes at its insert: the claimer's token and the lease's end. */
  record NewLease(UUID token, Instant until) {}

  /** Called inside the inserting transaction after each job is added; a queue that keeps a record adds it here. */
  void inserted(Connection c, JobId id, P payload, Instant at) throws SQLException {
    // Most queues keep nothing beside the job row.
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
    return database.transaction(c -> {
      List<Boolean> applied = applyAll(c, completions);
      return new CompletedAndClaimed<>(applied, claim(c, now, max, token, now.plus(lease)));
    });
  }

  /** Claims inside the caller's transaction: leases due candidates to {@code token} and reads back those it got. */
  private List<Job<P>> claim(Connection c, Instant now, int max, UUID token, Instant until) throws SQLException {
    List<Long> candidates = dueIds(c, now, max);
    if (candidates.isEmpty() || lease(c, candidates, token, until, now) == 0) {
      return List.of();
    }
    try (PreparedStatement select = c.prepareStatement(leasedSql(rows()))) {
      select.setObject(1, candidates.toArray(Long[]::new));
      select.setObject(2, token);
      List<Job<P>> jobs = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          jobs.add(readJob(rows));
        }
      }
      return jobs;
    }
  }

  /** Never-tried due jobs first (so new work beats the retry backlog), then retries, longest due first. */
  private List<Long> dueIds(Connection c, Instant now, int max) throws SQLException {
    List<Long> ids = new ArrayList<>(max);
    for (boolean fresh : new boolean[] {true, false}) {
      if (ids.size() == max) {
        break;
      }
      try (PreparedStatement select = c.prepareStatement(dueIdsSql(table, fresh))) {
        H2Rows.setInstant(select, 1, now);
        H2Rows.setInstant(select, 2, now);
        select.setInt(3, max - ids.size());
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            ids.add(rows.getLong(1));
          }
        }
      }
    }
    return ids;
  }

  /**
   * Due job ids, never-tried ones ({@code fresh}, read from {@code <table>_fresh}) or tried ones (from
   * {@code <table>_due}), each read in index order so H2 stops after the limit. A claim counts an attempt, so leased
   * jobs are never fresh. Parameters: now, now, limit.
   */
  static String dueIdsSql(String table, boolean fresh) {
    return fresh
        ? "SELECT id FROM " + table + " USE INDEX (" + table + "_fresh) WHERE attempts = 0 AND " + DUE
            + " ORDER BY state, attempts, due_at, id FETCH FIRST ? ROWS ONLY"
        : "SELECT id FROM " + table + " USE INDEX (" + table + "_due) WHERE attempts > 0 AND " + DUE
            + " ORDER BY state, due_at, id FETCH FIRST ? ROWS ONLY";
  }

  /**
   * The candidates this claim leased, read back by primary key (the token only filters out those a concurrent claimer
   * took first, so no index on it needs updating with every claim and completion), from {@code rows}
   * ({@link #rows()}). Parameters: ids, token.
   */
  static String leasedSql(String rows) {
    return "SELECT * FROM " + rows + " WHERE id = ANY(?) AND lease_token = ? ORDER BY attempts, due_at, id";
  }

  /**
   * Leases one candidate if it is still due, found by primary key. The due check is one opaque condition: written
   * out, H2 picks the due index for it (whatever the table holds) and scans every due row for each candidate, which
   * made claims most of the inbox's CPU under a backlog. Parameters: token, until, id, now, now.
   */
  static String leaseSql(String table) {
    return "UPDATE " + table + " SET lease_token = ?, lease_until = ?, attempts = attempts + 1 WHERE id = ? AND ("
        + DUE + ") IS TRUE";
  }

  /**
   * Leases the candidates that are still due once their row is locked: a concurrent claimer that took one first has
   * changed its lease, so the re-checked condition fails and the row is skipped. Returns how many were leased.
   */
  private int lease(Connection c, List<Long> candidates, UUID token, Instant until, Instant now)
      throws SQLException {
    try (PreparedStatement update = c.prepareStatement(leaseSql(table))) {
      for (long id : candidates) {
        update.setObject(1, token);
        H2Rows.setInstant(update, 2, until);
        update.setLong(3, id);
        H2Rows.setInstant(update, 4, now);
        H2Rows.setInstant(update, 5, now);
        update.addBatch();
      }
      int leased = 0;
      for (int count : update.executeBatch()) {
        leased += count;
      }
      return leased;
    }
  }

  /** Reads a whole job row; the lease is present only while a token is set. */
  final Job<P> readJob(ResultSet rows) throws SQLException {
    JobId id = new JobId(rows.getLong("id"));
    UUID token = rows.getObject("lease_token", UUID.class);
    Optional<JobLease> lease = token == null
        ? Optional.empty()
        : Optional.of(new JobLease(id, token, H2Rows.instant(rows, "lease_until")));
    return new Job<>(id, JobState.valueOf(rows.getString("state")), rows.getInt("attempts"),
        H2Rows.instant(rows, "due_at"), H2Rows.instant(rows, "created_at"),
        H2Rows.optionalString(rows, "last_error"), lease, readPayload(rows));
  }

  @Override
  public final CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
    return database.transaction(c -> apply(c, lease, outcome));
  }

  @Override
  public final CompletionStage<List<Boolean>> completeAll(List<Completion> completions) {
    ClaimableQueue.checkGroup(completions);
    return database.transaction(c -> applyAll(c, completions));
  }

  private List<Boolean> applyAll(Connection c, List<Completion> completions) throws SQLException {
    List<Boolean> applied = new ArrayList<>(completions.size());
    for (Completion completion : completions) {
      applied.add(apply(c, completion.lease(), completion.outcome()));
    }
    return applied;
  }

  /** Applies one completion inside the caller's transaction, fenced by the lease token. */
  private boolean apply(Connection c, JobLease lease, JobOutcome outcome) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(completionSql(outcome) + " WHERE id = ? AND lease_token = ?")) {
      int next = 1;
      if (outcome instanceof JobOutcome.RetryAt retry) {
        H2Rows.setInstant(statement, next++, retry.at());
        statement.setString(next++, truncate(retry.error()));
      } else if (outcome instanceof JobOutcome.GiveUp giveUp) {
        statement.setString(next++, truncate(giveUp.reason()));
      }
      statement.setLong(next++, lease.job().value());
      statement.setObject(next, lease.token());
      return statement.executeUpdate() == 1;
    }
  }

  private String completionSql(JobOutcome outcome) {
    if (outcome instanceof JobOutcome.RetryAt) {
      return "UPDATE " + table + " SET due_at = ?, last_error = ?, lease_token = NULL, lease_until = NULL";
    }
    if (outcome instanceof JobOutcome.GiveUp) {
      return "UPDATE " + table + " SET state = 'DEAD', last_error = ?, lease_token = NULL, lease_until = NULL";
    }
    return "DELETE FROM " + table;
  }

  private static String truncate(String text) {
    return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
  }

  @Override
  public final CompletionStage<QueueStats> stats(Instant now) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT"
          + " COALESCE(SUM(CASE WHEN state = 'QUEUED' AND (lease_until IS NULL OR lease_until <= ?) THEN 1 END), 0),"
          + " COALESCE(SUM(CASE WHEN state = 'QUEUED' AND lease_until > ? THEN 1 END), 0),"
          + " COALESCE(SUM(CASE WHEN state = 'DEAD' THEN 1 END), 0),"
          + " MIN(CASE WHEN state = 'QUEUED' AND due_at <= ? AND (lease_until IS NULL OR lease_until <= ?)"
          + " THEN due_at END) FROM " + table)) {
        for (int i = 1; i <= 4; i++) {
          H2Rows.setInstant(select, i, now);
        }
        try (ResultSet rows = select.executeQuery()) {
          rows.next();
          Optional<Duration> oldest = Optional.ofNullable(rows.getObject(4, OffsetDateTime.class))
              .map(due -> Duration.between(due.toInstant(), now));
          return new QueueStats(rows.getLong(1), rows.getLong(2), rows.getLong(3), oldest);
        }
      }
    });
  }

}
