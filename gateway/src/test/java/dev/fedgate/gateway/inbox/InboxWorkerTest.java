package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.QueueStats;
import dev.fedgate.vocab.activity.Like;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
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
        h.post(bob, like(h, bob, n));
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

  /** The real inbox store, recording every group of completions it is given. */
  private static final class RecordingCompletions extends ForwardingInboxStore {
    final List<List<ClaimableQueue.Completion>> groups = new CopyOnWriteArrayList<>();

    RecordingCompletions(InboxStore real) {
      super(real);
    }

    @Override
    public CompletionStage<List<Boolean>> completeAll(List<ClaimableQueue.Completion> completions) {
      groups.add(List.copyOf(completions));
      return super.completeAll(completions);
    }
  }
}
