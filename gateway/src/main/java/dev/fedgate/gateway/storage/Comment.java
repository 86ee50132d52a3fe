package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored comment. {@code id} is the store's number for it (local comments are published at
 * {@code /videos/watch/{uuid}/comments/{id}}); {@code parent} is the comment it replies to and {@code root} the
 * top-level comment of its thread (both empty for a top-level comment). A deleted comment has empty content.
 */
public record Comment(
    long id,
    UUID video,
    Optional<URI> remoteId,
    CommentAuthor author,
    String content,
    Optional<Long> parent,
    Optional<Long> root,
    CommentStatus status,
    Instant publishedAt) {
  /** Checks that every component is present. */
  public Comment {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(remoteId, "remoteId");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(publishedAt, "publishedAt");
  }
}
