package dev.fedgate.gateway.storage;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Local videos and their tombstones. All methods may be called concurrently; each completes off the caller's
 * thread.
 */
public interface VideoStore {

  /**
   * Creates or replaces a video. Called by the Site API on {@code PUT /api/v1/videos/{uuid}}. Idempotent: the same
   * video again answers {@link UpsertResult#UNCHANGED} and writes nothing, so the caller queues no {@code Update}.
   * {@code CREATED} and {@code UPDATED} write, in the same transaction, the video's {@link PendingFederation} mark
   * (see {@link FederationChange#then} for a change on top of a pending one), so a crash before its deliveries are
   * queued loses nothing. Concurrent upserts of one uuid are serialised; each gets its own mark version.
   *
   * @return {@code CREATED}, {@code UPDATED}, {@code UNCHANGED}, {@code MISSING_REFERENCE} when the channel does not
   *     exist, or {@code GONE} when the uuid belongs to a deleted video (a tombstone is forever)
   */
  CompletionStage<UpsertResult> upsert(Video video);

  /** The live video with that uuid; empty when there is none or it was deleted. */
  CompletionStage<Optional<Stored<Video>>> find(UUID uuid);

  /** The tombstone of a deleted video; empty when the uuid was never used or the video is live. */
  CompletionStage<Optional<VideoTombstone>> findTombstone(UUID uuid);

  /**
   * Turns a live video into a tombstone stamped with the store's clock. Called by the Site API on {@code DELETE}.
   * Idempotent; of concurrent calls exactly one answers {@code true}, and that one writes the video's
   * {@link FederationChange#DELETED} mark in the same transaction.
   *
   * @return {@code true} when this call deleted it; {@code false} when it was absent or already a tombstone
   */
  CompletionStage<Boolean> delete(UUID uuid);

  /**
   * A channel's live videos, newest {@code publishedAt} first (ties: most recently created first), keyset-paged.
   * Empty when the channel has none or does not exist.
   */
  CompletionStage<Page<Stored<Video>>> pageByChannel(String channel, PageRequest page);

  /** The number of live videos of a channel (the outbox's {@code totalItems}); 0 when it does not exist. */
  CompletionStage<Long> countByChannel(String channel);

  /**
   * The live videos of every channel of an account (an account's outbox), newest {@code publishedAt} first (ties:
   * most recently created first), keyset-paged like {@link #pageByChannel}. Empty when it has none or does not exist.
   */
  CompletionStage<Page<Stored<Video>>> pageByAccount(String account, PageRequest page);

  /** The number of live videos of an account's channels; 0 when it does not exist. */
  CompletionStage<Long> countByAccount(String account);

  /** Every live video (the instance actor's outbox), in the order of {@link #pageByChannel}, keyset-paged. */
  CompletionStage<Page<Stored<Video>>> pageAll(PageRequest page);

  /** The number of live videos. */
  CompletionStage<Long> countAll();
}
