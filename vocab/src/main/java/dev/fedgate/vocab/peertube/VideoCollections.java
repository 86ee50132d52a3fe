package dev.fedgate.vocab.peertube;

import dev.fedgate.vocab.LazyUri;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The ids of a video's collections PeerTube links from the Video: {@code likes}, {@code dislikes}, {@code shares},
 * {@code comments}, and {@code hasParts} (the chapters document). Held as {@link LazyUri}s, built on first use: a
 * reader of a remote Video rarely looks at them. Equality is by the URIs.
 */
public final class VideoCollections {
  static final int LIKES = 0;
  static final int DISLIKES = 1;
  static final int SHARES = 2;
  static final int COMMENTS = 3;
  static final int HAS_PARTS = 4;
  private static final String[] NAMES = {"likes", "dislikes", "shares", "comments", "hasParts"};

  /** No collection ids. */
  public static final VideoCollections NONE = new VideoCollections(new LazyUri[NAMES.length]);

  /** By index above; null where absent. */
  private final LazyUri[] ids;

  private VideoCollections(LazyUri[] ids) {
    this.ids = ids;
  }

  /** The ids, each present or not. */
  public VideoCollections(Optional<URI> likes, Optional<URI> dislikes, Optional<URI> shares,
      Optional<URI> comments, Optional<URI> hasParts) {
    this(new LazyUri[] {built(likes), built(dislikes), built(shares), built(comments), built(hasParts)});
  }

  /** The ids as read from a document. */
  public static VideoCollections read(Optional<LazyUri> likes, Optional<LazyUri> dislikes, Optional<LazyUri> shares,
      Optional<LazyUri> comments, Optional<LazyUri> hasParts) {
    return new VideoCollections(new LazyUri[] {likes.orElse(null), dislikes.orElse(null), shares.orElse(null),
        comments.orElse(null), hasParts.orElse(null)});
  }

  /** The likes collection. */
  public Optional<URI> likes() {
    return uri(LIKES);
  }

  /** The dislikes collection. */
  public Optional<URI> dislikes() {
    return uri(DISLIKES);
  }

  /** The shares collection (PeerTube's {@code /announces}). */
  public Optional<URI> shares() {
    return uri(SHARES);
  }

  /** The comments collection. */
  public Optional<URI> comments() {
    return uri(COMMENTS);
  }

  /** The chapters document. */
  public Optional<URI> hasParts() {
    return uri(HAS_PARTS);
  }

  /** These ids with the one at {@code index} set, or removed when {@code value} is null. */
  VideoCollections with(int index, URI value) {
    LazyUri[] changed = ids.clone();
    changed[index] = value == null ? null : LazyUri.of(value);
    return new VideoCollections(changed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VideoCollections other && Arrays.equals(ids, other.ids);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ids);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("VideoCollections[");
    for (int i = 0; i < ids.length; i++) {
      out.append(i == 0 ? "" : ", ").append(NAMES[i]).append('=').append(Optional.ofNullable(ids[i]));
    }
    return out.append(']').toString();
  }

  private Optional<URI> uri(int index) {
    return Optional.ofNullable(ids[index]).map(LazyUri::uri);
  }

  private static LazyUri built(Optional<URI> uri) {
    return uri.map(LazyUri::of).orElse(null);
  }
}
