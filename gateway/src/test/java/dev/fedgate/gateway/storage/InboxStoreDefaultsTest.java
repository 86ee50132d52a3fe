package dev.fedgate.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The SPI's default {@link InboxStore#acceptAll}, which site backends get without writing one. */
class InboxStoreDefaultsTest {

  /** A store with only {@code accept}: a set of seen ids and the list of queued activities. */
  private static final class OneByOne implements InboxStore {
    final Set<URI> seen = new HashSet<>();
    final List<InboundActivity> queued = new ArrayList<>();
    URI failOn;

    @Override
    public CompletionStage<Boolean> accept(InboundActivity activity) {
      if (activity.activityId().equals(failOn)) {
        return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
      }
      boolean isNew = seen.add(activity.activityId());
      if (isNew) {
        queued.add(activity);
      }
      return CompletableFuture.completedFuture(isNew);
    }

    @Override
    public CompletionStage<Integer> pruneSeen(Instant before) {
      return CompletableFuture.completedFuture(0);
    }

    @Override
    public CompletionStage<List<Job<InboundActivity>>> claimDue(Instant now, int max, Duration lease) {
      return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletionStage<Boolean> complete(JobLease lease, JobOutcome outcome) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletionStage<QueueStats> stats(Instant now) {
      return CompletableFuture.completedFuture(new QueueStats(queued.size(), 0, 0, Optional.empty()));
    }
  }

  private static InboundActivity activity(int n) {
    return new InboundActivity(URI.create("https://remote.example/activities/" + n), Optional.empty(),
        URI.create("https://remote.example/users/bob"), "{}");
  }

  @Test
  void acceptAll_byDefault_answersAsAcceptOneAfterAnother() {
    OneByOne store = new OneByOne();
    store.accept(activity(1));

    List<Boolean> answers = store.acceptAll(List.of(activity(2), activity(1), activity(2), activity(3)))
        .toCompletableFuture().join();

    assertThat(answers).containsExactly(true, false, false, true);
    assertThat(store.queued).containsExactly(activity(1), activity(2), activity(3));
  }

  @Test
  void acceptAll_byDefault_failsWhenOneAcceptFails() {
    OneByOne store = new OneByOne();
    store.failOn = activity(2).activityId();

    assertThatThrownBy(() -> store.acceptAll(List.of(activity(1), activity(2), activity(3)))
        .toCompletableFuture().join()).isInstanceOf(CompletionException.class).hasRootCauseMessage("disk full");
    assertThat(store.queued).containsExactly(activity(1));
  }
}
