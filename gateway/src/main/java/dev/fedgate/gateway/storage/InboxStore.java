package dev.fedgate.gateway.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Inbox de-duplication and the durable inbound queue: the inbox answers 202 only after {@link #accept} completed,
 * and workers process accepted activities from the queue, so a crash after 202 loses nothing.
 */
public interface InboxStore extends ClaimableQueue<InboundActivity> {

  /**
   * Marks the activity id seen and queues the activity, in one transaction. Called by the inbox after the signature,
   * origin and validation steps. Atomic under races: of concurrent calls with one activity id (on any node), exactly
   * one answers {@code true}.
   *
   * @return {@code true} when the id was new and the activity is now durably queued; {@code false} when the id was
   *     seen before (the caller answers 202 and drops it)
   */
  CompletionStage<Boolean> accept(InboundActivity activity);

  /**
   * {@link #accept} for a group, so the inbox commits the activities that arrive together at once. The answers are in
   * order and are those {@link #accept} would give one after another: {@code false} for an id seen before and for a
   * later occurrence of an id within the group, with the same atomicity under races.
   *
   * <p>This default accepts one by one, one transaction each (a failure may leave the first ones queued: the inbox
   * answers 503 for the whole group and a peer's retry of those is answered as a duplicate). The embedded and
   * PostgreSQL backends write the group in one transaction, so a failed group queued nothing.
   */
  default CompletionStage<List<Boolean>> acceptAll(List<InboundActivity> activities) {
    CompletionStage<List<Boolean>> answers = CompletableFuture.completedFuture(new ArrayList<>(activities.size()));
    for (InboundActivity activity : activities) {
      answers = answers.thenCompose(sofar -> accept(activity).thenApply(isNew -> {
        sofar.add(isNew);
        return sofar;
      }));
    }
    return answers.thenApply(List::copyOf);
  }

  /**
   * {@link #acceptAll}, with each newly queued activity also leased to the caller until {@code now + lease}, its first
   * attempt counted, as if {@link #claimDue} had just returned it: the node that accepted it processes it without
   * claiming it from the queue (one write fewer for each activity). If that node dies, the lease runs out and the
   * activity is claimed as usual.
   *
   * <p>This default accepts with {@link #acceptAll} and leases nothing, so the queued activities are claimed as usual.
   * The embedded and PostgreSQL backends lease them in the accepting transaction.
   *
   * @return one answer per activity, in order: queued or not as {@link #acceptAll} answers, with the job when leased
   */
  default CompletionStage<List<Acceptance>> acceptAllLeased(List<InboundActivity> activities, Instant now,
      Duration lease) {
    return acceptAll(activities).thenApply(Acceptance::unleased);
  }

  /**
   * What accepting one activity did: {@code queued} when its id was new (else it was seen before and nothing was
   * queued), and the queued job when it was leased to the caller.
   */
  record Acceptance(boolean queued, Optional<Job<InboundActivity>> leased) {
    /** Seen before: nothing queued. */
    public static final Acceptance SEEN = new Acceptance(false, Optional.empty());
    /** Queued, for a claim from the queue. */
    public static final Acceptance QUEUED = new Acceptance(true, Optional.empty());

    /** Checks presence, and that only a queued activity has a job. */
    public Acceptance {
      Objects.requireNonNull(leased, "leased");
      if (!queued && leased.isPresent()) {
        throw new IllegalArgumentException("an activity seen before has no job");
      }
    }

    /** The answers {@link #acceptAll} gives for these. */
    public static List<Boolean> queuedFlags(List<Acceptance> answers) {
      return answers.stream().map(Acceptance::queued).toList();
    }

    /** {@link #acceptAll}'s answers, nothing leased. */
    public static List<Acceptance> unleased(List<Boolean> queued) {
      return queued.stream().map(isNew -> isNew ? QUEUED : SEEN).toList();
    }

    /** Queued and leased to the caller as {@code job}. */
    public static Acceptance leased(Job<InboundActivity> job) {
      return new Acceptance(true, Optional.of(job));
    }
  }

  /**
   * Forgets de-duplication marks made before {@code before}, so the table stays bounded; queued activities are
   * not affected. Called periodically. Idempotent.
   *
   * @return how many marks were removed
   */
  CompletionStage<Integer> pruneSeen(Instant before);
}
