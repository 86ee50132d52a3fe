package dev.fedgate.gateway.storage;

/** Who may comment on a video, as PeerTube's {@code commentsPolicy}. */
public enum CommentsPolicy {
  /** Replies are accepted and shown. */
  ENABLED,
  /** Replies are dropped. */
  DISABLED,
  /** Replies are held until the site approves them. */
  APPROVAL
}
