package dev.fedgate.gateway.storage;

/** A remote actor's reaction to a local video. */
public enum InteractionKind {
  /** {@code Like}; exclusive with {@link #DISLIKE}, as PeerTube keeps one rating per actor. */
  LIKE,
  /** {@code Dislike}; exclusive with {@link #LIKE}. */
  DISLIKE,
  /** {@code Announce} (a boost or share). */
  SHARE
}
