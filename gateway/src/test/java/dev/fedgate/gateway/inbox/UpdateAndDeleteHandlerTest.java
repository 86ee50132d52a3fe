package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.WebhookEvent;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateAndDeleteHandlerTest {
  private static final String CONTEXT = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",";

  private InboxHarness h;
  private RemotePeer bob;
  private final URI noteId = URI.create("https://remote.example/notes/1");

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    bob = h.peer("remote.example", "bob");
    h.deliver(bob, CreateHandlerTest.create(bob.id(), noteId + "/activity",
        CreateHandlerTest.note(noteId, bob.id(), h.videoId(h.video), "first")));
    h.webhooks();
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private String activity(RemotePeer actor, String type, String id, String object) {
    return CONTEXT + """
        "id":"%s","type":"%s","actor":"%s","object":%s}""".formatted(id, type, actor.id(), object);
  }

  private String content() {
    return await(h.storage.comments().findByRemoteId(noteId)).orElseThrow().value().content();
  }

  @Test
  void updateOfANoteByItsAuthor_editsTheComment() {
    h.deliver(bob, activity(bob, "Update", noteId + "/update/1",
        CreateHandlerTest.note(noteId, bob.id(), h.videoId(h.video), "edited <script>x</script>")));

    assertThat(content()).startsWith("edited").doesNotContain("script");
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("comment.updated");
  }

  @Test
  void updateOfANoteBySomeoneElse_changesNothing() {
    RemotePeer carol = h.peer("remote.example", "carol");
    h.deliver(carol, activity(carol, "Update", "https://remote.example/update/2",
        CreateHandlerTest.note(noteId, carol.id(), h.videoId(h.video), "hijacked")));

    assertThat(content()).isEqualTo("first");
  }

  @Test
  void updateOfTheActor_replacesItsCachedKeys() {
    String newDocument = bob.nextActorJson();
    String update = activity(bob, "Update", "https://remote.example/users/bob#updates/1",
        newDocument.replace("{\"@context\":[\"https://www.w3.org/ns/activitystreams\","
            + "\"https://w3id.org/security/v1\"],", "{"));
    h.deliver(bob, update);
    bob.rotateKey();

    InboxOutcome outcome = h.post(bob, CONTEXT + """
        "id":"https://remote.example/likes/1","type":"Like","actor":"%s","object":"%s"}"""
        .formatted(bob.id(), h.videoId(h.video)));

    assertThat(outcome).isInstanceOf(InboxOutcome.Accepted.class);
    assertThat(h.fetcher.fetched()).containsExactly(bob.id());
  }

  @Test
  void deleteOfANoteByItsAuthor_tombstonesIt() {
    h.deliver(bob, activity(bob, "Delete", noteId + "#delete",
        "{\"id\":\"" + noteId + "\",\"type\":\"Tombstone\"}"));

    var comment = await(h.storage.comments().findByRemoteId(noteId)).orElseThrow().value();
    assertThat(comment.status()).isEqualTo(CommentStatus.DELETED);
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("comment.deleted");
  }

  @Test
  void deleteOfANoteBySomeoneElse_changesNothing() {
    RemotePeer carol = h.peer("remote.example", "carol");
    h.deliver(carol, activity(carol, "Delete", "https://remote.example/delete/1", "\"" + noteId + "\""));

    assertThat(await(h.storage.comments().findByRemoteId(noteId)).orElseThrow().value().status())
        .isEqualTo(CommentStatus.VISIBLE);
  }

  @Test
  void deleteOfTheActor_removesItsFollowsLikesAndTombstonesItsComments() {
    h.deliver(bob, activity(bob, "Follow", "https://remote.example/follows/1",
        "\"" + h.urls.channel("cooking") + "\""));
    h.deliver(bob, activity(bob, "Like", "https://remote.example/likes/1", "\"" + h.videoId(h.video) + "\""));
    h.webhooks();

    h.deliver(bob, activity(bob, "Delete", bob.id() + "#delete", "\"" + bob.id() + "\""));

    assertThat(await(h.storage.follows().count("cooking", FollowState.ACCEPTED))).isZero();
    assertThat(await(h.storage.interactions().count(h.video, InteractionKind.LIKE))).isZero();
    assertThat(await(h.storage.comments().findByRemoteId(noteId)).orElseThrow().value().status())
        .isEqualTo(CommentStatus.DELETED);
    assertThat(await(h.storage.remoteActors().find(bob.id()))).isEqualTo(Optional.empty());
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("actor.deleted");
  }
}
