package dev.fedgate.gateway.storage.support;

import dev.fedgate.gateway.storage.support.KeysetOrder.Column;

/**
 * The order of each paged listing, one definition for both backends, so their cursors are alike: the key columns and
 * the equality-filtered columns that lead each listing's index (the schemas name them the same).
 */
public final class ListingOrders {
  /** An actor's follows in one state, oldest first ({@code follow_page}). */
  public static final KeysetOrder FOLLOWS = oldestFirst("seq").within("local_actor", "state");
  /** An account's follows or likes in one state, oldest first ({@code outbound_action_page}). */
  public static final KeysetOrder OUTBOUND = oldestFirst("seq").within("account", "kind", "state");
  /** An account's replies, oldest first ({@code account_reply_page}). */
  public static final KeysetOrder REPLIES = oldestFirst("seq").within("account");
  /** A video's interactions of one kind, in the order received ({@code interaction_video_kind}). */
  public static final KeysetOrder INTERACTIONS = oldestFirst("seq").within("video_uuid", "kind");
  /** A video's comments, oldest first ({@code video_comment_page}). */
  public static final KeysetOrder COMMENTS = oldestFirst("id").within("video_uuid");
  /** A host's delivery jobs in one state, oldest first ({@code delivery_job_host}). */
  public static final KeysetOrder DELIVERIES_BY_HOST = oldestFirst("id").within("host", "state");
  /** Inbound site events, oldest first (the primary key). */
  public static final KeysetOrder EVENTS = oldestFirst("id");
  /** A channel's live videos, newest first ({@code video_channel_published}). */
  public static final KeysetOrder CHANNEL_VIDEOS =
      KeysetOrder.descending(Column.time("published_at"), Column.number("seq")).within("channel_name");
  /** Live videos of several channels, newest first, over {@code video v}. */
  public static final KeysetOrder VIDEOS =
      KeysetOrder.descending(Column.time("published_at").as("v.published_at"), Column.number("seq").as("v.seq"));

  private ListingOrders() {}

  private static KeysetOrder oldestFirst(String column) {
    return KeysetOrder.ascending(Column.number(column));
  }
}
