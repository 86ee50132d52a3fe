package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Likes, dislikes and shares of local videos, at most one of each kind per actor and video, so counts stay right
 * however often a peer repeats itself. All methods may be called concurrently; each completes off the caller's
 * thread.
 */
public interface InteractionStore {

  /**
   * Records an interaction. Called by the inbox on {@code Like}, {@code Dislike} and {@code Announce}. Idempotent:
   * the same actor, video and kind again is {@code UNCHANGED}. A like replaces the actor's dislike of that video and
   * the other way round.
   *
   * @return {@code CREATED}, {@code UNCHANGED}, or {@code MISSING_REFERENCE} when the video is not live
   */
  CompletionStage<UpsertResult> record(Interaction interaction);

  /**
   * Removes an interaction. Called on {@code Undo} of a like, dislike or share. Idempotent.
   *
   * @return {@code true} when one was removed
   */
  CompletionStage<Boolean> remove(UUID video, URI actor, InteractionKind kind);

  /**
   * Removes every interaction of an actor. Called on {@code Delete} of the actor. Idempotent.
   *
   * @return how many were removed
   */
  CompletionStage<Integer> removeActor(URI actor);

  /** How many interactions of a kind a video has (the collections' {@code totalItems}). */
  CompletionStage<Long> count(UUID video, InteractionKind kind);
}
