package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Likes, dislikes and shares of local videos, at most one of each kind per actor and video, so counts stay right
 * however often a peer repeats itself. All methods may be called concurrently; each completes off the caller's
 * thread.
 */
public interface InteractionStore {
  /** The most videos one {@link #addViews} call may update. */
  int MAX_VIEW_BATCH = 10_000;

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

  /**
   * A video's interactions of one kind, in the order they were recorded, keyset-paged (cursors stay valid while
   * interactions are recorded and removed): the pages of its likes, dislikes and shares collections. Empty when it
   * has none or the video does not exist.
   */
  CompletionStage<Page<Interaction>> page(UUID video, InteractionKind kind, PageRequest page);

  /**
   * Adds view counts, aggregated in memory by the caller, in one transaction. Called on a short interval by the
   * {@code View} handler, so views cost one write per flush rather than one per event. Not idempotent: each call adds.
   * Counts for videos that are not live are dropped.
   *
   * @return how many videos' counts were increased
   * @throws IllegalArgumentException when a count is negative or more than {@value #MAX_VIEW_BATCH} videos are given
   */
  CompletionStage<Integer> addViews(Map<UUID, Long> views);

  /** A video's total views; 0 when it has none or does not exist. */
  CompletionStage<Long> views(UUID video);
}
