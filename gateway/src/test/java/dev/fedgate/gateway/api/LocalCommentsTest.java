package dev.fedgate.gateway.api;

import static dev.fedgate.gateway.TestGateway.await;
import static dev.fedgate.gateway.api.ActionAssertions.assertProblem;
import static dev.fedgate.gateway.api.ActionAssertions.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.inbox.MapFetcher;
import dev.fedgate.gateway.inbox.RemotePeer;
import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.mapping.LocalDocument;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.vocab.Mention;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Tombstone;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalCommentsTest {
  private static final LocalUrls URLS = new LocalUrls(URI.create("https://video.example"));
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final URI FOLLOWER_INBOX = URI.create("https://other.example/inbox");

  private final ExecutorService cpu = Executors.newSingleThreadExecutor();
  private final MapFetcher fetcher = new MapFetcher();
  private final RemotePeer bob = new RemotePeer("remote.example", "bob");
  private final UUID video = UUID.randomUUID();
  private StorageBackend storage;
  private LocalObjects objects;
  private LocalComments comments;
  private Stored<Comment> remote;

  @BeforeEach
  void setUp() {
    InstantSource clock = () -> NOW;
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:comments-" + UUID.randomUUID()).clock(clock).build()));
    await(storage.localActors().upsertAccount(SiteFixtures.account("alice")));
    await(storage.localActors().upsertChannel(SiteFixtures.channel("science", "alice")));
    await(storage.videos().upsert(SiteFixtures.video(video, "science", SiteFixtures.PUBLISHED)));
    await(storage.follows().upsert(SiteFixtures.follow("science", URI.create("https://other.example/users/f"),
        Optional.of(FOLLOWER_INBOX))));
    remote = await(storage.comments().add(new NewComment(video, Optional.of(URI.create(bob.id() + "/statuses/1")),
        new CommentAuthor.Remote(bob.id()), "<p>Great</p>", Optional.empty(), CommentStatus.VISIBLE, NOW)))
        .orElseThrow();
    fetcher.serve(bob.id(), bob.actorJson());
    VocabReader reader = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
    objects = new LocalObjects(URLS, storage.localActors(), storage.videos(), storage.comments(),
        storage.replies(), new LocalKeys(storage.localActors(), Optional.empty(), cpu));
    comments = new LocalComments(URLS, storage, objects,
        new RemoteActorLoader(storage.remoteActors(), fetcher, reader, clock), clock);
  }

  @AfterEach
  void tearDown() {
    await(storage.close());
    cpu.shutdown();
  }

  private Stored<Comment> reply(String text) {
    return await(comments.add(video, new AccountInputs.LocalComment("alice", text,
        Optional.of(remote.value().id()))));
  }

  @Test
  void add_replyToARemoteComment_isServedAsANoteMentioningItsAuthor() {
    Stored<Comment> added = reply("Thanks!");

    assertThat(added.value().status()).isEqualTo(CommentStatus.VISIBLE);
    assertThat(added.value().content()).isEqualTo("<p>Thanks!</p>");
    LocalDocument document = await(objects.commentPath(video, added.value().id())).orElseThrow();
    assertThat(document).isInstanceOf(LocalDocument.Live.class);
    Note note = (Note) document.object();
    assertThat(note.id()).isEqualTo(URLS.comment(video, added.value().id()));
    assertThat(note.attributedTo().get(0).id()).isEqualTo(URLS.account("alice"));
    assertThat(note.inReplyTo().orElseThrow().id()).isEqualTo(remote.value().remoteId().orElseThrow());
    assertThat(note.tag()).containsExactly(new Mention(bob.id(), Optional.empty()));
    assertThat(note.audience().cc()).contains(bob.id());
    assertThat(((LocalDocument.Live) document).page()).isEqualTo(URI.create("https://site.example/w/" + video));
  }

  @Test
  void add_queuesCreateToTheChannelsFollowersAndTheRepliedAuthor() {
    Stored<Comment> added = reply("Thanks!");

    List<Delivery> jobs = queued();
    assertThat(jobs).extracting(Delivery::inbox).containsExactlyInAnyOrder(FOLLOWER_INBOX, bob.sharedInbox());
    Delivery create = jobs.get(0);
    URI noteId = URLS.comment(video, added.value().id());
    assertThat(create.signer()).isEqualTo("alice");
    assertThat(create.objectId()).contains(noteId);
    JsonNode sent = json(create.json());
    assertThat(sent.path("type").asText()).isEqualTo("Create");
    assertThat(sent.path("object").path("id").asText()).isEqualTo(noteId.toString());
  }

  @Test
  void add_toTheVideo_repliesToTheVideo() {
    Stored<Comment> added = await(comments.add(video, new AccountInputs.LocalComment("alice", "First",
        Optional.empty())));

    Note note = (Note) await(objects.commentPath(video, added.value().id())).orElseThrow().object();
    assertThat(note.inReplyTo().orElseThrow().id()).isEqualTo(URLS.video(video));
    assertThat(note.tag()).isEmpty();
    assertThat(queued()).extracting(Delivery::inbox).containsExactly(FOLLOWER_INBOX);
  }

  @Test
  void delete_tombstonesTheComment_cancelsItsCreate_andQueuesDeleteOnce() {
    Stored<Comment> added = reply("Oops");

    await(comments.delete(video, added.value().id()));
    await(comments.delete(video, added.value().id()));

    List<Delivery> jobs = queued();
    assertThat(jobs).hasSize(2).allSatisfy(job -> assertThat(json(job.json()).path("type").asText())
        .isEqualTo("Delete"));
    assertThat(json(jobs.get(0).json()).path("object").path("type").asText()).isEqualTo("Tombstone");
    LocalDocument gone = await(objects.commentPath(video, added.value().id())).orElseThrow();
    assertThat(gone.object()).isInstanceOf(Tombstone.class);
  }

  @Test
  void add_refusesNonAccounts_foreignParents_andDisabledComments() {
    assertProblem(comments.add(video, new AccountInputs.LocalComment("science", "hi", Optional.empty())),
        ProblemType.INVALID_REQUEST, "/account");
    assertProblem(comments.add(video, new AccountInputs.LocalComment("alice", "hi", Optional.of(999L))),
        ProblemType.INVALID_REQUEST, "/inReplyTo");
    UUID closed = UUID.randomUUID();
    await(storage.videos().upsert(new dev.fedgate.gateway.storage.Video(closed, "science", "Closed", "", 1, NOW,
        URI.create("https://site.example/closed"), Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), false, CommentsPolicy.DISABLED, false)));
    assertProblem(comments.add(closed, new AccountInputs.LocalComment("alice", "hi", Optional.empty())),
        ProblemType.CONFLICT, null);
    assertProblem(comments.delete(video, remote.value().id()), ProblemType.CONFLICT, null);
    assertThat(queued()).isEmpty();
  }

  private List<Delivery> queued() {
    return ActionAssertions.queued(storage, NOW);
  }
}
