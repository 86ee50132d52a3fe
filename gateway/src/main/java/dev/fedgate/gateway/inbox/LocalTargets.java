package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.mapping.LocalUrls;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises our video and comment ids ({@code /videos/watch/{uuid}} and {@code /videos/watch/{uuid}/comments/{id}})
 * in what remote activities act on; the inverse of {@link LocalUrls#video} and {@link LocalUrls#comment}.
 */
final class LocalTargets {
  private static final Pattern VIDEO = Pattern.compile(
      "^/videos/watch/([0-9a-fA-F-]{36})(?:/comments/([0-9]{1,18}))?$");

  private final LocalUrls urls;

  LocalTargets(LocalUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /** A local video, or a local comment under it. */
  record Target(UUID video, OptionalLong comment) {}

  /** The local video or comment {@code id} names, if it is one of ours (no query, no fragment). */
  Optional<Target> parse(URI id) {
    if (!urls.isLocal(id) || id.getRawQuery() != null || id.getRawFragment() != null || id.getRawPath() == null) {
      return Optional.empty();
    }
    Matcher m = VIDEO.matcher(id.getRawPath());
    if (!m.matches()) {
      return Optional.empty();
    }
    UUID uuid;
    try {
      uuid = UUID.fromString(m.group(1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.of(new Target(uuid,
        m.group(2) == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(m.group(2)))));
  }

  /** The local video {@code id} names (not a comment). */
  Optional<UUID> video(URI id) {
    return parse(id).filter(t -> t.comment().isEmpty()).map(Target::video);
  }

  /** The local actor {@code id} names. */
  Optional<LocalUrls.ActorRef> actor(URI id) {
    return urls.parseActor(id);
  }

  /** Our URL scheme. */
  LocalUrls urls() {
    return urls;
  }
}
