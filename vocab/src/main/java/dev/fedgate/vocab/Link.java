package dev.fedgate.vocab;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Link}, or a bare URL where a Link may stand. {@code mediaType} is also read from the older
 * {@code mimeType} spelling (PeerTube's HLS links, Mastodon's {@code url_to_href}). PeerTube's file links carry
 * {@code height}, {@code width}, {@code size} and {@code fps}; HLS playlists carry their files in {@code tag}.
 * The href is held as a {@link LazyUri}: a Video's links are many and mostly never looked at.
 */
public record Link(
    LazyUri lazyHref,
    Optional<String> mediaType,
    List<String> rel,
    Optional<String> name,
    Optional<Integer> height,
    Optional<Integer> width,
    Optional<Long> size,
    Optional<Integer> fps,
    List<ValueObject> tag,
    List<ValueObject> attachment,
    Extensions extensions)
    implements ValueObject {
  /** Copies the lists. */
  public Link {
    Objects.requireNonNull(lazyHref, "lazyHref");
    Objects.requireNonNull(mediaType, "mediaType");
    rel = List.copyOf(rel);
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(height, "height");
    Objects.requireNonNull(width, "width");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(fps, "fps");
    tag = List.copyOf(tag);
    attachment = List.copyOf(attachment);
    Objects.requireNonNull(extensions, "extensions");
  }

  /** A link to an already built URI. */
  public Link(URI href, Optional<String> mediaType, List<String> rel, Optional<String> name, Optional<Integer> height,
      Optional<Integer> width, Optional<Long> size, Optional<Integer> fps, List<ValueObject> tag,
      List<ValueObject> attachment, Extensions extensions) {
    this(LazyUri.of(href), mediaType, rel, name, height, width, size, fps, tag, attachment, extensions);
  }

  /** A bare URL (written as a plain string). */
  public static Link of(URI href) {
    return of(LazyUri.of(href));
  }

  /** A bare URL as read from a document. */
  public static Link of(LazyUri href) {
    return new Link(href, Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), List.of(), List.of(), Extensions.NONE);
  }

  /** A link with a media type, e.g. the {@code text/html} watch page. */
  public static Link of(URI href, String mediaType) {
    return of(href).withMediaType(mediaType);
  }

  /** This link with {@code mediaType} set. */
  public Link withMediaType(String mediaType) {
    return new Link(lazyHref, Optional.of(mediaType), rel, name, height, width, size, fps, tag, attachment,
        extensions);
  }

  /** The target, built as a {@link URI} on the first call. */
  public URI href() {
    return lazyHref.uri();
  }

  /** Whether only {@code href} is set, so the link can be written as a plain URL string. */
  public boolean isBare() {
    return mediaType.isEmpty() && rel.isEmpty() && name.isEmpty() && height.isEmpty() && width.isEmpty()
        && size.isEmpty() && fps.isEmpty() && tag.isEmpty() && attachment.isEmpty() && extensions.isEmpty();
  }

  /** Whether the media type is {@code type}, ignoring case. */
  public boolean hasMediaType(String type) {
    return mediaType.filter(type::equalsIgnoreCase).isPresent();
  }
}
