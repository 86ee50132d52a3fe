package dev.fedgate.gateway.storage;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A local video of a channel, with every field the Site API accepts. Licence and category keep PeerTube's
 * identifiers as strings ({@code "1"}, {@code "13"}, or an SPDX id for a licence); the description is markdown.
 * {@code publishedAt} is kept to the microsecond, the precision every backend stores.
 */
public record Video(
    UUID uuid,
    String channel,
    String name,
    String description,
    long durationSeconds,
    Instant publishedAt,
    URI url,
    Optional<URI> embedUrl,
    List<Image> thumbnails,
    List<VideoFile> files,
    Optional<HlsPlaylist> hls,
    List<String> tags,
    Optional<String> language,
    Optional<String> licence,
    Optional<String> category,
    boolean sensitive,
    CommentsPolicy commentsPolicy,
    boolean live) {
  /** Checks presence (absent options as {@link Optional#empty()}), copies the lists, truncates the time. */
  public Video {
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    publishedAt = Objects.requireNonNull(publishedAt, "publishedAt").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(embedUrl, "embedUrl");
    thumbnails = List.copyOf(thumbnails);
    files = List.copyOf(files);
    Objects.requireNonNull(hls, "hls");
    tags = List.copyOf(tags);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(commentsPolicy, "commentsPolicy");
    if (durationSeconds < 0) {
      throw new IllegalArgumentException("durationSeconds must not be negative");
    }
  }
}
