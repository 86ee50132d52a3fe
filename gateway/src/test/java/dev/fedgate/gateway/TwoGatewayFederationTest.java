package dev.fedgate.gateway;

import static dev.fedgate.gateway.TestGateway.await;
import static dev.fedgate.gateway.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchedDocument;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.validate.PeerTubeVideoRules;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's proof: two real gateways on loopback federate with each other. An account on A follows a channel on B and
 * is accepted; B publishes a video and A hears of it and fetches it (a Video PeerTube would accept); A replies and
 * likes, and B stores and counts them; B's account answers A's comment (a Note B serves); B deletes the video, A hears
 * of it and B serves the Tombstone; A unfollows and B drops the follower (after the Delete, which needs the follow). Each step waits for the webhook the step causes, with a bounded deadline.
 */
class TwoGatewayFederationTest {
  private static final Duration STEP = Duration.ofSeconds(30);
  private static final String ACTIVITY_JSON = "application/activity+json";

  @TempDir Path data;
  private final Vertx vertx = Vertx.vertx();
  private WebhookSink hooksA;
  private WebhookSink hooksB;
  private TestGateway a;
  private TestGateway b;

  @BeforeEach
  void start() {
    hooksA = WebhookSink.start(vertx);
    hooksB = WebhookSink.start(vertx);
    a = TestGateway.start(config(data.resolve("a"), hooksA));
    b = TestGateway.start(config(data.resolve("b"), hooksB));
  }

  private static GatewayConfig config(Path directory, WebhookSink hooks) {
    return GatewayConfig.builder().port(0).dataDirectory(directory).shutdownGrace(Duration.ofSeconds(2))
        .allowPrivateAddresses(true).webhookUrl(hooks.url())
        .webhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").build();
  }

  @AfterEach
  void stop() {
    for (AutoCloseable open : new AutoCloseable[] {a, b, hooksA, hooksB}) {
      if (open != null) {
        try {
          open.close();
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      }
    }
    await(vertx.close().toCompletionStage());
  }

  @Test
  void accountOnA_followsRepliesLikesAndUnfollows_channelOnB_throughItsVideosLife() throws Exception {
    assertThat(api(a, "PUT", "/api/v1/accounts/ann", new JsonObject().put("url", "https://a.site/@ann"))
        .statusCode()).isEqualTo(201);
    assertThat(api(b, "PUT", "/api/v1/accounts/bob", new JsonObject().put("url", "https://b.site/@bob"))
        .statusCode()).isEqualTo(201);
    assertThat(api(b, "PUT", "/api/v1/channels/lab", new JsonObject().put("account", "bob")
        .put("url", "https://b.site/c/lab")).statusCode()).isEqualTo(201);
    URI channel = URI.create(b.gateway().publicUrl() + "/video-channels/lab");
    URI ann = URI.create(a.gateway().publicUrl() + "/accounts/ann");

    HttpResponse<String> follow = api(a, "POST", "/api/v1/accounts/ann/following",
        new JsonObject().put("target", channel.toString()));
    assertThat(follow.statusCode()).as(follow.body()).isEqualTo(201);
    assertThat(json(follow).path("state").asText()).isEqualTo("pending");
    hooksB.await("follow.created", e -> e.path("actor").asText().equals(ann.toString()), STEP);
    hooksA.await("following.accepted", e -> e.path("actor").asText().equals(channel.toString()), STEP);
    assertThat(json(api(a, "GET", "/api/v1/accounts/ann/following", null)).path("items").get(0).path("object")
        .asText()).isEqualTo(channel.toString());
    assertThat(json(a.get("/accounts/ann/following", "Accept", ACTIVITY_JSON)).path("totalItems").asInt())
        .isEqualTo(1);

    UUID uuid = UUID.randomUUID();
    URI video = URI.create(b.gateway().publicUrl() + "/videos/watch/" + uuid);
    assertThat(api(b, "PUT", "/api/v1/videos/" + uuid, video()).statusCode()).isEqualTo(201);
    JsonNode published = hooksA.await("remote-video.published", e -> e.path("video").asText().equals(video.toString()),
        STEP);
    assertThat(published.path("name").asText()).isEqualTo("Measuring light with chocolate");
    FetchedDocument fetched = await(a.gateway().fetcher().fetch(video, FetchBudget.perRequest()).toCompletionStage());
    Video read = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT)
        .read(fetched.body(), Video.class);
    assertThat(PeerTubeVideoRules.validate(read).accepted()).isTrue();

    HttpResponse<String> reply = api(a, "POST", "/api/v1/accounts/ann/replies",
        new JsonObject().put("inReplyTo", video.toString()).put("text", "Half a wavelength <3"));
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
    JsonNode comment = hooksB.await("comment.created", e -> e.path("video").asText().equals(uuid.toString()), STEP);
    assertThat(comment.path("actor").asText()).isEqualTo(ann.toString());
    assertThat(comment.path("content").asText()).isEqualTo("<p>Half a wavelength &lt;3</p>");
    assertThat(json(api(b, "GET", "/api/v1/videos/" + uuid + "/comments", null)).path("items")).hasSize(1);
    URI replyId = URI.create(json(reply).path("id").asText());
    FetchedDocument byId = await(b.gateway().fetcher().fetch(replyId, FetchBudget.perRequest()).toCompletionStage());
    Note served = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT)
        .read(byId.body(), Note.class);
    assertThat(served.inReplyTo().map(Ref::id)).contains(video);
    assertThat(served.attributedTo().get(0).id()).isEqualTo(ann);
    HttpResponse<String> retried = api(a, "POST", "/api/v1/accounts/ann/replies",
        new JsonObject().put("inReplyTo", video.toString()).put("text", "Half a wavelength <3"));
    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    assertThat(json(retried).path("id").asText()).isEqualTo(replyId.toString());

