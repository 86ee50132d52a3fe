package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;

/** One playable rendition of a video: URL, media type, frame size, byte size and frame rate (0 when unknown). */
public record VideoFile(URI url, String mediaType, int width, int height, long size, int fps) {
  /** Checks that the URL and media type are present and the numbers are not negative. */
  public VideoFile {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mediaType, "mediaType");
    if (width < 0 || height < 0 || size < 0 || fps < 0) {
      throw new IllegalArgumentException("video file numbers must not be negative");
    }
  }
}
