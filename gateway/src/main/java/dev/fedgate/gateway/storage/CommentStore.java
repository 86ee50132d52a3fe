package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Comments on local videos, local and remote, threaded. All methods may be called concurrently; each completes off
 * the caller's thread.
 */
public interface CommentStore {

  /**
   * Adds a comment, working out its thread root from the parent. Called by the Site API for a local comment and by
   * the inbox for a remote reply. Idempotent for remote comments: a {@code remoteId} already stored returns the stored
   * comment unchanged (concurrent adds of one remote id store it once). Each local add is a new comment.
   *
   * @return the stored comment; empty when the video is not live, the parent is not a comment of that video, or a
   *     local author is not an account
   */
  CompletionStage<Optional<Stored<Comment>>> add(NewComment comment);

  /**
   * Adds several comments in order, each as {@link #add} would: one result per comment, in order, each empty or
   * stored as {@code add} decides, so one refused comment (its video not live, a foreign parent) leaves the others
   * stored, and a remote id given twice is stored once (the second gets the first's comment). Called by the inbox
   * for the replies processed together. Backends write the group in one transaction; if that fails, the stage fails
   * for all. This default adds them one by one.
   */
  default CompletionStage<List<Optional<Stored<Comment>>>> addAll(List<NewComment> comments) {
    CompletionStage<List<Optional<Stored<Comment>>>> added =
        CompletableFuture.completedFuture(new ArrayList<>(comments.size()));
    for (NewComment comment : comments) {
      added = added.thenCompose(sofar -> add(comment).thenApply(stored -> {
        sofar.add(stored);
        return sofar;
      }));
    }
    return added.thenApply(List::copyOf);
  }

  /** The comment with that id, whatever its status; empty when there is none. */
  CompletionStage<Optional<Stored<Comment>>> find(long id);

  /** The comment with that ActivityPub id (a remote comment); empty when there is none. */
  CompletionStage<Optional<Stored<Comment>>> findByRemoteId(URI remoteId);

  /**
   * Replaces a comment's content. Called on {@code Update{Note}} (after checking the author). Idempotent.
   *
   * @return {@code true} when the comment exists and is not deleted
   */
  CompletionStage<Boolean> edit(long id, String content);

  /**
   * Moves a comment to {@code status}: the site approves a held comment ({@code VISIBLE}), or it is deleted
   * ({@code DELETED} also clears its content). Deletion is final. Idempotent.
   *
   * @return {@code true} when the comment exists and was not deleted before
   */
  CompletionStage<Boolean> setStatus(long id, CommentStatus status);

  /**
   * Marks every comment by a remote actor deleted. Called on {@code Delete} of the actor. Idempotent.
   *
   * @return how many comments were deleted by this call
   */
  CompletionStage<Integer> deleteByAuthor(URI actor);

  /** A video's comments in the given states, oldest first, keyset-paged. Empty for an unknown video. */
  CompletionStage<Page<Stored<Comment>>> pageByVideo(UUID video, Set<CommentStatus> states, PageRequest page);

  /** How many of a video's comments are in {@code status}; 0 for an unknown video. */
  CompletionStage<Long> countByVideo(UUID video, CommentStatus status);
}