    assertThat(api(a, "POST", "/api/v1/accounts/ann/likes", new JsonObject().put("object", video.toString()))
        .statusCode()).isEqualTo(201);
    hooksB.await("like.created", e -> e.path("actor").asText().equals(ann.toString()), STEP);
    assertThat(json(b.get("/videos/watch/" + uuid + "/likes", "Accept", ACTIVITY_JSON)).path("totalItems").asInt())
        .isEqualTo(1);

    long annsComment = comment.path("comment").asLong();
    HttpResponse<String> answer = api(b, "POST", "/api/v1/videos/" + uuid + "/comments", new JsonObject()
        .put("account", "bob").put("text", "Glad you liked it").put("inReplyTo", annsComment));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    String bobsComment = "/videos/watch/" + uuid + "/comments/" + json(answer).path("id").asLong();
    JsonNode note = json(b.get(bobsComment, "Accept", ACTIVITY_JSON));
    assertThat(note.path("type").asText()).isEqualTo("Note");
    assertThat(note.path("inReplyTo").asText()).isEqualTo(json(reply).path("id").asText());
    assertThat(note.path("tag").get(0).path("href").asText()).isEqualTo(ann.toString());
    assertThat(b.get(bobsComment, "Accept", "text/html").statusCode()).isEqualTo(302);
    assertThat(json(b.get("/videos/watch/" + uuid + "/comments", "Accept", ACTIVITY_JSON)).path("totalItems")
        .asInt()).isEqualTo(2);

    assertThat(api(a, "DELETE", "/api/v1/accounts/ann/replies/" + json(reply).path("key").asText(), null)
        .statusCode()).isEqualTo(204);
    hooksB.await("comment.deleted", e -> e.path("object").asText().equals(replyId.toString()), STEP);
    assertThat(a.get(replyId.getPath(), "Accept", ACTIVITY_JSON).statusCode()).isEqualTo(410);
    assertThat(json(api(a, "GET", "/api/v1/accounts/ann/replies", null)).path("items").get(0).path("state")
        .asText()).isEqualTo("deleted");

    assertThat(api(b, "DELETE", "/api/v1/videos/" + uuid, null).statusCode()).isEqualTo(204);
    hooksA.await("remote-video.deleted", e -> e.path("video").asText().equals(video.toString()), STEP);
    HttpResponse<String> gone = b.get("/videos/watch/" + uuid, "Accept", ACTIVITY_JSON);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(json(gone).path("type").asText()).isEqualTo("Tombstone");

    assertThat(api(a, "DELETE", "/api/v1/accounts/ann/following/"
        + URLEncoder.encode(channel.toString(), StandardCharsets.UTF_8), null).statusCode()).isEqualTo(204);
    hooksB.await("follow.deleted", e -> e.path("actor").asText().equals(ann.toString()), STEP);
    assertThat(json(api(b, "GET", "/api/v1/channels/lab/followers", null)).path("items")).isEmpty();
    assertThat(json(api(a, "GET", "/api/v1/accounts/ann/following", null)).path("items")).isEmpty();
  }

  private static JsonObject video() {
    return new JsonObject().put("channel", "lab").put("name", "Measuring light with chocolate")
        .put("description", "A microwave, a bar of chocolate and a ruler.").put("durationSeconds", 125)
        .put("publishedAt", "2026-11-20T10:00:00Z").put("url", "https://b.site/w/chocolate")
        .put("thumbnails", new JsonArray().add(new JsonObject().put("url", "https://cdn.b.site/t.jpg")
            .put("mediaType", "image/jpeg").put("width", 640).put("height", 360)))
        .put("files", new JsonArray().add(new JsonObject().put("url", "https://cdn.b.site/v-720.mp4")
            .put("mediaType", "video/mp4").put("height", 720).put("size", 12_345_678)));
  }

  private static HttpResponse<String> api(TestGateway gateway, String method, String path, JsonObject body) {
    HttpRequest.Builder request = gateway.request(path)
        .header("Authorization", "Bearer " + gateway.gateway().apiToken().reveal())
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return gateway.send(request.build());
  }
}
