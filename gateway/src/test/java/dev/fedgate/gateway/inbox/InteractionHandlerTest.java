package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InteractionHandlerTest {
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

  private String activity(String type, int n, Object object) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/%s/%d","type":"%s",
         "actor":"%s","object":"%s"}""".formatted(type, n, type, bob.id(), object);
  }

  @Test
  void likesOfOneActor_countOnceAndTellTheSiteOnce() {
    h.deliver(bob, activity("Like", 1, h.videoId(h.video)));
    h.deliver(bob, activity("Like", 2, h.videoId(h.video)));

    assertThat(await(h.storage.interactions().count(h.video, InteractionKind.LIKE))).isEqualTo(1);
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("like.created");
  }

  @Test
  void dislikeAndAnnounce_areCountedAsTheirKinds() {
    h.deliver(bob, activity("Dislike", 1, h.videoId(h.video)));
    h.deliver(bob, activity("Announce", 2, h.videoId(h.video)));

    assertThat(await(h.storage.interactions().count(h.video, InteractionKind.DISLIKE))).isEqualTo(1);
    assertThat(await(h.storage.interactions().count(h.video, InteractionKind.SHARE))).isEqualTo(1);
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactlyInAnyOrder("dislike.created",
        "share.created");
  }

  @Test
  void likeOfSomethingNotOurs_isIgnored() {
    h.deliver(bob, activity("Like", 1, "https://remote.example/notes/1"));

    assertThat(h.webhooks()).isEmpty();
  }
}
