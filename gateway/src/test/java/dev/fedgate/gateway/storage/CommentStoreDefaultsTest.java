package dev.fedgate.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The SPI's default {@link CommentStore#addAll}, which site backends get without writing one. */
class CommentStoreDefaultsTest {
  private static final UUID VIDEO = UUID.fromString("9c9de5e8-0a1e-484a-b099-e80766180a6d");

  /** A store with only {@code add}: comments on {@link #VIDEO} are kept in a list, others refused. */
  private static final class OneByOne implements CommentStore {
    final List<NewComment> added = new ArrayList<>();
    String failOn;

    @Override
    public CompletionStage<Optional<Stored<Comment>>> add(NewComment comment) {
      if (comment.content().equals(failOn)) {
        return CompletableFuture.failedFuture(new IllegalStateException("disk full"));
      }
      if (!comment.video().equals(VIDEO)) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      added.add(comment);
      Comment stored = new Comment(added.size(), comment.video(), comment.remoteId(), comment.author(),
          comment.content(), comment.parent(), Optional.empty(), comment.status(), comment.publishedAt());
      return CompletableFuture.completedFuture(Optional.of(new Stored<>(stored, Instant.EPOCH, Instant.EPOCH)));
    }

    @Override
    public CompletionStage<Optional<Stored<Comment>>> find(long id) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<Optional<Stored<Comment>>> findByRemoteId(URI remoteId) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<Boolean> edit(long id, String content) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletionStage<Boolean> setStatus(long id, CommentStatus status) {
      return CompletableFuture.completedFuture(false);
    }

    @Override
    public CompletionStage<Integer> deleteByAuthor(URI actor) {
      return CompletableFuture.completedFuture(0);
    }

    @Override
    public CompletionStage<Page<Stored<Comment>>> pageByVideo(UUID video, Set<CommentStatus> states,
        PageRequest page) {
      return CompletableFuture.completedFuture(Page.empty());
    }

    @Override
    public CompletionStage<Long> countByVideo(UUID video, CommentStatus status) {
      return CompletableFuture.completedFuture((long) added.size());
    }
  }

  private static NewComment comment(UUID video, String content) {
    return new NewComment(video, Optional.empty(), new CommentAuthor.Local("alice"), content, Optional.empty(),
        CommentStatus.VISIBLE, Instant.EPOCH);
  }

  @Test
  void addAll_addsOneByOneInOrder_withOneResultEach() {
    OneByOne store = new OneByOne();

    List<Optional<Stored<Comment>>> results = store.addAll(List.of(comment(VIDEO, "a"),
        comment(UUID.randomUUID(), "elsewhere"), comment(VIDEO, "b"))).toCompletableFuture().join();

    assertThat(results).extracting(r -> r.map(s -> s.value().content()).orElse(null))
        .containsExactly("a", null, "b");
    assertThat(store.added).extracting(NewComment::content).containsExactly("a", "b");
  }

  @Test
  void addAll_failingAdd_failsTheGroup() {
    OneByOne store = new OneByOne();
    store.failOn = "b";

    assertThatThrownBy(() -> store.addAll(List.of(comment(VIDEO, "a"), comment(VIDEO, "b")))
        .toCompletableFuture().join()).isInstanceOf(CompletionException.class).hasRootCauseMessage("disk full");
  }
}
