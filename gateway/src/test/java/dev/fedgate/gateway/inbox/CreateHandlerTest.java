package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.WebhookEvent;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateHandlerTest {
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

  static String note(URI id, URI author, Object inReplyTo, String content) {
    return """
        {"id":"%s","type":"Note","attributedTo":"%s","inReplyTo":"%s","content":%s,
         "to":["https://www.w3.org/ns/activitystreams#Public"],"published":"2026-11-01T11:00:00Z"}"""
        .formatted(id, author, inReplyTo, InboxHarness.JSON.valueToTree(content).toString());
  }

  static String create(URI actor, String id, String object) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Create","actor":"%s","object":%s}"""
        .formatted(id, actor, object);
  }

  private Comment reply(String n, Object inReplyTo, String content) {
    URI id = URI.create("https://remote.example/notes/" + n);
    h.deliver(bob, create(bob.id(), id + "/activity", note(id, bob.id(), inReplyTo, content)));
    return await(h.storage.comments().findByRemoteId(id)).map(s -> s.value()).orElse(null);
  }

  @Test
  void replyToAVideo_isStoredSanitizedAndVisible() {
    Comment comment = reply("1", h.videoId(h.video),
        "<p onclick=\"steal()\">Nice <a href=\"javascript:alert(1)\">x</a><script>alert(1)</script>"
            + "<a href=\"https://remote.example/@bob\">@bob</a></p>");

    assertThat(comment.status()).isEqualTo(CommentStatus.VISIBLE);
    assertThat(comment.author()).isEqualTo(new CommentAuthor.Remote(bob.id()));
    assertThat(comment.parent()).isEmpty();
    assertThat(comment.content()).doesNotContain("script", "onclick", "javascript").contains("Nice")
        .contains("href=\"https://remote.example/@bob\"");
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("comment.created");
  }

  @Test
  void replyToARemoteReply_isThreadedUnderIt() {
    Comment first = reply("1", h.videoId(h.video), "first");
    Comment second = reply("2", "https://remote.example/notes/1", "second");

    assertThat(second.parent()).contains(first.id());
    assertThat(second.root()).contains(first.id());
    assertThat(second.video()).isEqualTo(h.video);
  }

  @Test
  void replyToALocalComment_isThreadedUnderIt() {
    long local = await(h.storage.comments().add(new NewComment(h.video, Optional.empty(),
        new CommentAuthor.Local("alice"), "hello", Optional.empty(), CommentStatus.VISIBLE, h.now))).orElseThrow()
        .value().id();

    Comment reply = reply("1", h.urls.comment(h.video, local), "hi alice");

    assertThat(reply.parent()).contains(local);
  }

  @Test
  void videoNeedingApproval_holdsTheReply() {
    h.putVideo(h.video, CommentsPolicy.APPROVAL);

    assertThat(reply("1", h.videoId(h.video), "held?").status()).isEqualTo(CommentStatus.HELD);
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("comment.held");
  }

  @Test
  void videoWithCommentsDisabled_dropsTheReply() {
    h.putVideo(h.video, CommentsPolicy.DISABLED);

    assertThat(reply("1", h.videoId(h.video), "dropped")).isNull();
    assertThat(h.webhooks()).isEmpty();
  }

  @Test
  void replyByReference_isFetchedFromItsOrigin() {
    URI id = URI.create("https://remote.example/notes/7");
    h.fetcher.serve(id, "{\"@context\":\"https://www.w3.org/ns/activitystreams\","
        + note(id, bob.id(), h.videoId(h.video), "fetched").substring(1));

    h.deliver(bob, create(bob.id(), id + "/activity", "\"" + id + "\""));

    assertThat(await(h.storage.comments().findByRemoteId(id)).orElseThrow().value().content()).isEqualTo("fetched");
    assertThat(h.fetcher.fetched()).contains(id);
  }

  @Test
  void noteWrittenBySomeoneElse_isIgnored() {
    URI id = URI.create("https://remote.example/notes/1");
    h.deliver(bob, create(bob.id(), id + "/activity",
        note(id, URI.create("https://remote.example/users/carol"), h.videoId(h.video), "not mine")));

    assertThat(await(h.storage.comments().findByRemoteId(id))).isEmpty();
  }

  @Test
  void noteReplyingToNothingOfOurs_isIgnored() {
    assertThat(reply("1", "https://elsewhere.example/notes/1", "elsewhere")).isNull();
  }

  /** A followers-only or direct reply must not become a public comment on the site (PeerTube refuses it too). */
  @Test
  void privateReply_isNotStoredAsAComment() {
    URI id = URI.create("https://remote.example/notes/9");
    String note = note(id, bob.id(), h.videoId(h.video), "just between us")
        .replace("\"to\":[\"https://www.w3.org/ns/activitystreams#Public\"]",
            "\"to\":[\"" + h.urls.channel("cooking") + "\"]");
    h.deliver(bob, create(bob.id(), id + "/activity", note));

    assertThat(await(h.storage.comments().findByRemoteId(id))).isEmpty();
    assertThat(h.webhooks()).isEmpty();
  }
}
