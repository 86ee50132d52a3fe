package dev.fedgate.gateway.http;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.Gateway;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.inbox.MapFetcher;
import dev.fedgate.gateway.inbox.RemotePeer;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.SignedRequest;
import dev.fedgate.testdata.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox over HTTP on a real gateway, with real documents from ../shared/fixtures (Mastodon's Follow, reply, Like,
 * Undo, Delete and actor, PeerTube's Announce) addressed to our objects and re-signed with test keys.
 */
class InboxRoutesTest {
  private static final String ASSETS = "lemmy/crates/apub/apub/assets/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = TestGateway.httpClient();
  private final MapFetcher fetcher = new MapFetcher();
  private final UUID video = UUID.randomUUID();
  private Gateway gateway;
  private StorageBackend storage;

  @BeforeEach
  void start(@TempDir Path dir) {
    GatewayConfig config = GatewayConfig.builder().port(0).dataDirectory(dir).shutdownGrace(Duration.ofSeconds(1))
        .domainBlocks(Set.of("blocked.example")).build();
    gateway = await(Gateway.start(config, InstantSource.system(), fetcher));
    // The tests read the queued deliveries themselves; a running worker could claim them first.
    await(gateway.deliveries().stop().toCompletionStage());
    storage = gateway.storage();
    await(storage.localActors().upsertAccount(new Account("alice", "Alice", "", URI.create("https://site.example/a"),
        Optional.empty(), Optional.empty())));
    await(storage.localActors().upsertChannel(new Channel("cooking", "alice", "Cooking", "",
        URI.create("https://site.example/c"), Optional.empty(), Optional.empty())));
    await(storage.videos().upsert(new Video(video, "cooking", "Soup", "", 60, Instant.now(),
        URI.create("https://site.example/v"), Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, CommentsPolicy.ENABLED, false)));
  }

  @AfterEach
  void stop() {
    await(gateway.stop());
  }

  private URI local(String path) {
    return URI.create(gateway.publicUrl() + path);
  }

  private URI videoId() {
    return local("/videos/watch/" + video);
  }

  private RemotePeer peer(String id) {
    RemotePeer peer = new RemotePeer(URI.create(id));
    fetcher.serve(peer.id(), peer.actorJson());
    return peer;
  }

  private static ObjectNode fixture(String path) {
    try {
      return (ObjectNode) JSON.readTree(Files.readString(SharedData.fixture(path), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private HttpResponse<String> post(String path, RemotePeer signer, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    URI target = gateway.listenUrl().resolve(path);
    SignedRequest signed = signer.sign(target, body, Instant.now(), "application/activity+json");
    return send(target, signed.request().headers(), body);
  }

  private HttpResponse<String> send(URI target, HttpHeaders headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(target).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.fields().stream().filter(h -> !h.name().equalsIgnoreCase("Host"))
        .forEach(h -> request.header(h.name(), h.value()));
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void processed() {
    await(gateway.inbox().orElseThrow().worker().drain().toCompletionStage());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void mastodonFollowAndUndo_followAndUnfollowTheChannel() {
    RemotePeer asonix = peer("https://masto.asonix.dog/users/asonix");
    ObjectNode follow = fixture(ASSETS + "mastodon/activities/follow.json");
    follow.put("object", local("/video-channels/cooking").toString());

    assertThat(post("/video-channels/cooking/inbox", asonix, follow.toString()).statusCode()).isEqualTo(202);
    processed();

    assertThat(await(storage.follows().find("cooking", asonix.id()))).isPresent();
    List<Job<Delivery>> accepts = await(storage.deliveryJobs().claimDue(Instant.now(), 10, Duration.ofMinutes(1)));
    assertThat(accepts).singleElement().satisfies(job -> {
      assertThat(job.payload().inbox()).isEqualTo(asonix.inbox());
      assertThat(json(job.payload().json()).path("object").path("id").asText()).isEqualTo(follow.path("id").asText());
    });

    ObjectNode undo = fixture(ASSETS + "mastodon/activities/undo_follow.json");
    ((ObjectNode) undo.get("object")).put("object", local("/video-channels/cooking").toString());
    assertThat(post("/inbox", asonix, undo.toString()).statusCode()).isEqualTo(202);
    processed();

    assertThat(await(storage.follows().count("cooking", FollowState.ACCEPTED))).isZero();
  }

  @Test
  void mastodonReplyAndDelete_storeThenTombstoneTheComment() {
    RemotePeer felix = peer("https://mastodon.madrid/users/felix");
    ObjectNode create = fixture(ASSETS + "mastodon/activities/create_note.json");
    ObjectNode note = (ObjectNode) create.get("object");
    note.put("inReplyTo", videoId().toString());
    URI noteId = URI.create(note.path("id").asText());

    assertThat(post("/inbox", felix, create.toString()).statusCode()).isEqualTo(202);
    processed();

    var comment = await(storage.comments().findByRemoteId(noteId)).orElseThrow().value();
    assertThat(comment.content()).contains("<span class=\"h-card\">", "thinkpad");
    assertThat(comment.status()).isEqualTo(CommentStatus.VISIBLE);

    ObjectNode delete = fixture(ASSETS + "mastodon/activities/delete.json");
    ((ObjectNode) delete.get("object")).put("id", noteId.toString());
    delete.remove("signature");
    assertThat(post("/inbox", felix, delete.toString()).statusCode()).isEqualTo(202);
    processed();

    assertThat(await(storage.comments().findByRemoteId(noteId)).orElseThrow().value().status())
        .isEqualTo(CommentStatus.DELETED);
  }

  @Test
  void mastodonLikeAndPeerTubeAnnounce_areCounted() {
    RemotePeer felix = peer("https://mastodon.madrid/users/felix");
    ObjectNode like = fixture(ASSETS + "mastodon/activities/like_page.json");
    like.put("object", videoId().toString());
    RemotePeer channel = peer("https://tilvids.com/video-channels/thelinuxexperiment_channel");
    ObjectNode announce = fixture(ASSETS + "peertube/activities/announce_video.json");
    announce.put("object", videoId().toString());

    assertThat(post("/inbox", felix, like.toString()).statusCode()).isEqualTo(202);
    assertThat(post("/accounts/alice/inbox", channel, announce.toString()).statusCode()).isEqualTo(202);
    processed();

    assertThat(await(storage.interactions().count(video, InteractionKind.LIKE))).isEqualTo(1);
    assertThat(await(storage.interactions().count(video, InteractionKind.SHARE))).isEqualTo(1);
  }

  @Test
  void mastodonActorUpdate_refreshesTheCachedActor() throws IOException {
    String recorded = Files.readString(SharedData.fixture("mastodon/spec/fixtures/requests/activitypub-actor.txt"),
        StandardCharsets.UTF_8);
    ObjectNode actor = (ObjectNode) JSON.readTree(recorded.substring(recorded.indexOf("\n{") + 1));
    RemotePeer foo = new RemotePeer(URI.create(actor.path("id").asText()));
    ((ObjectNode) actor.get("publicKey")).put("publicKeyPem", foo.publicKeyPem());
    fetcher.serve(foo.id(), actor.toString());
    actor.put("inbox", foo.id() + "/inbox2");
    ObjectNode update = JSON.createObjectNode().put("@context", "https://www.w3.org/ns/activitystreams")
        .put("id", foo.id() + "#updates/1").put("type", "Update").put("actor", foo.id().toString());
    actor.remove("@context");
    update.set("object", actor);

    assertThat(post("/inbox", foo, update.toString()).statusCode()).isEqualTo(202);
    processed();

    assertThat(await(storage.remoteActors().find(foo.id())).orElseThrow().inbox())
        .isEqualTo(URI.create(foo.id() + "/inbox2"));
  }

  @Test
  void sameActivityTwice_isAcceptedTwiceAndProcessedOnce() {
    RemotePeer felix = peer("https://mastodon.madrid/users/felix");
    ObjectNode like = fixture(ASSETS + "mastodon/activities/like_page.json");
    like.put("object", videoId().toString());

    HttpResponse<String> first = post("/inbox", felix, like.toString());
    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(post("/inbox", felix, like.toString()).statusCode()).isEqualTo(202);
    processed();

    assertThat(gateway.inbox().orElseThrow().counters().value(
        "fedgate_inbox_requests_total{outcome=\"accepted\",reason=\"duplicate\"}")).isEqualTo(1);
  }

  @Test
  void refusals_answerProblemJsonWithTheirReason() {
    RemotePeer felix = peer("https://mastodon.madrid/users/felix");
    String like = "{\"id\":\"https://mastodon.madrid/l/1\",\"type\":\"Like\",\"actor\":\"" + felix.id()
        + "\",\"object\":\"" + videoId() + "\"}";

    HttpResponse<String> unsigned = send(gateway.listenUrl().resolve("/inbox"),
        HttpHeaders.of("Content-Type", "application/activity+json"), like.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> unknown = post("/video-channels/nobody/inbox", felix, like);
    HttpResponse<String> wrongType = send(gateway.listenUrl().resolve("/inbox"),
        HttpHeaders.of("Content-Type", "text/html"), like.getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> tooLarge = send(gateway.listenUrl().resolve("/inbox"),
        HttpHeaders.of("Content-Type", "application/activity+json"), new byte[(1 << 20) + 10]);

    assertThat(unsigned.statusCode()).isEqualTo(401);
    assertThat(unsigned.headers().firstValue("Content-Type")).contains(ProblemResponses.PROBLEM_JSON);
    assertThat(json(unsigned.body()).path("reason").asText()).isEqualTo("signature-missing");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(json(unknown.body()).path("reason").asText()).isEqualTo("unknown-recipient");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(json(tooLarge.body()).path("reason").asText()).isEqualTo("body-too-large");
    assertThat(fetcher.fetched()).isEmpty();
    assertThat(gateway.inbox().orElseThrow().counters().render())
        .contains("fedgate_inbox_requests_total{outcome=\"refused\",reason=\"body-too-large\"} 1");
  }
}
