package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UndoHandlerTest {
  private InboxHarness h;
  private RemotePeer bob;

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    bob = h.peer("remote.example", "bob");
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private String undo(String inner) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/undo/%d","type":"Undo",
         "actor":"%s","object":%s}""".formatted(inner.hashCode() & 0xffff, bob.id(), inner);
  }

  @Test
  void undoOfAFollow_removesTheFollower() {
    String follow = """
        {"id":"https://remote.example/follows/1","type":"Follow","actor":"%s","object":"%s"}"""
        .formatted(bob.id(), h.urls.channel("cooking"));
    h.deliver(bob, "{\"@context\":\"https://www.w3.org/ns/activitystreams\"," + follow.substring(1));
    h.webhooks();

    h.deliver(bob, undo(follow));

    assertThat(await(h.storage.follows().find("cooking", bob.id()))).isEmpty();
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("follow.deleted");
  }

  @Test
  void undoOfALike_removesIt() {
    String like = """
        {"id":"https://remote.example/likes/1","type":"Like","actor":"%s","object":"%s"}"""
        .formatted(bob.id(), h.videoId(h.video));
    h.deliver(bob, "{\"@context\":\"https://www.w3.org/ns/activitystreams\"," + like.substring(1));

    h.deliver(bob, undo(like));

    assertThat(await(h.storage.interactions().count(h.video, InteractionKind.LIKE))).isZero();
  }

  @Test
  void undoOfSomeoneElsesActivity_isIgnored() {
    RemotePeer carol = h.peer("remote.example", "carol");
    String like = """
        {"id":"https://remote.example/likes/1","type":"Like","actor":"%s","object":"%s"}"""
        .formatted(carol.id(), h.videoId(h.video));
    h.deliver(carol, "{\"@context\":\"https://www.w3.org/ns/activitystreams\"," + like.substring(1));

    h.deliver(bob, undo(like));

    assertThat(await(h.storage.interactions().count(h.video, InteractionKind.LIKE))).isEqualTo(1);
  }
}
