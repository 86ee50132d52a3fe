package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InboxForwardingTest {
  private static final URI NOTE = URI.create("https://remote.example/notes/1");
  private static final URI OTHER_INBOX = URI.create("https://other.example/inbox");

  private InboxHarness h;
  private RemotePeer bob;

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    bob = h.peer("remote.example", "bob");
    follower("https://other.example/users/carol", Optional.of(OTHER_INBOX));
    follower("https://other.example/users/dan", Optional.of(OTHER_INBOX));
    follower("https://remote.example/users/erin", Optional.of(URI.create("https://remote.example/inbox")));
    follower("https://third.example/users/fay", Optional.empty());
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private void follower(String actor, Optional<URI> sharedInbox) {
    await(h.storage.follows().upsert(new Follow("cooking", URI.create(actor), URI.create(actor + "/inbox"),
        sharedInbox, FollowState.ACCEPTED, URI.create(actor + "/follows/1"))));
  }

  private URI channelFollowers() {
    return LocalUrls.followers(h.urls.channel("cooking"));
  }

  private String activity(String type, String id, URI... cc) {
    String object = type.equals("Delete") ? "\"" + NOTE + "\""
        : CreateHandlerTest.note(NOTE, bob.id(), h.videoId(h.video), "Lovely bread");
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"%s","actor":"%s",
         "to":["https://www.w3.org/ns/activitystreams#Public"],"cc":%s,"object":%s}"""
        .formatted(id, type, bob.id(), InboxHarness.JSON.valueToTree(List.of(cc)), object);
  }

  @Test
  void replyAddressedToTheChannelsFollowers_isForwardedUnchangedToTheirInboxesButNotToTheSendersHost() {
    String create = activity("Create", NOTE + "/activity", channelFollowers(), bob.id());

    h.deliver(bob, create);

    List<Delivery> forwarded = h.deliveries();
    assertThat(forwarded).extracting(Delivery::inbox)
        .containsExactlyInAnyOrder(OTHER_INBOX, URI.create("https://third.example/users/fay/inbox"));
    assertThat(forwarded).allSatisfy(job -> {
      assertThat(job.json()).isEqualTo(create);
      assertThat(job.signer()).isEqualTo("cooking");
      assertThat(job.activityId()).isEqualTo(URI.create(NOTE + "/activity"));
    });
  }

  @Test
  void updateAndDeleteOfAForwardedReply_areForwardedToo() {
    h.deliver(bob, activity("Create", NOTE + "/activity", channelFollowers()));
    h.deliveries();
    String update = activity("Update", NOTE + "/update/1", channelFollowers());
    String delete = activity("Delete", NOTE + "/delete", channelFollowers());

    h.deliver(bob, update);
    h.deliver(bob, delete);

    assertThat(h.deliveries()).extracting(Delivery::json).containsOnly(update, delete).hasSize(4);
  }

  /** PeerTube forwards every public comment on its videos to their followers, whatever the comment addresses. */
  @Test
  void publicReplyNotAddressedToTheChannelsFollowers_isForwardedToo() {
    String create = activity("Create", NOTE + "/activity", bob.id(), h.urls.channel("cooking"));

    h.deliver(bob, create);

    assertThat(await(h.storage.comments().findByRemoteId(NOTE))).isPresent();
    assertThat(h.deliveries()).extracting(Delivery::json).containsOnly(create).hasSize(2);
  }

  @Test
  void privateReply_isNotForwarded() {
    String toChannel = "\"to\":[\"" + h.urls.channel("cooking") + "\"]";
    h.deliver(bob, activity("Create", NOTE + "/activity", bob.id())
        .replace("\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"]", toChannel));

    assertThat(h.deliveries()).isEmpty();
  }

  @Test
  void heldReply_isNotForwarded() {
    h.putVideo(h.video, CommentsPolicy.APPROVAL);

    h.deliver(bob, activity("Create", NOTE + "/activity", channelFollowers()));

    assertThat(await(h.storage.comments().findByRemoteId(NOTE))).isPresent();
    assertThat(h.deliveries()).isEmpty();
  }
}
