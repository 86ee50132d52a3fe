package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;

/** A picture the site hosts (avatar, banner, thumbnail): where it is, its media type and its size in pixels. */
public record Image(URI url, String mediaType, int width, int height) {
  /** Checks that the URL and media type are present and the size is not negative. */
  public Image {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mediaType, "mediaType");
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("image size must not be negative");
    }
  }
}
