package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline queues verified activities in groups: one store write for those verified while one is in flight. */
class InboxGroupCommitTest {
  private InboxHarness h;
  private RemotePeer bob;
  private GatedInbox store;
  private InboxPipeline pipeline;

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    bob = h.peer("remote.example", "bob");
    store = new GatedInbox(h.storage.inbox());
    pipeline = h.pipeline(store, null);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private Future<InboxOutcome> post(int n) {
    String like = """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/likes/%d","type":"Like",
         "actor":"%s","object":"%s"}""".formatted(n, bob.id(), h.videoId(h.video));
    return pipeline.receive(bob.post(h.urls.sharedInbox(), like, h.now, Optional.empty()));
  }

  @Test
  void activitiesVerifiedWhileAGroupIsWritten_areQueuedTogetherInTheNextGroup() {
    CompletableFuture<Void> firstWrite = store.holdNextGroup();
    Future<InboxOutcome> first = post(0);
    store.awaitGroups(1);
    List<Future<InboxOutcome>> waiting = IntStream.rangeClosed(1, 3).mapToObj(this::post).toList();
    store.awaitArrivals(3, pipeline);

    firstWrite.complete(null);

    assertThat(await(first.toCompletionStage()))
        .isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
    for (Future<InboxOutcome> outcome : waiting) {
      assertThat(await(outcome.toCompletionStage()))
          .isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
    }
    assertThat(store.groupSizes).containsExactly(1, 3);
    assertThat(h.queued()).isEqualTo(4);
  }

  @Test
  void failedGroup_answers503ToEveryActivityInItAndQueuesNone() {
    CompletableFuture<Void> firstWrite = store.holdNextGroup();
    Future<InboxOutcome> first = post(0);
    store.awaitGroups(1);
    store.failNextGroup();
    List<Future<InboxOutcome>> failing = IntStream.rangeClosed(1, 2).mapToObj(this::post).toList();
    store.awaitArrivals(2, pipeline);

    firstWrite.complete(null);

    assertThat(await(first.toCompletionStage()))
        .isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
    for (Future<InboxOutcome> outcome : failing) {
      assertThat(await(outcome.toCompletionStage())).isInstanceOfSatisfying(InboxOutcome.Refused.class,
          refused -> assertThat(refused.refusal()).isEqualTo(InboxRefusal.STORAGE_UNAVAILABLE));
    }
    assertThat(store.groupSizes).containsExactly(1, 2);
    assertThat(h.queued()).isEqualTo(1);
  }

  /**
   * The real inbox store, whose group writes can be held until the test releases them, or failed; it records the
   * size of every group it is given.
   */
  private static final class GatedInbox extends ForwardingInboxStore {
    final List<Integer> groupSizes = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private volatile boolean failing;

    GatedInbox(InboxStore real) {
      super(real);
    }

    CompletableFuture<Void> holdNextGroup() {
      gate = new CompletableFuture<>();
      return gate;
    }

    void failNextGroup() {
      failing = true;
    }

    /** Waits (bounded) until {@code count} groups were handed to the store. */
    void awaitGroups(int count) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (groupSizes.size() < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("the store was given " + groupSizes.size() + " groups, not " + count);
        }
        Thread.onSpinWait();
      }
    }

    /** Waits (bounded) until {@code count} more activities passed verification and wait for the held group. */
    void awaitArrivals(int count, InboxPipeline pipeline) {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (pipeline.acceptsWaiting() < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(pipeline.acceptsWaiting() + " activities wait, not " + count);
        }
        Thread.onSpinWait();
      }
    }

    @Override
    public CompletionStage<List<Boolean>> acceptAll(List<InboundActivity> activities) {
      groupSizes.add(activities.size());
      boolean fail = failing;
      failing = false;
      CompletableFuture<Void> held = gate;
      gate = CompletableFuture.completedFuture(null);
      return held.thenCompose(released -> fail
          ? CompletableFuture.failedFuture(new IllegalStateException("disk full"))
          : super.acceptAll(activities));
    }
  }
}
