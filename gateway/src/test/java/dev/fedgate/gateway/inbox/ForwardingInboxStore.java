package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.QueueStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** An inbox store that hands every call, group calls included, to a real one; tests override what they observe. */
abstract class ForwardingInboxStore implements InboxStore {
  private final InboxStore real;

  ForwardingInboxStore(InboxStore real) {
    this.real = real;
  }

  @Override
  public CompletionStage<Boolean> accept(InboundActivity activity) {
    return real.accept(activity);
  }

  @Override
  public CompletionStage<List<Boolean>> acceptAll(List<InboundActivity> activities) {
    return real.acceptAll(activities);
  }

  @Override
  public CompletionStage<List<Acceptance>> acceptAllLeased(List<InboundActivity> activities, Instant now,
      Duration lease) {
    return real.acceptAllLeased(activities, now, lease);
  }

  @Override
  public CompletionStage<Integer> pruneSeen(Instant before) {
    return real.pruneSeen(before);
  }

  @Override
  public CompletionStage<List<Job<InboundActivity>>> claimDue(Instant now, int max, Duration lease) {
    return real.claimDue(now, max, lease);
  }

  @Override
  public CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
    return real.complete(lease, outcome);
  }

  @Override
  public CompletionStage<List<Boolean>> completeAll(List<Completion> completions) {
    return real.completeAll(completions);
  }

  @Override
  public CompletionStage<QueueStats> stats(Instant now) {
    return real.stats(now);
  }
}
