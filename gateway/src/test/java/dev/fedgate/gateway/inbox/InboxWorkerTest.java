package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.JobLease;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.JobState;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.activity.Like;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxWorkerTest {
  private static String like(InboxHarness h, RemotePeer peer, int n) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/likes/%d","type":"Like",
         "actor":"%s","object":"%s"}""".formatted(n, peer.id(), h.videoId(h.video));
  }

  @Test
  void acceptedActivity_survivesARestartAndIsProcessedOnce(@TempDir Path dir) {
    String url = "file:" + dir.resolve("db").toAbsolutePath();
    RemotePeer bob;
    java.util.UUID video;
    String like;
    try (InboxHarness before = new InboxHarness(DomainBlocks.NONE, url)) {
      bob = before.peer("remote.example", "bob");
      like = like(before, bob, 1);
      video = before.video;
      assertThat(before.post(bob, like)).isInstanceOf(InboxOutcome.Accepted.class);
    }

    try (InboxHarness after = new InboxHarness(DomainBlocks.NONE, url)) {
      after.fetcher.serve(bob.id(), bob.actorJson());
      assertThat(after.drain()).isEqualTo(1);
      assertThat(after.drain()).isZero();
      assertThat(await(after.storage.interactions().count(video, InteractionKind.LIKE))).isEqualTo(1);
      assertThat(after.post(bob, like)).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.DUPLICATE));
    }
  }

  @Test
  void claimedBatch_isCompletedInOneStoreCall() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      for (int n = 1; n <= 3; n++) {
        // Queued for a claim (the pipeline would lease it to the harness's own worker).
        assertThat(await(h.storage.inbox().accept(new InboundActivity(
            URI.create("https://remote.example/likes/" + n), Optional.empty(), bob.id(), like(h, bob, n))))).isTrue();
      }
      RecordingCompletions store = new RecordingCompletions(h.storage.inbox());
      ActivityHandlers handlers = ActivityHandlers.builder()
          .on(Like.class, (delivery, like) -> like.id().toString().endsWith("/2")
              ? Future.failedFuture(new FetchException(FetchFailure.TIMEOUT, like.id(), "later", null))
              : Future.succeededFuture())
          .build();
      InboxWorker worker = new InboxWorker(h.vertx, store, handlers,
          VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT), new InboxCounters(), h.clock,
          InboxWorker.DEFAULT_LEASE);

      assertThat(await(worker.drain().toCompletionStage())).isEqualTo(3);

      assertThat(store.groups).hasSize(1);
      assertThat(store.groups.get(0)).extracting(c -> c.outcome().getClass().getSimpleName())
          .containsExactlyInAnyOrder("Done", "Done", "RetryAt");
      assertThat(h.queued()).isEqualTo(1);
    }
  }

  @Test
  void processedActivity_isTimedInTheLatencyHistogram() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      h.post(bob, like(h, bob, 1));

      h.drain();

      assertThat(h.inbox.counters().render())
          .contains(InboxCounters.PROCESSING + "_bucket{le=\"0.005\"} 1\n")
          .contains(InboxCounters.PROCESSING + "_bucket{le=\"+Inf\"} 1\n")
          .contains(InboxCounters.PROCESSING + "_count 1\n");
    }
  }

  @Test
  void transientFailure_isRetriedLater() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      URI noteId = URI.create("https://remote.example/notes/1");
      h.post(bob, CreateHandlerTest.create(bob.id(), noteId + "/activity", "\"" + noteId + "\""));
      h.fetcher.fail(noteId, FetchFailure.TIMEOUT);

      h.drain();
      assertThat(h.queued()).isEqualTo(1);
      assertThat(h.inbox.counters().value(InboxCounters.PROCESSED + "{outcome=\"retried\"}")).isEqualTo(1);

      h.fetcher.serve(noteId, "{\"@context\":\"https://www.w3.org/ns/activitystreams\","
          + CreateHandlerTest.note(noteId, bob.id(), h.videoId(h.video), "later").substring(1));
      h.now = h.now.plus(Duration.ofMinutes(5));
      h.drain();

      assertThat(h.queued()).isZero();
      assertThat(await(h.storage.comments().findByRemoteId(noteId))).isPresent();
    }
  }

  @Test
  void permanentFailure_isGivenUp() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      URI noteId = URI.create("https://remote.example/notes/1");
      h.post(bob, CreateHandlerTest.create(bob.id(), noteId + "/activity", "\"" + noteId + "\""));
      h.fetcher.fail(noteId, FetchFailure.GONE);

      h.drain();

      QueueStats stats = await(h.storage.inbox().stats(h.now));
      assertThat(stats.waiting() + stats.inFlight()).isZero();
      assertThat(stats.dead()).isEqualTo(1);
    }
  }

  @Test
  void unknownType_isCountedAndCompleted() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      h.post(bob, """
          {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/r/1","type":"EmojiReact",
           "actor":"%s","object":"%s","content":"x"}""".formatted(bob.id(), h.videoId(h.video)));

      h.drain();

      assertThat(h.queued()).isZero();
      assertThat(h.inbox.counters().value(InboxCounters.PROCESSED + "{outcome=\"unhandled\"}")).isEqualTo(1);
    }
  }

  @Test
  void activitiesLeasedAtTheirAccept_areProcessedWithoutAClaim_andCompleted() {
    try (InboxHarness h = new InboxHarness()) {
      RecordingCompletions store = new RecordingCompletions(h.storage.inbox());
      InboxWorker worker = new InboxWorker(h.vertx, store, h.likeHandlers(), InboxHarness.reader(),
          new InboxCounters(), h.clock, InboxWorker.DEFAULT_LEASE);
      InboxPipeline pipeline = h.pipeline(store, worker);

      List<String> names = List.of("bob", "carol", "dave");
      for (int n = 0; n < names.size(); n++) {
        RemotePeer peer = h.peer("remote.example", names.get(n));
        assertThat(InboxHarness.join(pipeline.receive(peer.post(h.urls.sharedInbox(), like(h, peer, n), h.now,
            Optional.empty())))).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
      }
      assertThat(await(worker.drain().toCompletionStage())).isEqualTo(3);

      assertThat(store.claimed).allSatisfy(jobs -> assertThat(jobs).isEmpty());
      assertThat(store.groups).flatMap(group -> group).hasSize(3)
          .allSatisfy(completion -> assertThat(completion.outcome()).isEqualTo(JobOutcome.done()));
      assertThat(await(h.storage.interactions().count(h.video, InteractionKind.LIKE))).isEqualTo(3);
      assertThat(h.queued()).isZero();
    }
  }

  @Test
  void aHandedActivityWhoseLeaseEndsWithinHalfALease_isLeftToTheQueue() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      InboundActivity activity = new InboundActivity(URI.create("https://remote.example/likes/1"), Optional.empty(),
          bob.id(), like(h, bob, 1));
      Duration shortLease = InboxWorker.DEFAULT_LEASE.dividedBy(2);
      Job<InboundActivity> leased = await(h.storage.inbox().acceptAllLeased(List.of(activity), h.now, shortLease))
          .get(0).leased().orElseThrow();
      InboxWorker worker = new InboxWorker(h.vertx, h.storage.inbox(), h.likeHandlers(), InboxHarness.reader(),
          new InboxCounters(), h.clock, InboxWorker.DEFAULT_LEASE);

      worker.take(leased, Optional.empty());

      assertThat(await(worker.drain().toCompletionStage())).isZero();
      assertThat(h.queuedJobs()).extracting(Job::payload).containsExactly(activity);
    }
  }

  @Test
  void aWorkerWithoutRoom_getsNothingLeased_andTheActivityIsQueuedForAClaim() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      InboxWorker worker = new InboxWorker(h.vertx, h.storage.inbox(), h.likeHandlers(), InboxHarness.reader(),
          new InboxCounters(), h.clock, InboxWorker.DEFAULT_LEASE);
      Job<InboundActivity> filler = new Job<>(new JobId(1), JobState.QUEUED, 1, h.now, h.now, Optional.empty(),
          Optional.of(new JobLease(new JobId(1), UUID.randomUUID(), h.now.plus(InboxWorker.DEFAULT_LEASE))),
          new InboundActivity(URI.create("https://remote.example/filler"), Optional.empty(), bob.id(), "{}"));
      for (int i = 0; i < InboxWorker.MAX_HANDED; i++) {
        worker.take(filler, Optional.empty());
      }
      assertThat(worker.hasRoom(1)).isFalse();

      InboxHarness.join(h.pipeline(h.storage.inbox(), worker).receive(bob.post(h.urls.sharedInbox(),
          like(h, bob, 1), h.now, Optional.empty())));

      assertThat(await(h.storage.inbox().claimDue(h.now, 10, InboxWorker.DEFAULT_LEASE))).extracting(Job::payload)
          .extracting(InboundActivity::activityId).containsExactly(URI.create("https://remote.example/likes/1"));
    }
  }

  @Test
  void aBatchWaitingOnASlowHandler_doesNotHoldTheBatchesAfterIt() {
    try (InboxHarness h = new InboxHarness()) {
      RecordingCompletions store = new RecordingCompletions(h.storage.inbox());
      Promise<Void> slow = Promise.promise();
      List<URI> handled = new CopyOnWriteArrayList<>();
      ActivityHandlers handlers = ActivityHandlers.builder().on(Like.class, (delivery, like) -> {
        handled.add(like.id());
        return like.id().toString().endsWith("/0") ? slow.future() : Future.succeededFuture();
      }).build();
      InboxWorker worker = new InboxWorker(h.vertx, store, handlers, InboxHarness.reader(), new InboxCounters(),
          h.clock, InboxWorker.DEFAULT_LEASE);
      RemotePeer bob = h.peer("remote.example", "bob");

      worker.take(leased(h, bob, 0), Optional.empty());
      worker.poke();
      for (int n = 1; n <= 3; n++) {
        worker.take(leased(h, bob, n), Optional.empty());
      }
      worker.poke();

      assertThat(handled).hasSize(4);
      assertThat(store.groups).singleElement().satisfies(group -> assertThat(group).hasSize(3));
      Future<Integer> drained = worker.drain();
      assertThat(drained.isComplete()).isFalse();

      slow.complete();
      assertThat(await(drained.toCompletionStage())).isZero();
      assertThat(store.groups).hasSize(2);
      assertThat(h.queued()).isZero();
    }
  }

  @Test
  void atMostAWindowOfActivities_isInProcessingAtOnce() {
    try (InboxHarness h = new InboxHarness()) {
      Promise<Void> release = Promise.promise();
      List<URI> started = new CopyOnWriteArrayList<>();
      ActivityHandlers handlers = ActivityHandlers.builder().on(Like.class, (delivery, like) -> {
        started.add(like.id());
        return release.future();
      }).build();
      InboxWorker worker = new InboxWorker(h.vertx, h.storage.inbox(), handlers, InboxHarness.reader(),
          new InboxCounters(), h.clock, InboxWorker.DEFAULT_LEASE);
      RemotePeer bob = h.peer("remote.example", "bob");
      int count = InboxWorker.WINDOW + InboxWorker.BATCH + 5;
      for (int n = 0; n < count; n++) {
        worker.take(leased(h, bob, n), Optional.empty());
      }

      worker.poke();
      assertThat(started).hasSize(InboxWorker.WINDOW);
      Future<Integer> drained = worker.drain();

      release.complete();
      assertThat(await(drained.toCompletionStage())).isEqualTo(count - InboxWorker.WINDOW);
      assertThat(started).hasSize(count).doesNotHaveDuplicates();
      assertThat(h.queued()).isZero();
    }
  }

  @Test
  void anActivityHandedOverWithWhatTheInboxRead_isProcessedFromThat_notReadAgain() throws Exception {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      InboundActivity unreadable = new InboundActivity(URI.create("https://remote.example/likes/1"), Optional.empty(),
          bob.id(), "{\"type\":\"Like\"}");
      Job<InboundActivity> job = await(h.storage.inbox().acceptAllLeased(List.of(unreadable), h.now,
          InboxWorker.DEFAULT_LEASE)).get(0).leased().orElseThrow();
      ApObject read = InboxHarness.reader().read(like(h, bob, 1).getBytes(StandardCharsets.UTF_8));
      InboxCounters counters = new InboxCounters();
      InboxWorker worker = new InboxWorker(h.vertx, h.storage.inbox(), h.likeHandlers(), InboxHarness.reader(),
          counters, h.clock, InboxWorker.DEFAULT_LEASE);

      worker.take(job, Optional.of(read));

      assertThat(await(worker.drain().toCompletionStage())).isEqualTo(1);
      assertThat(counters.value(InboxCounters.PROCESSED + "{outcome=\"handled\"}")).isEqualTo(1);
      assertThat(await(h.storage.interactions().count(h.video, InteractionKind.LIKE))).isEqualTo(1);
    }
  }

  @Test
  void aFailedClaim_failsTheDrainWaitingOnIt_andALaterDrainClaimsAgain() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      assertThat(await(h.storage.inbox().accept(new InboundActivity(URI.create("https://remote.example/likes/1"),
          Optional.empty(), bob.id(), like(h, bob, 1))))).isTrue();
      AtomicBoolean down = new AtomicBoolean(true);
      InboxStore store = new ForwardingInboxStore(h.storage.inbox()) {
        @Override
        public CompletionStage<List<Job<InboundActivity>>> claimDue(Instant now, int max, Duration lease) {
          return down.get() ? CompletableFuture.failedFuture(new IllegalStateException("store down"))
              : super.claimDue(now, max, lease);
        }
      };
      InboxWorker worker = new InboxWorker(h.vertx, store, h.likeHandlers(), InboxHarness.reader(),
          new InboxCounters(), h.clock, InboxWorker.DEFAULT_LEASE);

      assertThatThrownBy(() -> await(worker.drain().toCompletionStage())).hasMessageContaining("store down");

      down.set(false);
      assertThat(await(worker.drain().toCompletionStage())).isEqualTo(1);
      assertThat(h.queued()).isZero();
    }
  }

  /** Like number {@code n} of {@code peer}, accepted and leased to a worker as the inbox does. */
  private static Job<InboundActivity> leased(InboxHarness h, RemotePeer peer, int n) {
    InboundActivity activity = new InboundActivity(URI.create("https://remote.example/likes/" + n), Optional.empty(),
        peer.id(), like(h, peer, n));
    return await(h.storage.inbox().acceptAllLeased(List.of(activity), h.now, InboxWorker.DEFAULT_LEASE)).get(0)
        .leased().orElseThrow();
  }

  /** The real inbox store, recording every claim's jobs and every group of completions it is given. */
  private static final class RecordingCompletions extends ForwardingInboxStore {
    final List<List<ClaimableQueue.Completion>> groups = new CopyOnWriteArrayList<>();
    final List<List<Job<InboundActivity>>> claimed = new CopyOnWriteArrayList<>();

    RecordingCompletions(InboxStore real) {
      super(real);
    }

    @Override
    public CompletionStage<List<Job<InboundActivity>>> claimDue(Instant now, int max, Duration lease) {
      return super.claimDue(now, max, lease).thenApply(jobs -> {
        claimed.add(jobs);
        return jobs;
      });
    }

    @Override
    public CompletionStage<List<Boolean>> completeAll(List<ClaimableQueue.Completion> completions) {
      groups.add(List.copyOf(completions));
      return super.completeAll(completions);
    }
  }
}
