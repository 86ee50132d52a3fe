package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A comment to add under a video: its ActivityPub id when it came from elsewhere ({@code remoteId}), the author, the
 * (already sanitized) HTML content, the comment it replies to (empty for a reply to the video), its initial status
 * and when it was published (kept to the microsecond).
 */
public record NewComment(
    UUID video,
    Optional<URI> remoteId,
    CommentAuthor author,
    String content,
    Optional<Long> parent,
    CommentStatus status,
    Instant publishedAt) {
  /** Checks presence and that a new comment is not already deleted; truncates the time. */
  public NewComment {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(remoteId, "remoteId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(status, "status");
    if (status == CommentStatus.DELETED) {
      throw new IllegalArgumentException("a new comment cannot be deleted");
    }
    publishedAt = Objects.requireNonNull(publishedAt, "publishedAt").truncatedTo(ChronoUnit.MICROS);
  }
}
