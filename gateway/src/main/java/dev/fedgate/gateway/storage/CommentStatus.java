package dev.fedgate.gateway.storage;

/** Whether a comment is shown. */
public enum CommentStatus {
  /** Shown and federated. */
  VISIBLE,
  /** Waiting for the site's approval (video with {@link CommentsPolicy#APPROVAL}). */
  HELD,
  /** Deleted; kept as a tombstone so replies keep their thread. Final. */
  DELETED
}
