package dev.fedgate.gateway.api;

import static dev.fedgate.gateway.TestGateway.await;
import static dev.fedgate.gateway.api.ActionAssertions.assertProblem;
import static dev.fedgate.gateway.api.ActionAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.fetch.AddressGuard;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.gateway.fetch.OutboundHttp;
import dev.fedgate.gateway.fetch.WebFingerClient;
import dev.fedgate.gateway.inbox.MapFetcher;
import dev.fedgate.gateway.inbox.RemotePeer;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.ReplyState;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountActionsTest {
  private static final LocalUrls URLS = new LocalUrls(URI.create("https://video.example"));
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private final Vertx vertx = Vertx.vertx();
  private final MapFetcher fetcher = new MapFetcher();
  private final RemotePeer bob = new RemotePeer("remote.example", "bob");
  private final URI note = URI.create("https://remote.example/users/bob/statuses/1");
  private StorageBackend storage;
  private AccountActions actions;

  @BeforeEach
  void setUp() {
    InstantSource clock = () -> NOW;
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:actions-" + UUID.randomUUID()).clock(clock).build()));
    await(storage.localActors().upsertAccount(SiteFixtures.account("alice")));
    await(storage.localActors().upsertChannel(SiteFixtures.channel("science", "alice")));
    fetcher.serve(bob.id(), bob.actorJson());
    fetcher.serve(note, """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Note","attributedTo":"%s",
         "content":"<p>hello</p>","to":["https://www.w3.org/ns/activitystreams#Public"]}""".formatted(note, bob.id()));
    VocabReader reader = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
    WebFingerClient webFinger = new WebFingerClient(OutboundHttp.create(vertx,
        AddressGuard.create(HostResolver.system(vertx), false), OutboundHttp.DEFAULT_CONNECT_TIMEOUT, "test"), "https");
    actions = new AccountActions(URLS, storage, new RemoteActorLoader(storage.remoteActors(), fetcher, reader, clock),
        fetcher, reader, webFinger, clock);
  }

  @AfterEach
  void tearDown() {
    await(storage.close());
    await(vertx.close().toCompletionStage());
  }

  @Test
  void follow_storesAPendingFollow_andQueuesFollowToTheActorsOwnInbox() {
    Change<OutboundAction> change = await(actions.follow("alice", bob.id().toString()));

    assertThat(change.created()).isTrue();
    OutboundAction follow = change.stored().value();
    assertThat(follow.state()).isEqualTo(FollowState.PENDING);
    assertThat(follow.object()).isEqualTo(bob.id());
    Delivery job = single();
    assertThat(job.inbox()).isEqualTo(bob.inbox());
    assertThat(job.signer()).isEqualTo("alice");
    JsonNode sent = json(job.json());
    assertThat(sent.path("type").asText()).isEqualTo("Follow");
    assertThat(sent.path("id").asText()).isEqualTo(follow.activityId().toString());
    assertThat(sent.path("actor").asText()).isEqualTo(URLS.account("alice").toString());
    assertThat(sent.path("object").asText()).isEqualTo(bob.id().toString());
  }

  @Test
  void follow_again_reSendsTheSameFollow() {
    URI first = await(actions.follow("alice", bob.id().toString())).stored().value().activityId();
    single();

    Change<OutboundAction> again = await(actions.follow("alice", bob.id().toString()));

    assertThat(again.created()).isFalse();
    assertThat(json(single().json()).path("id").asText()).isEqualTo(first.toString());
  }

  @Test
  void follow_refusesLocalActors_channelsAsFollowers_andUnresolvableTargets() {
    assertProblem(actions.follow("alice", URLS.channel("science").toString()), ProblemType.INVALID_REQUEST,
        "/target");
    assertProblem(actions.follow("science", bob.id().toString()), ProblemType.NOT_FOUND, "name");
    assertProblem(actions.follow("alice", "https://remote.example/users/nobody"), ProblemType.INVALID_REQUEST,
        "/target");
    assertThat(queued()).isEmpty();
  }

  @Test
  void unfollow_removesTheFollow_andQueuesUndoEmbeddingIt() {
    URI followId = await(actions.follow("alice", bob.id().toString())).stored().value().activityId();
    single();

    await(actions.unfollow("alice", bob.id().toString()));

    JsonNode undo = json(single().json());
    assertThat(undo.path("type").asText()).isEqualTo("Undo");
    assertThat(undo.path("object").path("type").asText()).isEqualTo("Follow");
    assertThat(undo.path("object").path("id").asText()).isEqualTo(followId.toString());
    assertThat(await(storage.outbound().find("alice", OutboundKind.FOLLOW, bob.id()))).isEmpty();
    assertProblem(actions.unfollow("alice", bob.id().toString()), ProblemType.NOT_FOUND, null);
  }

  @Test
  void likeAndUnlike_goToTheAuthorsInbox() {
    Change<OutboundAction> like = await(actions.like("alice", note));
    Delivery sent = single();
    assertThat(sent.inbox()).isEqualTo(bob.inbox());
    assertThat(json(sent.json()).path("type").asText()).isEqualTo("Like");
    assertThat(json(sent.json()).path("object").asText()).isEqualTo(note.toString());

    await(actions.unlike("alice", note));

    JsonNode undo = json(single().json());
    assertThat(undo.path("type").asText()).isEqualTo("Undo");
    assertThat(undo.path("object").path("id").asText()).isEqualTo(like.stored().value().activityId().toString());
  }

  @Test
  void reply_queuesAPublicNoteMentioningTheAuthor_toItsSharedInboxAndTheAccountsFollowers() {
    await(storage.follows().upsert(SiteFixtures.follow("alice", URI.create("https://other.example/users/f"),
        Optional.of(URI.create("https://other.example/inbox")))));

    Change<Reply> reply = await(actions.reply("alice", note, "Nice <b>one</b>\n\nReally."));

    assertThat(reply.created()).isTrue();
    List<Delivery> jobs = queued();
    assertThat(jobs).extracting(Delivery::inbox).containsExactlyInAnyOrder(bob.sharedInbox(),
        URI.create("https://other.example/inbox"));
    JsonNode create = json(jobs.get(0).json());
    assertThat(create.path("type").asText()).isEqualTo("Create");
    JsonNode object = create.path("object");
    assertThat(object.path("inReplyTo").asText()).isEqualTo(note.toString());
    assertThat(object.path("content").asText()).isEqualTo("<p>Nice &lt;b&gt;one&lt;/b&gt;</p><p>Really.</p>");
    assertThat(object.path("tag").get(0).path("type").asText()).isEqualTo("Mention");
    assertThat(object.path("tag").get(0).path("href").asText()).isEqualTo(bob.id().toString());
    assertThat(object.path("cc").toString()).contains(bob.id().toString());
    assertThat(object.path("id").asText()).isEqualTo(reply.stored().value().id().toString());
    assertThat(await(storage.replies().find(reply.stored().value().id())).orElseThrow().value().content())
        .isEqualTo(object.path("content").asText());
  }

  @Test
  void reply_again_isTheSameReply_andQueuesNothing() {
    Reply first = await(actions.reply("alice", note, "Same words")).stored().value();
    queued();

    Change<Reply> again = await(actions.reply("alice", note, "Same words"));

    assertThat(again.created()).isFalse();
    assertThat(again.stored().value()).isEqualTo(first);
    assertThat(queued()).isEmpty();
    assertThat(await(actions.reply("alice", note, "Other words")).stored().value().id()).isNotEqualTo(first.id());
  }

  @Test
  void deleteReply_cancelsTheQueuedCreate_andQueuesDeleteWithTheTombstoneToTheSameAudience_once() {
    await(storage.follows().upsert(SiteFixtures.follow("alice", URI.create("https://other.example/users/f"),
        Optional.of(URI.create("https://other.example/inbox")))));
    Reply reply = await(actions.reply("alice", note, "Oops")).stored().value();
    String key = reply.id().toString().substring(reply.id().toString().lastIndexOf('/') + 1);

    await(actions.deleteReply("alice", key));
    await(actions.deleteReply("alice", key));

    List<Delivery> jobs = queued();
    assertThat(jobs).extracting(Delivery::inbox).containsExactlyInAnyOrder(bob.sharedInbox(),
        URI.create("https://other.example/inbox"));
    JsonNode delete = json(jobs.get(0).json());
    assertThat(delete.path("type").asText()).isEqualTo("Delete");
    assertThat(delete.path("object").path("type").asText()).isEqualTo("Tombstone");
    assertThat(delete.path("object").path("id").asText()).isEqualTo(reply.id().toString());
    assertThat(await(storage.replies().find(reply.id())).orElseThrow().value().state())
        .isEqualTo(ReplyState.DELETED);
    assertProblem(actions.reply("alice", note, "Oops"), ProblemType.CONFLICT, null);
  }

  @Test
  void deleteReply_unknownOrMalformedKey_isNotFound_andRepliesListsTheAccounts() {
    Reply reply = await(actions.reply("alice", note, "Listed")).stored().value();

    assertProblem(actions.deleteReply("alice", "0123456789abcdef"), ProblemType.NOT_FOUND, null);
    assertProblem(actions.deleteReply("alice", "../../x"), ProblemType.NOT_FOUND, null);
    assertProblem(actions.replies("nobody", PageRequest.first(10)), ProblemType.NOT_FOUND, "name");
    assertThat(await(actions.replies("alice", PageRequest.first(10))).items()).extracting(Stored::value)
        .containsExactly(reply);
  }

  private Delivery single() {
    List<Delivery> jobs = queued();
    assertThat(jobs).hasSize(1);
    return jobs.get(0);
  }

  private List<Delivery> queued() {
    return ActionAssertions.queued(storage, NOW);
  }
}
