package dev.fedgate.vocab;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@code Image}: avatars, banners, video thumbnails ({@code url} a string), and PeerTube storyboards ({@code url}
 * Links with tile sizes, kept in each Link's extensions).
 */
public record Image(
    List<Link> url,
    Optional<String> mediaType,
    Optional<Integer> width,
    Optional<Integer> height,
    List<String> rel,
    Optional<String> name,
    Extensions extensions)
    implements ValueObject {
  /** Copies the lists; an Image needs at least one url. */
  public Image {
    url = List.copyOf(url);
    if (url.isEmpty()) {
      throw new IllegalArgumentException("an Image needs a url");
    }
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(height, "height");
    rel = List.copyOf(rel);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(extensions, "extensions");
  }

  /** An image at {@code url} with a media type and size (what PeerTube and Mastodon read for icons). */
  public static Image of(URI url, String mediaType, int width, int height) {
    return new Image(List.of(Link.of(url)), Optional.of(mediaType), Optional.of(width), Optional.of(height),
        List.of(), Optional.empty(), Extensions.NONE);
  }

  /** The first url. */
  public URI href() {
    return url.get(0).href();
  }
}
