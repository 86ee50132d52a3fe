package dev.fedgate.vocab.peertube;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The ids of a video's collections PeerTube links from the Video: {@code likes}, {@code dislikes}, {@code shares},
 * {@code comments}, and {@code hasParts} (the chapters document).
 */
public record VideoCollections(
    Optional<URI> likes,
    Optional<URI> dislikes,
    Optional<URI> shares,
    Optional<URI> comments,
    Optional<URI> hasParts) {
  /** Checks that nothing is null. */
  public VideoCollections {
    Objects.requireNonNull(likes, "likes");
    Objects.requireNonNull(dislikes, "dislikes");
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(comments, "comments");
    Objects.requireNonNull(hasParts, "hasParts");
  }
}
