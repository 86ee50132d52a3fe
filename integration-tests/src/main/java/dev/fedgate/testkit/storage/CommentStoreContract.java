package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static dev.fedgate.testkit.storage.Samples.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Comment;
import dev.fedgate.gateway.storage.CommentAuthor;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.CommentStore;
import dev.fedgate.gateway.storage.NewComment;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link CommentStore}: threading, remote idempotency, statuses, tombstones and pages. */
public abstract class CommentStoreContract extends StoreContract {
  private static final UUID VIDEO = UUID.fromString("9c9de5e8-0a1e-484a-b099-e80766180a6d");
  private static final UUID OTHER_VIDEO = UUID.fromString("04af977f-4201-4697-be67-a8d8cae6fa7a");
  private static final URI BOB = URI.create("https://mastodon.example/users/bob");
  private static final Instant PUBLISHED = Instant.parse("2024-05-02T08:00:00.654321Z");

  private CommentStore comments() {
    return backend.comments();
  }

  @BeforeEach
  final void createVideos() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertChannel(channel("cooking", "alice")));
    await(backend.videos().upsert(video(VIDEO, "cooking", Instant.EPOCH)));
    await(backend.videos().upsert(video(OTHER_VIDEO, "cooking", Instant.EPOCH)));
  }

  private static NewComment remote(int n, Optional<Long> parent) {
    return new NewComment(VIDEO, Optional.of(URI.create(BOB + "/statuses/" + n)), new CommentAuthor.Remote(BOB),
        "<p>reply " + n + "</p>", parent, CommentStatus.VISIBLE, PUBLISHED);
  }

  private static NewComment local(UUID video, Optional<Long> parent) {
    return new NewComment(video, Optional.empty(), new CommentAuthor.Local("alice"), "Thanks!", parent,
        CommentStatus.VISIBLE, PUBLISHED);
  }

  private Comment add(NewComment comment) {
    return await(comments().add(comment)).orElseThrow().value();
  }

  @Test
  void add_storesATopLevelComment() {
    Comment stored = add(remote(1, Optional.empty()));

    assertThat(stored.video()).isEqualTo(VIDEO);
    assertThat(stored.author()).isEqualTo(new CommentAuthor.Remote(BOB));
    assertThat(stored.content()).isEqualTo("<p>reply 1</p>");
    assertThat(stored.parent()).isEmpty();
    assertThat(stored.root()).isEmpty();
    assertThat(stored.publishedAt()).isEqualTo(PUBLISHED);
    assertThat(await(comments().find(stored.id())).map(Stored::value)).contains(stored);
    assertThat(await(comments().findByRemoteId(stored.remoteId().orElseThrow())).map(Stored::value))
        .contains(stored);
  }

  @Test
  void add_reply_threadsUnderTheTopLevelComment() {
    Comment top = add(remote(1, Optional.empty()));
    Comment reply = add(local(VIDEO, Optional.of(top.id())));
    Comment replyToReply = add(remote(2, Optional.of(reply.id())));

    assertThat(reply.parent()).contains(top.id());
    assertThat(reply.root()).contains(top.id());
    assertThat(replyToReply.parent()).contains(reply.id());
    assertThat(replyToReply.root()).contains(top.id());
  }

  @Test
  void add_sameRemoteIdAgain_returnsTheStoredComment() {
    Comment first = add(remote(1, Optional.empty()));

    Comment again = add(new NewComment(VIDEO, first.remoteId(), new CommentAuthor.Remote(BOB), "edited?",
        Optional.empty(), CommentStatus.HELD, PUBLISHED));

    assertThat(again).isEqualTo(first);
    assertThat(await(comments().countByVideo(VIDEO, CommentStatus.VISIBLE))).isEqualTo(1);
  }

  @Test
  void add_concurrentDeliveriesOfOneRemoteComment_storeItOnce() {
    List<Long> ids = race(12, i -> comments().add(remote(5, Optional.empty())))
        .stream().map(c -> c.orElseThrow().value().id()).collect(Collectors.toList());

    assertThat(Set.copyOf(ids)).hasSize(1);
    assertThat(await(comments().countByVideo(VIDEO, CommentStatus.VISIBLE))).isEqualTo(1);
  }

  @Test
  void add_refusesDeletedVideosForeignParentsAndUnknownLocalAuthors() {
    Comment onOther = add(local(OTHER_VIDEO, Optional.empty()));
    await(backend.videos().delete(OTHER_VIDEO));

    assertThat(await(comments().add(local(OTHER_VIDEO, Optional.empty())))).isEmpty();
    assertThat(await(comments().add(local(UUID.randomUUID(), Optional.empty())))).isEmpty();
    assertThat(await(comments().add(local(VIDEO, Optional.of(onOther.id()))))).isEmpty();
    assertThat(await(comments().add(local(VIDEO, Optional.of(999_999L))))).isEmpty();
    assertThat(await(comments().add(new NewComment(VIDEO, Optional.empty(), new CommentAuthor.Local("cooking"),
        "a channel is not an account", Optional.empty(), CommentStatus.VISIBLE, PUBLISHED)))).isEmpty();
  }

  @Test
  void addAll_storesEachInOrder_andARemoteIdGivenTwiceOnce() {
    List<Optional<Stored<Comment>>> added = await(comments().addAll(List.of(remote(1, Optional.empty()),
        remote(2, Optional.empty()), remote(1, Optional.empty()))));

    assertThat(added).hasSize(3).allMatch(Optional::isPresent);
    assertThat(added.get(0).orElseThrow().value().remoteId()).isEqualTo(remote(1, Optional.empty()).remoteId());
    assertThat(added.get(1).orElseThrow().value().remoteId()).isEqualTo(remote(2, Optional.empty()).remoteId());
    assertThat(added.get(2).orElseThrow().value()).isEqualTo(added.get(0).orElseThrow().value());
    assertThat(await(comments().countByVideo(VIDEO, CommentStatus.VISIBLE))).isEqualTo(2);
  }

  @Test
  void addAll_aCommentOnAMissingVideo_isRefusedAlone() {
    NewComment onMissing = new NewComment(UUID.randomUUID(), Optional.of(URI.create(BOB + "/statuses/9")),
        new CommentAuthor.Remote(BOB), "lost", Optional.empty(), CommentStatus.VISIBLE, PUBLISHED);

    List<Optional<Stored<Comment>>> added = await(comments().addAll(List.of(remote(1, Optional.empty()), onMissing,
        remote(2, Optional.empty()))));

    assertThat(added.get(0)).isPresent();
    assertThat(added.get(1)).isEmpty();
    assertThat(added.get(2)).isPresent();
    assertThat(await(comments().findByRemoteId(onMissing.remoteId().orElseThrow()))).isEmpty();
    assertThat(await(comments().countByVideo(VIDEO, CommentStatus.VISIBLE))).isEqualTo(2);
  }

  @Test
  void addAll_aReplyToACommentEarlierInTheGroup_isThreadedUnderIt() {
    Comment top = add(remote(1, Optional.empty()));

    List<Optional<Stored<Comment>>> added = await(comments().addAll(List.of(remote(2, Optional.of(top.id())),
        local(VIDEO, Optional.of(top.id())))));

    assertThat(added).allMatch(c -> c.orElseThrow().value().root().equals(Optional.of(top.id())));
  }

  @Test
  void edit_replacesContentUntilDeleted() {
    Comment comment = add(remote(1, Optional.empty()));

    assertThat(await(comments().edit(comment.id(), "<p>fixed</p>"))).isTrue();
    assertThat(await(comments().find(comment.id())).orElseThrow().value().content()).isEqualTo("<p>fixed</p>");
    await(comments().setStatus(comment.id(), CommentStatus.DELETED));
    assertThat(await(comments().edit(comment.id(), "<p>again</p>"))).isFalse();
    assertThat(await(comments().edit(424_242L, "x"))).isFalse();
  }

  @Test
  void setStatus_approvesHeldComments_andDeletionIsAFinalTombstone() {
    Comment held = add(new NewComment(VIDEO, Optional.empty(), new CommentAuthor.Local("alice"), "hi",
        Optional.empty(), CommentStatus.HELD, PUBLISHED));

    assertThat(await(comments().setStatus(held.id(), CommentStatus.VISIBLE))).isTrue();
    assertThat(await(comments().setStatus(held.id(), CommentStatus.DELETED))).isTrue();
    assertThat(await(comments().setStatus(held.id(), CommentStatus.VISIBLE))).isFalse();

    Comment tombstone = await(comments().find(held.id())).orElseThrow().value();
    assertThat(tombstone.status()).isEqualTo(CommentStatus.DELETED);
    assertThat(tombstone.content()).isEmpty();
  }

  @Test
  void deleteByAuthor_tombstonesEveryCommentOfThatActor() {
    Comment top = add(remote(1, Optional.empty()));
    add(remote(2, Optional.of(top.id())));
    add(local(VIDEO, Optional.of(top.id())));

    assertThat(await(comments().deleteByAuthor(BOB))).isEqualTo(2);
    assertThat(await(comments().deleteByAuthor(BOB))).isZero();
    assertThat(await(comments().countByVideo(VIDEO, CommentStatus.VISIBLE))).isEqualTo(1);
    assertThat(await(comments().countByVideo(VIDEO, CommentStatus.DELETED))).isEqualTo(2);
  }

  @Test
  void pageByVideo_listsChosenStatesOldestFirst() {
    Comment first = add(remote(1, Optional.empty()));
    Comment held = add(new NewComment(VIDEO, Optional.of(URI.create(BOB + "/statuses/2")),
        new CommentAuthor.Remote(BOB), "held", Optional.empty(), CommentStatus.HELD, PUBLISHED));
    Comment third = add(local(VIDEO, Optional.of(first.id())));
    add(local(OTHER_VIDEO, Optional.empty()));

    List<Long> visible = readAllPagesBothWays(p -> await(comments().pageByVideo(VIDEO,
        Set.of(CommentStatus.VISIBLE), p)), 1).stream().map(c -> c.value().id()).toList();
    List<Long> both = readAllPagesBothWays(p -> await(comments().pageByVideo(VIDEO,
        Set.of(CommentStatus.VISIBLE, CommentStatus.HELD), p)), 2).stream().map(c -> c.value().id()).toList();

    assertThat(visible).containsExactly(first.id(), third.id());
    assertThat(both).containsExactly(first.id(), held.id(), third.id());
    assertThat(await(comments().pageByVideo(VIDEO, Set.of(), PageRequest.first(5))).items()).isEmpty();
  }

  @Test
  void pageByVideo_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> comments().pageByVideo(VIDEO, Set.of(CommentStatus.VISIBLE), request));
  }
}
