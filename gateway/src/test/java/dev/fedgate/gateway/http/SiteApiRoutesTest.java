package dev.fedgate.gateway.http;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.api.AccountActions;
import dev.fedgate.gateway.api.Approvals;
import dev.fedgate.gateway.api.ChangeListener;
import dev.fedgate.gateway.api.LocalComments;
import dev.fedgate.gateway.api.SiteApi;
import dev.fedgate.gateway.api.SiteOutputs;
import dev.fedgate.gateway.config.ApiToken;
import dev.fedgate.gateway.fetch.AddressGuard;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.gateway.fetch.OutboundHttp;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.fetch.WebFingerClient;
import dev.fedgate.gateway.inbox.MapFetcher;
import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.outbox.Publisher;
import dev.fedgate.gateway.outbox.RequestAnswers;
import dev.fedgate.gateway.outbox.OutboxRelay;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.JobOutcome;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoTombstone;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteApiRoutesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOKEN = "site-api-token-for-the-tests-0123456789";
  private static final String UUID_1 = "2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11";

  @TempDir Path dataDirectory;
  private final ExecutorService cpu = Executors.newFixedThreadPool(2);
  private final HttpClient client = TestGateway.httpClient();
  private Vertx vertx;
  private StorageBackend storage;
  private URI base;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:routes-" + UUID.randomUUID()).build()));
    LocalUrls urls = new LocalUrls(URI.create("https://video.example"));
    SiteApi api = new SiteApi(storage, new LocalKeys(storage.localActors(), Optional.empty(), cpu),
        new OutboxRelay(storage.deliveryJobs(), pending -> CompletableFuture.completedFuture(false), () -> { },
            java.time.InstantSource.system()), new ChangeListener() {
          @Override
          public void actorChanged(String name) {
          }

          @Override
          public void videoChanged(UUID uuid) {
          }
        }, java.time.InstantSource.system());
    Router router = Router.router(vertx);
    router.route().failureHandler(ProblemResponses::handleFailure);
    router.errorHandler(404, ProblemResponses::handleFailure);
    Approvals approvals = new Approvals(storage, new RequestAnswers(storage.deliveryJobs(), urls), urls);
    new SiteApiRoutes(api, approvals, new SiteOutputs(urls),
        ApiToken.resolve(Optional.of(TOKEN), dataDirectory, new SecureRandom()), 64 * 1024).mount(router);
    accountActionRoutes(urls).mount(router);
    HttpServer server = await(vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .toCompletionStage());
    base = URI.create("http://127.0.0.1:" + server.actualPort());
  }

  /** The account action routes over the same store; nothing remote resolves (no network in tests). */
  private AccountActionRoutes accountActionRoutes(LocalUrls urls) {
    RemoteFetcher nothing = new MapFetcher();
    VocabReader reader = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
    RemoteActorLoader actors = new RemoteActorLoader(storage.remoteActors(), nothing, reader,
        java.time.InstantSource.system());
    LocalKeys keys = new LocalKeys(storage.localActors(), Optional.empty(), cpu);
    WebFingerClient webFinger = new WebFingerClient(OutboundHttp.create(vertx,
        AddressGuard.create(HostResolver.system(vertx), false), OutboundHttp.DEFAULT_CONNECT_TIMEOUT, "test"), "https");
    return new AccountActionRoutes(new AccountActions(urls, storage, actors, nothing, reader, webFinger,
        java.time.InstantSource.system()), new LocalComments(urls, storage, new LocalObjects(urls,
        storage.localActors(), storage.videos(), storage.comments(), storage.replies(), keys), actors,
        java.time.InstantSource.system()),
        new SiteOutputs(urls));
  }

  @AfterEach
  void stop() {
    await(vertx.close().toCompletionStage());
    await(storage.close());
    cpu.shutdown();
  }

  private HttpResponse<String> send(String method, String path, String body, String... headers) {
    // A route that never answers fails the test instead of hanging the build.
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(method + " " + path, e);
    }
  }

  private HttpResponse<String> api(String method, String path, JsonObject body) {
    return send(method, path, body == null ? null : body.encode(),
        "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError(response.body(), e);
    }
  }

  private static JsonObject account() {
    return new JsonObject().put("displayName", "Alice").put("url", "https://site.example/@alice");
  }

  private static JsonObject video() {
    return new JsonObject().put("channel", "cooking").put("name", "Bread at home").put("durationSeconds", 60)
        .put("publishedAt", "2026-11-20T10:00:00Z").put("url", "https://site.example/watch/bread")
        .put("thumbnails", new JsonArray().add(new JsonObject().put("url", "https://cdn.site.example/t.jpg")
            .put("mediaType", "image/jpeg").put("width", 640).put("height", 360)));
  }

  @Test
  void withoutOrWithWrongToken_is401Problem() {
    HttpResponse<String> none = send("GET", "/api/v1/accounts/alice", null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"fedgate\"");
    assertThat(none.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(json(none).get("reason").asText()).isEqualTo("unauthorized");
    assertThat(send("GET", "/api/v1/accounts/alice", null, "Authorization", "Bearer wrong").statusCode())
        .isEqualTo(401);
    assertThat(send("GET", "/api/v1/accounts/alice", null, "Authorization", "Basic " + TOKEN).statusCode())
        .isEqualTo(401);
  }

  @Test
  void putAccount_creates201_thenUpdates200_andGetReadsItBack() {
    HttpResponse<String> created = api("PUT", "/api/v1/accounts/alice", account());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/accounts/alice");
    assertThat(json(created).get("id").asText()).isEqualTo("https://video.example/accounts/alice");

    HttpResponse<String> updated = api("PUT", "/api/v1/accounts/alice", account().put("summary", "Bakes."));
    assertThat(updated.statusCode()).isEqualTo(200);
    JsonNode read = json(api("GET", "/api/v1/accounts/alice", null));
    assertThat(read.get("summary").asText()).isEqualTo("Bakes.");
    assertThat(read.get("createdAt").asText()).isNotBlank();
  }

  @Test
  void channelAndVideo_roundTrip_andDeleteLeaves410() {
    api("PUT", "/api/v1/accounts/alice", account());
    HttpResponse<String> channel = api("PUT", "/api/v1/channels/cooking",
        new JsonObject().put("account", "alice").put("url", "https://site.example/c/cooking"));
    assertThat(channel.statusCode()).isEqualTo(201);
    assertThat(json(channel).get("id").asText()).isEqualTo("https://video.example/video-channels/cooking");

    HttpResponse<String> created = api("PUT", "/api/v1/videos/" + UUID_1, video());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).get("id").asText()).isEqualTo("https://video.example/videos/watch/" + UUID_1);
    assertThat(json(api("GET", "/api/v1/videos/" + UUID_1, null)).get("name").asText()).isEqualTo("Bread at home");

    assertThat(api("DELETE", "/api/v1/videos/" + UUID_1, null).statusCode()).isEqualTo(204);
    assertThat(api("DELETE", "/api/v1/videos/" + UUID_1, null).statusCode()).as("idempotent").isEqualTo(204);
    HttpResponse<String> gone = api("GET", "/api/v1/videos/" + UUID_1, null);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(json(gone).get("reason").asText()).isEqualTo("gone");
  }

  @Test
  void invalidField_is400ProblemNamingTheField() {
    api("PUT", "/api/v1/accounts/alice", account());
    api("PUT", "/api/v1/channels/cooking", new JsonObject().put("account", "alice").put("url", "https://s.example/c"));
    HttpResponse<String> response = api("PUT", "/api/v1/videos/" + UUID_1, video().put("name", "ab"));
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode problem = json(response);
    assertThat(problem.get("reason").asText()).isEqualTo("invalid-request");
    assertThat(problem.get("field").asText()).isEqualTo("/name");
    assertThat(problem.get("detail").asText()).contains("/name").contains("at least 3");
  }

  @Test
  void badPathValues_wrongMediaType_unknownAndTaken() {
    assertThat(json(api("PUT", "/api/v1/videos/not-a-uuid", video())).get("field").asText()).isEqualTo("uuid");
    assertThat(api("PUT", "/api/v1/accounts/al%20ice", account()).statusCode()).isEqualTo(400);
    assertThat(send("PUT", "/api/v1/accounts/alice", account().encode(), "Authorization", "Bearer " + TOKEN,
        "Content-Type", "text/plain").statusCode()).isEqualTo(415);
    assertThat(api("GET", "/api/v1/accounts/nobody", null).statusCode()).isEqualTo(404);
    assertThat(api("GET", "/api/v1/videos/" + UUID_1, null).statusCode()).isEqualTo(404);
    api("PUT", "/api/v1/accounts/alice", account());
    HttpResponse<String> taken = api("PUT", "/api/v1/channels/alice",
        new JsonObject().put("account", "alice").put("url", "https://s.example/c"));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(json(taken).get("field").asText()).isEqualTo("name");
  }

  @Test
  void followers_arePagedWithCursors_andFilterableByState() {
    api("PUT", "/api/v1/accounts/alice", account());
    api("PUT", "/api/v1/channels/cooking", new JsonObject().put("account", "alice").put("url", "https://s.example/c"));
    for (int i = 0; i < 5; i++) {
      URI follower = URI.create("https://remote.example/users/u" + i);
      await(storage.follows().upsert(new Follow("cooking", follower, URI.create(follower + "/inbox"),
          Optional.of(URI.create("https://remote.example/inbox")), i == 4 ? FollowState.PENDING : FollowState.ACCEPTED,
          URI.create("https://remote.example/follows/" + i))));
    }
    JsonNode first = json(api("GET", "/api/v1/channels/cooking/followers?limit=3", null));
    assertThat(first.get("items")).hasSize(3);
    assertThat(first.at("/items/0/sharedInbox").asText()).isEqualTo("https://remote.example/inbox");
    String next = first.get("next").asText();
    assertThat(first.get("prev").isNull()).isTrue();
    JsonNode second = json(api("GET", "/api/v1/channels/cooking/followers?limit=3&after=" + next, null));
    assertThat(second.get("items")).hasSize(1);
    assertThat(second.get("next").isNull()).isTrue();
    JsonNode back = json(api("GET", "/api/v1/channels/cooking/followers?limit=3&before="
        + second.get("prev").asText(), null));
    assertThat(back.get("items")).isEqualTo(first.get("items"));
    assertThat(back.get("prev").isNull()).isTrue();
    assertThat(json(api("GET", "/api/v1/channels/cooking/followers?before=%25%25", null)).get("field").asText())
        .isEqualTo("before");
    assertThat(json(api("GET", "/api/v1/channels/cooking/followers?after=MQ&before=MQ", null)).get("field").asText())
        .isEqualTo("before");
    JsonNode pending = json(api("GET", "/api/v1/channels/cooking/followers?state=pending", null));
    assertThat(pending.get("items")).hasSize(1);
    assertThat(pending.at("/items/0/actor").asText()).isEqualTo("https://remote.example/users/u4");

    assertThat(api("GET", "/api/v1/channels/nobody/followers", null).statusCode()).isEqualTo(404);
    assertThat(json(api("GET", "/api/v1/channels/cooking/followers?limit=0", null)).get("field").asText())
        .isEqualTo("limit");
    assertThat(api("GET", "/api/v1/channels/cooking/followers?state=maybe", null).statusCode()).isEqualTo(400);
  }

  private static final URI BOB = URI.create("https://remote.example/users/bob");
  private static final URI BOB_INBOX = URI.create("https://remote.example/users/bob/inbox");

  private void pendingFollowOfManualChannel() {
    api("PUT", "/api/v1/accounts/alice", account());
    api("PUT", "/api/v1/channels/cooking", new JsonObject().put("account", "alice").put("url", "https://s.example/c")
        .put("manuallyApprovesFollowers", true));
    await(storage.follows().upsert(new Follow("cooking", BOB, BOB_INBOX, Optional.empty(), FollowState.PENDING,
        URI.create("https://remote.example/follows/1"))));
  }

  private List<JsonNode> queuedActivities() {
    return await(storage.deliveryJobs().claimDue(Instant.now().plusSeconds(1), 10, Duration.ofMinutes(1))).stream()
        .map(job -> {
          assertThat(job.payload().inbox()).isEqualTo(BOB_INBOX);
          try {
            return JSON.readTree(job.payload().json());
          } catch (IOException e) {
            throw new AssertionError(e);
          }
        }).toList();
  }

  @Test
  void manualApprovalFlag_isStoredAndReadBack_defaultingToFalse() {
    api("PUT", "/api/v1/accounts/alice", account());
    assertThat(json(api("GET", "/api/v1/accounts/alice", null)).get("manuallyApprovesFollowers").asBoolean())
        .isFalse();
    api("PUT", "/api/v1/channels/cooking", new JsonObject().put("account", "alice").put("url", "https://s.example/c")
        .put("manuallyApprovesFollowers", true));
    assertThat(json(api("GET", "/api/v1/channels/cooking", null)).get("manuallyApprovesFollowers").asBoolean())
        .isTrue();
    assertThat(api("PUT", "/api/v1/accounts/alice", account().put("manuallyApprovesFollowers", "yes")).statusCode())
        .isEqualTo(400);
  }

  @Test
  void acceptFollower_queuesAcceptToTheFollowersInbox_andTheFollowIsInEffect() {
    pendingFollowOfManualChannel();

    HttpResponse<String> accepted = api("POST", "/api/v1/channels/cooking/followers/accept",
        new JsonObject().put("actor", BOB.toString()));

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(json(accepted).get("state").asText()).isEqualTo("accepted");
    assertThat(await(storage.follows().find("cooking", BOB)).orElseThrow().value().state())
        .isEqualTo(FollowState.ACCEPTED);
    assertThat(queuedActivities()).singleElement().satisfies(accept -> {
      assertThat(accept.get("type").asText()).isEqualTo("Accept");
      assertThat(accept.get("actor").asText()).isEqualTo("https://video.example/video-channels/cooking");
      assertThat(accept.at("/object/id").asText()).isEqualTo("https://remote.example/follows/1");
    });
    assertThat(api("POST", "/api/v1/channels/cooking/followers/accept",
        new JsonObject().put("actor", BOB.toString())).statusCode()).isEqualTo(409);
  }

  @Test
  void rejectFollower_queuesRejectAndRemovesTheFollow() {
    pendingFollowOfManualChannel();

    HttpResponse<String> rejected = api("POST", "/api/v1/channels/cooking/followers/reject",
        new JsonObject().put("actor", BOB.toString()));

    assertThat(rejected.statusCode()).isEqualTo(204);
    assertThat(await(storage.follows().find("cooking", BOB))).isEmpty();
    assertThat(queuedActivities()).singleElement().satisfies(reject -> {
      assertThat(reject.get("type").asText()).isEqualTo("Reject");
      assertThat(reject.at("/object/type").asText()).isEqualTo("Follow");
    });
    assertThat(api("POST", "/api/v1/channels/cooking/followers/reject",
        new JsonObject().put("actor", BOB.toString())).statusCode()).isEqualTo(404);
  }

  @Test
  void followerDecisions_needAnExistingActorOfThatKindAndAnActorUrl() {
    pendingFollowOfManualChannel();
    JsonObject bob = new JsonObject().put("actor", BOB.toString());

    assertThat(api("POST", "/api/v1/accounts/cooking/followers/accept", bob).statusCode()).isEqualTo(404);
    assertThat(api("POST", "/api/v1/channels/nobody/followers/accept", bob).statusCode()).isEqualTo(404);
    assertThat(api("POST", "/api/v1/accounts/alice/followers/accept", bob).statusCode()).isEqualTo(404);
    HttpResponse<String> invalid = api("POST", "/api/v1/channels/cooking/followers/accept",
        new JsonObject().put("actor", "bob"));
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(json(invalid).get("field").asText()).isEqualTo("/actor");
    assertThat(queuedActivities()).isEmpty();
  }

  private UUID videoWithHeldReply() {
    api("PUT", "/api/v1/accounts/alice", account());
    api("PUT", "/api/v1/channels/cooking", new JsonObject().put("account", "alice").put("url", "https://s.example/c"));
    api("PUT", "/api/v1/videos/" + UUID_1, video().put("commentsPolicy", "approval"));
    UUID video = UUID.fromString(UUID_1);
    await(storage.remoteActors().upsert(new RemoteActor(BOB, "Person", Optional.of("bob"), BOB_INBOX,
        Optional.of(URI.create("https://remote.example/inbox")), List.of(), Instant.now())));
    await(storage.comments().add(new NewComment(video, Optional.of(URI.create("https://remote.example/notes/1")),
        new CommentAuthor.Remote(BOB), "<p>Nice</p>", Optional.empty(), CommentStatus.HELD,
        Instant.parse("2026-11-21T10:00:00Z"))));
    return video;
  }

  @Test
  void approveComment_makesItVisible_queuesApproveReplyFromTheAccount_andTellsTheSite() {
    UUID video = videoWithHeldReply();

    HttpResponse<String> approved = api("POST", "/api/v1/videos/" + UUID_1 + "/comments/approve",
        new JsonObject().put("id", "https://remote.example/notes/1"));

    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(json(approved).get("status").asText()).isEqualTo("visible");
    assertThat(json(api("GET", "/api/v1/videos/" + UUID_1 + "/comments", null)).get("items")).hasSize(1);
    assertThat(queuedActivities()).singleElement().satisfies(approve -> {
      assertThat(approve.get("type").asText()).isEqualTo("ApproveReply");
      assertThat(approve.get("actor").asText()).isEqualTo("https://video.example/accounts/alice");
      assertThat(approve.get("object").asText()).isEqualTo("https://remote.example/notes/1");
      assertThat(approve.get("inReplyTo").asText()).isEqualTo("https://video.example/videos/watch/" + video);
    });
    assertThat(json(api("GET", "/api/v1/events", null)).at("/items/0/type").asText()).isEqualTo("comment.approved");
    assertThat(api("POST", "/api/v1/videos/" + UUID_1 + "/comments/approve",
        new JsonObject().put("id", "https://remote.example/notes/1")).statusCode()).isEqualTo(409);
  }

  @Test
  void rejectComment_deletesItAndQueuesRejectReply() {
    videoWithHeldReply();

    HttpResponse<String> rejected = api("POST", "/api/v1/videos/" + UUID_1 + "/comments/reject",
        new JsonObject().put("id", "https://remote.example/notes/1"));

    assertThat(rejected.statusCode()).isEqualTo(204);
    assertThat(await(storage.comments().findByRemoteId(URI.create("https://remote.example/notes/1")))
        .orElseThrow().value().status()).isEqualTo(CommentStatus.DELETED);
    assertThat(queuedActivities()).singleElement()
        .satisfies(reject -> assertThat(reject.get("type").asText()).isEqualTo("RejectReply"));
    assertThat(api("POST", "/api/v1/videos/" + UUID_1 + "/comments/reject",
        new JsonObject().put("id", "https://remote.example/notes/2")).statusCode()).isEqualTo(404);
    assertThat(api("POST", "/api/v1/videos/" + UUID.randomUUID() + "/comments/reject",
        new JsonObject().put("id", "https://remote.example/notes/1")).statusCode()).isEqualTo(404);
  }

  @Test
  void comments_listVisibleByDefault_andHeldOnRequest() {
    api("PUT", "/api/v1/accounts/alice", account());
    api("PUT", "/api/v1/channels/cooking", new JsonObject().put("account", "alice").put("url", "https://s.example/c"));
    api("PUT", "/api/v1/videos/" + UUID_1, video());
    UUID video = UUID.fromString(UUID_1);
    await(storage.comments().add(new NewComment(video, Optional.of(URI.create("https://remote.example/notes/1")),
        new CommentAuthor.Remote(URI.create("https://remote.example/users/bob")), "<p>Nice</p>", Optional.empty(),
        CommentStatus.VISIBLE, Instant.parse("2026-11-21T10:00:00Z"))));
    await(storage.comments().add(new NewComment(video, Optional.of(URI.create("https://remote.example/notes/2")),
        new CommentAuthor.Remote(URI.create("https://remote.example/users/eve")), "<p>Buy now</p>", Optional.empty(),
        CommentStatus.HELD, Instant.parse("2026-11-21T11:00:00Z"))));

    JsonNode visible = json(api("GET", "/api/v1/videos/" + UUID_1 + "/comments", null));
    assertThat(visible.get("items")).hasSize(1);
    assertThat(visible.at("/items/0/author/actor").asText()).isEqualTo("https://remote.example/users/bob");
    assertThat(visible.at("/items/0/activityPubId").asText()).isEqualTo("https://remote.example/notes/1");
    JsonNode both = json(api("GET", "/api/v1/videos/" + UUID_1 + "/comments?status=visible,held", null));
    assertThat(both.get("items")).hasSize(2);
    assertThat(api("GET", "/api/v1/videos/" + UUID.randomUUID() + "/comments", null).statusCode()).isEqualTo(404);
  }

  @Test
  void openApi_isPublic_andEveryDescribedOperationIsRouted() {
    HttpResponse<String> response = send("GET", "/api/v1/openapi.json", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode doc = json(response);
    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    int operations = 0;
    for (var paths = doc.get("paths").fields(); paths.hasNext(); ) {
      var path = paths.next();
      String concrete = "/api/v1" + path.getKey().replace("{name}", "alice").replace("{uuid}", UUID_1)
          .replace("{host}", "remote.example").replace("{target}", "%40bob%40remote.example").replace("{id}", "1")
          .replace("{key}", "0123456789abcdef");
      for (var methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next().toUpperCase(java.util.Locale.ROOT);
        HttpResponse<String> answer = send(method, concrete, method.equals("PUT") ? "{}" : null,
            "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
        assertThat(answer.statusCode()).as(method + " " + concrete).isNotIn(405, 500);
        if (answer.statusCode() == 404) {
          assertThat(json(answer).get("detail").asText()).as(method + " " + concrete + " is routed")
              .doesNotStartWith("no resource at");
        }
        operations++;
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(22);
  }

  @Test
  void hosts_showDeliveryHealth_andRedriveRevivesDeadJobsAndTheHost() {
    Instant now = Instant.now();
    String host = "dead.example";
    await(storage.remoteHosts().recordFailure(host, now, 1));
    await(storage.deliveryJobs().enqueueAll(List.of(new Delivery(URI.create("https://dead.example/inbox"), "alice",
        URI.create("https://video.example/activities/1"), Optional.empty(), "{}"))));
    Job<Delivery> job = await(storage.deliveryJobs().claimDue(now.plusSeconds(1), 10, Duration.ofMinutes(1))).get(0);
    await(storage.deliveryJobs().complete(job.lease().orElseThrow(), JobOutcome.giveUp("host dead.example is unavailable")));

    JsonNode hosts = json(api("GET", "/api/v1/hosts", null));
    assertThat(hosts.at("/items/0/host").asText()).isEqualTo(host);
    assertThat(hosts.at("/items/0/available").asBoolean()).isFalse();
    assertThat(hosts.at("/items/0/failureDays").asInt()).isEqualTo(1);

    HttpResponse<String> redriven = api("POST", "/api/v1/hosts/dead.example/redrive", null);
    assertThat(redriven.statusCode()).isEqualTo(200);
    assertThat(json(redriven).get("requeued").asInt()).isEqualTo(1);
    assertThat(json(api("GET", "/api/v1/hosts", null)).at("/items/0/available").asBoolean()).isTrue();
    assertThat(await(storage.deliveryJobs().claimDue(Instant.now().plusSeconds(1), 10, Duration.ofMinutes(1))))
        .hasSize(1);
    assertThat(api("POST", "/api/v1/hosts/bad%20host/redrive", null).statusCode()).isEqualTo(400);
  }

  @Test
  void events_arePolledWithTheWebhookIdAndPayload() {
    await(storage.webhookJobs().enqueueAll(List.of(
        new WebhookEvent("follow", "{\"actor\":\"https://remote.example/users/bob\",\"channel\":\"cooking\"}"),
        new WebhookEvent("like", "{\"actor\":\"https://remote.example/users/eve\"}"))));
    JsonNode first = json(api("GET", "/api/v1/events?limit=1", null));
    assertThat(first.at("/items/0/type").asText()).isEqualTo("follow");
    assertThat(first.at("/items/0/id").asText()).startsWith("evt_");
    assertThat(first.at("/items/0/data/channel").asText()).isEqualTo("cooking");
    JsonNode second = json(api("GET", "/api/v1/events?limit=1&after=" + first.get("next").asText(), null));
    assertThat(second.at("/items/0/type").asText()).isEqualTo("like");
  }

  @Test
  void bodyOverTheCap_is413() {
    HttpResponse<String> response = api("PUT", "/api/v1/accounts/alice",
        account().put("summary", "x".repeat(70 * 1024)));
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(json(response).get("reason").asText()).isEqualTo("body-too-large");
  }
}
