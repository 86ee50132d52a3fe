package dev.fedgate.gateway.http;

import static dev.fedgate.gateway.TestGateway.await;
import static dev.fedgate.gateway.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.Gateway;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.Interaction;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.ReplyState;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.PageCursors;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.validate.MastodonActorRules;
import dev.fedgate.vocab.validate.PeerTubeActorRules;
import dev.fedgate.vocab.validate.PeerTubeVideoRules;
import dev.fedgate.vocab.validate.Validation;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityPubRoutesTest {
  private static final String AP = "application/activity+json";
  private static final String LD = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
  private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final VocabReader READER = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);

  @TempDir static Path dataDirectory;
  private static TestGateway test;
  private static String base;

  @BeforeAll
  static void start() {
    test = TestGateway.start(dataDirectory);
    base = test.gateway().publicUrl().toString();
    SiteFixtures.createActors(test.gateway(), "alice", "science");
  }

  @AfterAll
  static void stop() {
    test.close();
  }

  @Test
  void account_isPersonAcceptedByPeerTubeAndMastodon() {
    HttpResponse<String> response = test.get("/accounts/alice", "Accept", AP);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(AP);
    assertThat(response.headers().firstValue("Vary")).contains("Accept");
    JsonNode body = json(response);
    String id = base + "/accounts/alice";
    assertThat(body.get("type").asText()).isEqualTo("Person");
    assertThat(body.get("id").asText()).isEqualTo(id);
    assertThat(body.get("preferredUsername").asText()).isEqualTo("alice");
    assertThat(body.get("name").asText()).isEqualTo("Alice alice");
    assertThat(body.get("inbox").asText()).isEqualTo(id + "/inbox");
    assertThat(body.get("outbox").asText()).isEqualTo(id + "/outbox");
    assertThat(body.get("followers").asText()).isEqualTo(id + "/followers");
    assertThat(body.get("following").asText()).isEqualTo(id + "/following");
    assertThat(body.get("endpoints").get("sharedInbox").asText()).isEqualTo(base + "/inbox");
    assertThat(body.get("publicKey").get("id").asText()).isEqualTo(id + "#main-key");
    assertThat(body.get("publicKey").get("owner").asText()).isEqualTo(id);
    assertThat(body.get("publicKey").get("publicKeyPem").asText()).startsWith("-----BEGIN PUBLIC KEY-----");
    assertThat(body.get("assertionMethod").get(0).get("type").asText()).isEqualTo("Multikey");
    assertThat(body.get("assertionMethod").get(0).get("controller").asText()).isEqualTo(id);
    assertThat(body.get("assertionMethod").get(0).get("publicKeyMultibase").asText()).startsWith("z6Mk");
    assertThat(body.get("icon").get(0).get("url").asText()).isEqualTo("https://site.example/avatars/alice.png");
    assertThat(body.get("image").get(0).get("width").asInt()).isEqualTo(1920);
    assertThat(body.get("url").get(0).get("href").asText()).isEqualTo("https://site.example/a/alice");
    assertThat(body.get("webfinger").asText()).isEqualTo("alice@" + test.gateway().publicUrl().getAuthority());
    assertThat(body.has("published")).isTrue();
    Actor actor = READER.read(response.body().getBytes(StandardCharsets.UTF_8), Actor.class);
    assertThat(PeerTubeActorRules.validate(actor).accepted()).isTrue();
    assertThat(MastodonActorRules.validate(actor).accepted()).isTrue();
  }

  @Test
  void channel_isGroupAttributedToItsAccount() {
    HttpResponse<String> response = test.get("/video-channels/science", "Accept", AP);
    assertThat(response.statusCode()).isEqualTo(200);
    Actor actor = READER.read(response.body().getBytes(StandardCharsets.UTF_8), Actor.class);
    assertThat(actor.type()).isEqualTo(ActorType.GROUP);
    assertThat(actor.attributedTo()).extracting(ref -> ref.id().toString()).containsExactly(base + "/accounts/alice");
    assertThat(PeerTubeActorRules.validate(actor)).isInstanceOf(Validation.Accepted.class);
    assertThat(((Validation.Accepted<Actor>) PeerTubeActorRules.validate(actor)).adjustments()).isEmpty();
    assertThat(MastodonActorRules.validate(actor).accepted()).isTrue();
  }

  @Test
  void instanceActor_isApplicationAtAccountsPeertube() {
    HttpResponse<String> response = test.get("/accounts/peertube", "Accept", AP);
    assertThat(response.statusCode()).isEqualTo(200);
    Actor actor = READER.read(response.body().getBytes(StandardCharsets.UTF_8), Actor.class);
    assertThat(actor.type()).isEqualTo(ActorType.APPLICATION);
    assertThat(actor.id()).isEqualTo(URI.create(base + "/accounts/peertube"));
    assertThat(PeerTubeActorRules.validate(actor).accepted()).isTrue();
    assertThat(MastodonActorRules.validate(actor).accepted()).isTrue();
  }

  @Test
  void ldJsonWithProfile_getsActivityJson() {
    HttpResponse<String> response = test.get("/video-channels/science", "Accept", LD);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(AP);
  }

  @Test
  void peerTubeAccept_getsActivityJson() {
    HttpResponse<String> response = test.get("/video-channels/science", "Accept",
        "application/activity+json, application/ld+json");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("type").asText()).isEqualTo("Group");
  }

  @Test
  void noAccept_getsActivityJson() {
    HttpResponse<String> response = test.get("/accounts/alice");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(AP);
  }

  @Test
  void browser_isRedirectedToTheSitesPage() {
    HttpResponse<String> account = test.get("/accounts/alice", "Accept", BROWSER);
    assertThat(account.statusCode()).isEqualTo(302);
    assertThat(account.headers().firstValue("Location")).contains("https://site.example/a/alice");
    assertThat(account.headers().firstValue("Vary")).contains("Accept");
    HttpResponse<String> channel = test.get("/video-channels/science", "Accept", BROWSER);
    assertThat(channel.headers().firstValue("Location")).contains("https://site.example/c/science");
    HttpResponse<String> instance = test.get("/accounts/peertube", "Accept", BROWSER);
    assertThat(instance.headers().firstValue("Location")).contains(base);
  }

  @Test
  void unknownActor_is404Problem() {
    HttpResponse<String> response = test.get("/accounts/nobody", "Accept", AP);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains(ProblemResponses.PROBLEM_JSON);
    assertThat(response.headers().firstValue("Vary")).contains("Accept");
  }

  @Test
  void actorUnderTheOtherPath_is404() {
    assertThat(test.get("/accounts/science", "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/video-channels/alice", "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/video-channels/peertube", "Accept", AP).statusCode()).isEqualTo(404);
  }

  @Test
  void video_isPeerTubeValidWithWatchPageFirst() {
    UUID uuid = publish(SiteFixtures.PUBLISHED);
    HttpResponse<String> response = test.get("/videos/watch/" + uuid, "Accept", AP);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(AP);
    JsonNode body = json(response);
    String id = base + "/videos/watch/" + uuid;
    assertThat(body.get("id").asText()).isEqualTo(id);
    assertThat(body.get("duration").asText()).isEqualTo("PT125S");
    assertThat(body.get("url").get(0).get("href").asText()).isEqualTo("https://site.example/w/" + uuid);
    assertThat(body.get("url").get(0).get("mediaType").asText()).isEqualTo("text/html");
    assertThat(body.get("url").get(1).get("mediaType").asText()).isEqualTo("video/mp4");
    assertThat(body.get("url").get(1).get("size").asLong()).isEqualTo(12_345_678L);
    assertThat(body.get("url").get(2).get("mediaType").asText()).isEqualTo("application/x-mpegURL");
    assertThat(body.get("url").get(2).get("tag").get(0).get("height").asInt()).isEqualTo(720);
    assertThat(body.get("attributedTo").get(0).asText()).isEqualTo(base + "/video-channels/science");
    assertThat(body.get("attributedTo").get(1).asText()).isEqualTo(base + "/accounts/alice");
    assertThat(body.get("to").get(0).asText()).isEqualTo("https://www.w3.org/ns/activitystreams#Public");
    assertThat(body.get("cc").get(0).asText()).isEqualTo(base + "/video-channels/science/followers");
    assertThat(body.get("commentsPolicy").asInt()).isEqualTo(1);
    assertThat(body.get("canReply").isNull()).isTrue();
    assertThat(body.get("mediaType").asText()).isEqualTo("text/markdown");
    assertThat(body.get("content").asText()).contains("**half a wavelength**");
    assertThat(body.get("summary").asText()).contains("half a wavelength");
    assertThat(body.get("likes").asText()).isEqualTo(id + "/likes");
    assertThat(body.get("dislikes").asText()).isEqualTo(id + "/dislikes");
    assertThat(body.get("shares").asText()).isEqualTo(id + "/announces");
    assertThat(body.get("comments").asText()).isEqualTo(id + "/comments");
    assertThat(body.get("embedUrl").asText()).isEqualTo("https://site.example/embed/" + uuid);
    assertThat(body.get("published").asText()).isEqualTo("2025-01-02T10:00:00Z");
    assertThat(body.has("updated")).isTrue();
    Video video = READER.read(response.body().getBytes(StandardCharsets.UTF_8), Video.class);
    Validation<Video> validation = PeerTubeVideoRules.validate(video);
    assertThat(validation.accepted()).isTrue();
    // PeerTube only drops the HTML watch page, which it does not use; everything else is kept as sent.
    assertThat(((Validation.Accepted<Video>) validation).adjustments())
        .extracting(finding -> finding.pointer()).containsExactly("/url");
  }

  @Test
  void video_browserIsRedirectedToTheWatchPage() {
    UUID uuid = publish(SiteFixtures.PUBLISHED);
    HttpResponse<String> response = test.get("/videos/watch/" + uuid, "Accept", BROWSER);
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).contains("https://site.example/w/" + uuid);
  }

  @Test
  void deletedVideo_is410WithTombstone() {
    UUID uuid = publish(SiteFixtures.PUBLISHED);
    assertThat(await(test.gateway().storage().videos().delete(uuid))).isTrue();
    HttpResponse<String> response = test.get("/videos/watch/" + uuid, "Accept", AP);
    assertThat(response.statusCode()).isEqualTo(410);
    assertThat(response.headers().firstValue("Content-Type")).contains(AP);
    JsonNode body = json(response);
    assertThat(body.get("type").asText()).isEqualTo("Tombstone");
    assertThat(body.get("id").asText()).isEqualTo(base + "/videos/watch/" + uuid);
    assertThat(body.get("formerType").asText()).isEqualTo("Video");
    assertThat(body.get("published").asText()).isEqualTo("2025-01-02T10:00:00Z");
    assertThat(body.has("deleted")).isTrue();
    assertThat(test.get("/videos/watch/" + uuid, "Accept", BROWSER).statusCode()).isEqualTo(410);
  }

  @Test
  void unknownOrMalformedVideo_is404() {
    assertThat(test.get("/videos/watch/" + UUID.randomUUID(), "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/videos/watch/not-a-uuid", "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/videos/watch/" + UUID.randomUUID() + "/comments", "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/videos/watch/" + UUID.randomUUID() + "/likes", "Accept", AP).statusCode()).isEqualTo(404);
  }

  @Test
  void comments_listVisibleCommentsOnly() {
    UUID uuid = publish(SiteFixtures.PUBLISHED);
    long visible = addComment(uuid, CommentStatus.VISIBLE);
    addComment(uuid, CommentStatus.HELD);
    URI remote = URI.create("https://mastodon.example/users/bob/statuses/1");
    await(test.gateway().storage().comments().add(new NewComment(uuid, Optional.of(remote),
        new CommentAuthor.Remote(URI.create("https://mastodon.example/users/bob")), "<p>Nice</p>", Optional.empty(),
        CommentStatus.VISIBLE, SiteFixtures.PUBLISHED.plusSeconds(60))));
    String collection = base + "/videos/watch/" + uuid + "/comments";
    JsonNode summary = json(test.get("/videos/watch/" + uuid + "/comments", "Accept", AP));
    assertThat(summary.get("type").asText()).isEqualTo("OrderedCollection");
    assertThat(summary.get("totalItems").asLong()).isEqualTo(2);
    assertThat(summary.get("first").asText()).isEqualTo(collection + "?page=true");
    JsonNode page = json(test.get("/videos/watch/" + uuid + "/comments?page=true", "Accept", AP));
    assertThat(page.get("type").asText()).isEqualTo("OrderedCollectionPage");
    assertThat(page.get("partOf").asText()).isEqualTo(collection);
    assertThat(page.get("orderedItems")).extracting(JsonNode::asText)
        .containsExactly(base + "/videos/watch/" + uuid + "/comments/" + visible, remote.toString());
  }

  @Test
  void reply_isServedAsANoteAtItsId_browsersGoToTheAccount_andOnceDeletedIsGone() {
    String path = "/accounts/alice/replies/00112233445566ff";
    URI id = URI.create(base + path);
    URI author = URI.create("https://mastodon.example/users/bob");
    URI toot = URI.create("https://mastodon.example/users/bob/statuses/7");
    assertThat(await(test.gateway().storage().replies().add(new Reply("alice", id, toot, author,
        URI.create("https://mastodon.example/inbox"), "<p>Indeed</p>", SiteFixtures.PUBLISHED,
        ReplyState.PUBLISHED), List.of()))).isEqualTo(UpsertResult.CREATED);

    HttpResponse<String> served = test.get(path, "Accept", AP);
    assertThat(served.statusCode()).isEqualTo(200);
    JsonNode note = json(served);
    assertThat(note.get("type").asText()).isEqualTo("Note");
    assertThat(note.get("id").asText()).isEqualTo(id.toString());
    assertThat(note.get("attributedTo").asText()).isEqualTo(base + "/accounts/alice");
    assertThat(note.get("inReplyTo").asText()).isEqualTo(toot.toString());
    assertThat(note.get("content").asText()).isEqualTo("<p>Indeed</p>");
    assertThat(note.get("tag").get(0).get("href").asText()).isEqualTo(author.toString());
    HttpResponse<String> browser = test.get(path, "Accept", BROWSER);
    assertThat(browser.statusCode()).isEqualTo(302);
    assertThat(browser.headers().firstValue("Location")).contains("https://site.example/a/alice");
    assertThat(test.get("/accounts/science/replies/00112233445566ff", "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/accounts/alice/replies/0011", "Accept", AP).statusCode()).isEqualTo(404);

    assertThat(await(test.gateway().storage().replies().delete(id, SiteFixtures.PUBLISHED.plusSeconds(60),
        List.of()))).isTrue();

    HttpResponse<String> gone = test.get(path, "Accept", AP);
    assertThat(gone.statusCode()).isEqualTo(410);
    assertThat(json(gone).get("type").asText()).isEqualTo("Tombstone");
    assertThat(json(gone).get("formerType").asText()).isEqualTo("Note");
  }

  @Test
  void interactions_countAndListLikesDislikesAndShares_inPages() {
    UUID uuid = publish(SiteFixtures.PUBLISHED);
    URI bob = URI.create("https://mastodon.example/users/bob");
    URI carol = URI.create("https://peertube.example/accounts/carol");
    await(test.gateway().storage().interactions().record(new Interaction(uuid, bob, InteractionKind.LIKE,
        URI.create(bob + "#likes/1"))));
    await(test.gateway().storage().interactions().record(new Interaction(uuid, carol, InteractionKind.DISLIKE,
        URI.create(carol + "/dislikes/1"))));
    await(test.gateway().storage().interactions().record(new Interaction(uuid, bob, InteractionKind.SHARE,
        URI.create(bob + "#announces/1"))));
    await(test.gateway().storage().interactions().record(new Interaction(uuid, carol, InteractionKind.SHARE,
        URI.create(carol + "/announces/1"))));
    JsonNode likes = json(test.get("/videos/watch/" + uuid + "/likes", "Accept", AP));
    assertThat(likes.get("id").asText()).isEqualTo(base + "/videos/watch/" + uuid + "/likes");
    assertThat(likes.get("totalItems").asLong()).isEqualTo(1);
    assertThat(json(test.get("/videos/watch/" + uuid + "/dislikes", "Accept", AP)).get("totalItems").asLong())
        .isEqualTo(1);
    assertThat(json(test.get("/videos/watch/" + uuid + "/announces", "Accept", AP)).get("totalItems").asLong())
        .isEqualTo(2);
    String shares = base + "/videos/watch/" + uuid + "/announces";
    JsonNode page = json(test.get(likes.get("first").asText().replace("/likes", "/announces")
        .substring(base.length()), "Accept", AP));
    assertThat(page.get("type").asText()).isEqualTo("OrderedCollectionPage");
    assertThat(page.get("partOf").asText()).isEqualTo(shares);
    assertThat(page.get("orderedItems")).extracting(JsonNode::asText)
        .containsExactly(bob + "#announces/1", carol + "/announces/1");
    assertThat(json(test.get(likes.get("first").asText().substring(base.length()), "Accept", AP))
        .get("orderedItems")).extracting(JsonNode::asText).containsExactly(bob + "#likes/1");
  }

  @Test
  void channelOutbox_listsCreateOfEachVideoNewestFirst() {
    SiteFixtures.createActors(test.gateway(), "olga", "optics");
    UUID older = UUID.randomUUID();
    UUID newer = UUID.randomUUID();
    await(test.gateway().storage().videos().upsert(SiteFixtures.video(older, "optics", SiteFixtures.PUBLISHED)));
    await(test.gateway().storage().videos().upsert(
        SiteFixtures.video(newer, "optics", SiteFixtures.PUBLISHED.plus(Duration.ofDays(1)))));
    String outbox = base + "/video-channels/optics/outbox";
    JsonNode summary = json(test.get("/video-channels/optics/outbox", "Accept", AP));
    assertThat(summary.get("totalItems").asLong()).isEqualTo(2);
    JsonNode page = json(test.get(summary.get("first").asText().substring(base.length()), "Accept", AP));
    assertThat(page.get("id").asText()).isEqualTo(outbox + "?page=true");
    JsonNode items = page.get("orderedItems");
    assertThat(items).hasSize(2);
    assertThat(items.get(0).get("type").asText()).isEqualTo("Create");
    assertThat(items.get(0).get("actor").asText()).isEqualTo(base + "/video-channels/optics");
    assertThat(items.get(0).get("object").asText()).isEqualTo(base + "/videos/watch/" + newer);
    assertThat(items.get(0).get("id").asText()).isEqualTo(base + "/videos/watch/" + newer + "/activity/create");
    assertThat(items.get(1).get("object").asText()).isEqualTo(base + "/videos/watch/" + older);
  }

  @Test
  void accountOutbox_listsCreateOfItsChannelsVideos_andInstanceOutboxAnnouncesEveryVideo() {
    SiteFixtures.createActors(test.gateway(), "pia", "physics");
    UUID video = UUID.randomUUID();
    await(test.gateway().storage().videos().upsert(SiteFixtures.video(video, "physics", SiteFixtures.PUBLISHED)));
    String watch = base + "/videos/watch/" + video;

    JsonNode account = json(test.get("/accounts/pia/outbox", "Accept", AP));
    assertThat(account.get("totalItems").asLong()).isEqualTo(1);
    JsonNode create = json(test.get("/accounts/pia/outbox?page=true", "Accept", AP)).get("orderedItems").get(0);
    assertThat(create.get("type").asText()).isEqualTo("Create");
    assertThat(create.get("actor").asText()).isEqualTo(base + "/video-channels/physics");
    assertThat(create.get("object").asText()).isEqualTo(watch);

    JsonNode instance = json(test.get("/accounts/peertube/outbox?page=true", "Accept", AP));
    assertThat(instance.get("orderedItems")).anySatisfy(item -> {
      assertThat(item.get("type").asText()).isEqualTo("Announce");
      assertThat(item.get("id").asText()).isEqualTo(watch + "/activity/announce");
      assertThat(item.get("actor").asText()).isEqualTo(base + "/accounts/peertube");
      assertThat(item.get("object").asText()).isEqualTo(watch);
    });
  }

  @Test
  void followingAndOutboxesWithoutVideos_areEmptyCollections() {
    SiteFixtures.createActors(test.gateway(), "quinn", "quiet");
    for (String path : List.of("/accounts/quinn/outbox", "/accounts/alice/following",
        "/video-channels/science/following", "/video-channels/quiet/outbox")) {
      JsonNode summary = json(test.get(path, "Accept", AP));
      assertThat(summary.get("totalItems").asLong()).as(path).isZero();
      JsonNode page = json(test.get(path + "?page=true", "Accept", AP));
      assertThat(page.get("orderedItems")).as(path).isEmpty();
      assertThat(page.has("next")).as(path).isFalse();
    }
  }

  @Test
  void collectionsOfUnknownActors_are404() {
    assertThat(test.get("/accounts/nobody/followers", "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/video-channels/alice/outbox", "Accept", AP).statusCode()).isEqualTo(404);
    assertThat(test.get("/accounts/science/following", "Accept", AP).statusCode()).isEqualTo(404);
  }

  @Test
  void malformedCursor_is400NamingItsParameter() {
    HttpResponse<String> after = test.get("/video-channels/science/followers?page=true&after=!!", "Accept", AP);
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(json(after).get("field").asText()).isEqualTo("after");
    HttpResponse<String> before = test.get("/video-channels/science/followers?page=true&before=!!", "Accept", AP);
    assertThat(before.statusCode()).isEqualTo(400);
    assertThat(json(before).get("field").asText()).isEqualTo("before");
    HttpResponse<String> both = test.get("/video-channels/science/followers?after=MTA&before=MjA", "Accept", AP);
    assertThat(both.statusCode()).isEqualTo(400);
    assertThat(json(both).get("field").asText()).isEqualTo("before");
  }

  @Test
  void followersPages_linkNextAndPrev_followedEitherWay() {
    List<String> followers = addFollowers("pages", 120);
    String collection = base + "/video-channels/pages/followers";
    JsonNode first = json(test.get("/video-channels/pages/followers?page=true", "Accept", AP));
    assertThat(first.get("totalItems").asLong()).isEqualTo(120);
    assertThat(first.has("prev")).isFalse();
    JsonNode second = follow(first, "next");
    JsonNode third = follow(second, "next");
    assertThat(third.has("next")).isFalse();
    JsonNode back = follow(third, "prev");
    assertThat(back.get("orderedItems")).isEqualTo(second.get("orderedItems"));
    JsonNode backToFirst = follow(back, "prev");
    assertThat(backToFirst.get("orderedItems")).isEqualTo(first.get("orderedItems"));
    assertThat(backToFirst.has("prev")).isFalse();
    assertThat(backToFirst.get("id").asText()).startsWith(collection + "?page=true&before=");
    assertThat(follow(backToFirst, "next").get("orderedItems")).isEqualTo(second.get("orderedItems"));
    List<String> seen = new ArrayList<>();
    for (JsonNode page : List.of(first, second, third)) {
      page.get("orderedItems").forEach(item -> seen.add(item.asText()));
    }
    assertThat(seen).containsExactlyElementsOf(followers);
  }

  @Test
  void pageReachedByAHandMadeCursor_hasPrev_andOldFromLinksStillServeThePage() {
    List<String> followers = addFollowers("handmade", 80);
    JsonNode first = json(test.get("/video-channels/handmade/followers?page=true", "Accept", AP));
    String next = first.get("next").asText().replaceAll(".*[?&]after=([^&]*).*", "$1");
    String cursor = PageCursors.encode(PageCursors.decode(next, 1)[0] - 10);
    JsonNode handMade = json(test.get("/video-channels/handmade/followers?page=true&after=" + cursor, "Accept", AP));
    int start = followers.indexOf(handMade.get("orderedItems").get(0).asText());
    assertThat(start).isEqualTo(40);

    JsonNode prev = follow(handMade, "prev");
    List<String> before = new ArrayList<>();
    prev.get("orderedItems").forEach(item -> before.add(item.asText()));
    assertThat(before).containsExactlyElementsOf(followers.subList(0, start));
    assertThat(prev.has("prev")).isFalse();
    JsonNode withFrom = json(test.get("/video-channels/handmade/followers?page=true&after=" + cursor + "&from=MTA",
        "Accept", AP));
    assertThat(withFrom.get("orderedItems")).isEqualTo(handMade.get("orderedItems"));
    assertThat(withFrom.get("prev")).isEqualTo(handMade.get("prev"));
  }

  @Test
  void outboxPages_newestFirst_linkPrevBackToTheNewest() {
    SiteFixtures.createActors(test.gateway(), "oscar", "outboxpages");
    UUID newest = null;
    for (int i = 0; i < 60; i++) {
      newest = UUID.randomUUID();
      await(test.gateway().storage().videos().upsert(SiteFixtures.video(newest, "outboxpages",
          Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i))));
    }
    JsonNode first = json(test.get("/video-channels/outboxpages/outbox?page=true", "Accept", AP));
    JsonNode second = follow(first, "next");
    JsonNode back = follow(second, "prev");
    assertThat(back.get("orderedItems")).isEqualTo(first.get("orderedItems"));
    assertThat(back.has("prev")).isFalse();
    assertThat(first.get("orderedItems").get(0).toString()).contains(newest.toString());
  }

  private List<String> addFollowers(String channel, int count) {
    SiteFixtures.createActors(test.gateway(), channel + "_owner", channel);
    List<String> followers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      URI follower = URI.create("https://f" + i + ".example/users/u");
      followers.add(follower.toString());
      await(test.gateway().storage().follows().upsert(SiteFixtures.follow(channel, follower, Optional.empty())));
    }
    return followers;
  }

  /** The page a page's {@code next} or {@code prev} names. */
  private JsonNode follow(JsonNode page, String link) {
    return json(test.get(page.get(link).asText().substring(base.length()), "Accept", AP));
  }

  private static UUID publish(Instant publishedAt) {
    UUID uuid = UUID.randomUUID();
    await(test.gateway().storage().videos().upsert(SiteFixtures.video(uuid, "science", publishedAt)));
    return uuid;
  }

  private static long addComment(UUID video, CommentStatus status) {
    Gateway gateway = test.gateway();
    return await(gateway.storage().comments().add(new NewComment(video, Optional.empty(),
        new CommentAuthor.Local("alice"), "Thanks!", Optional.empty(), status, SiteFixtures.PUBLISHED)))
        .orElseThrow().value().id();
  }
}
