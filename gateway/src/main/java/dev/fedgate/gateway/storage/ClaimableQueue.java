package dev.fedgate.gateway.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A durable work queue that workers on one or many gateway nodes claim from under a lease. A claimed job is hidden
 * from other claimers until its lease expires; a worker that dies simply lets the lease run out, and the job becomes
 * due again (at-least-once). On PostgreSQL a claim maps to {@code SELECT ... FOR UPDATE SKIP LOCKED}.
 *
 * @param <P> the payload of a job
 */
public interface ClaimableQueue<P> {
  /** The most jobs one claim may ask for. */
  int MAX_CLAIM = 1000;

  /**
   * Claims up to {@code max} jobs that are due at {@code now} and not under an unexpired lease: never-tried jobs
   * first (new work beats the retry backlog), then retries, longest due first. Each returned job carries a new lease
   * until {@code now + lease} and
   * its {@code attempts} counts this claim. Safe under any concurrency: two claimers, on one node or several, never
   * hold the same job at once.
   *
   * @return the claimed jobs; empty when none is due
   * @throws IllegalArgumentException when {@code max} is not 1 to {@value #MAX_CLAIM} or the lease is not positive
   */
  CompletionStage<List<Job<P>>> claimDue(Instant now, int max, Duration lease);

  /**
   * Ends a claimed job: {@link JobOutcome.Done} removes it, {@link JobOutcome.RetryAt} makes it due again later,
   * {@link JobOutcome.GiveUp} keeps it as dead. Only the current lease counts, even after it expired as long as nobody
   * claimed the job since.
   *
   * @return {@code true} when applied; {@code false} when the lease is no longer the job's (claimed again by someone
   *     else, cancelled, or already completed), in which case nothing changed
   */
  CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome);

  /**
   * Ends several claimed jobs in one transaction (one durable commit for the group): each entry is applied, in order,
   * exactly as {@link #complete} applies it, so a stale lease answers {@code false} and changes nothing while the
   * others apply. This default completes them one by one; the stores override it with one transaction.
   *
   * @return one answer per entry, in order, as {@link #complete} would give it
   * @throws IllegalArgumentException when given more than {@value #MAX_CLAIM} entries
   */
  default CompletionStage<List<Boolean>> completeAll(List<Completion> completions) {
    checkGroup(completions);
    CompletionStage<List<Boolean>> applied = CompletableFuture.completedFuture(new ArrayList<>(completions.size()));
    for (Completion completion : completions) {
      applied = applied.thenCompose(answers -> complete(completion.lease(), completion.outcome())
          .thenApply(answer -> {
            answers.add(answer);
            return answers;
          }));
    }
    return applied;
  }

  /**
   * {@link #completeAll} then {@link #claimDue}, in one transaction: a worker under a backlog hands back the jobs it
   * finished and takes as many due ones for their slots, one durable commit instead of two. The claim sees the
   * completions (a job made due again at {@code now} may be claimed at once, a removed one is not). This default runs
   * the two one after the other, so a failed claim may follow applied completions; the stores override it with one
   * transaction, in which a failure applies nothing.
   *
   * @return the completions' answers as {@link #completeAll} gives them, and the jobs claimed
   * @throws IllegalArgumentException as {@link #completeAll} and {@link #claimDue} refuse their arguments
   */
  default CompletionStage<CompletedAndClaimed<P>> completeAllAndClaim(List<Completion> completions, Instant now,
      int max, Duration lease) {
    checkGroup(completions);
    checkClaim(max, lease);
    return completeAll(completions).thenCompose(applied -> claimDue(now, max, lease)
        .thenApply(claimed -> new CompletedAndClaimed<>(applied, claimed)));
  }

  /** What {@link #completeAllAndClaim} did: one answer per completion, in order, and the jobs it claimed. */
  record CompletedAndClaimed<P>(List<Boolean> applied, List<Job<P>> claimed) {
    /** Checks presence and copies. */
    public CompletedAndClaimed {
      applied = List.copyOf(applied);
      claimed = List.copyOf(claimed);
    }
  }

  /** Refuses a claim of fewer than one or more than {@value #MAX_CLAIM} jobs, or under a lease that is not positive. */
  static void checkClaim(int max, Duration lease) {
    if (max < 1 || max > MAX_CLAIM || lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("claim 1.." + MAX_CLAIM + " jobs under a positive lease");
    }
  }

  /** Refuses a group of completions larger than one claim can be. */
  static void checkGroup(List<Completion> completions) {
    if (completions.size() > MAX_CLAIM) {
      throw new IllegalArgumentException("complete at most " + MAX_CLAIM + " jobs at once");
    }
  }

  /** Refuses a lease that is not positive. */
  static void checkLease(Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("the lease must be positive");
    }
  }

  /** One claimed job's end: its lease and how it ended, as {@link #complete} takes them. */
  record Completion(JobLease lease, JobOutcome outcome) {
    /** Checks presence. */
    public Completion {
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /** The queue's depth at {@code now}, for metrics. */
  CompletionStage<QueueStats> stats(Instant now);
}
