package dev.fedgate.vocab;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A URI as a document wrote it, with the {@link URI} built on first use. A PeerTube Video carries about 30 URLs (HLS
 * files, torrents, 550-character magnet links) that a reader rarely looks at, and building a {@code java.net.URI}
 * for each cost more than a quarter of reading the whole Video. Text of the common shapes is only checked by hand
 * when read ({@link UriSyntax}, which never accepts what {@code URI} refuses); anything else is parsed at once, so a
 * bad URI is refused when the document is read either way. Equality and hash code are {@link URI}'s.
 */
public final class LazyUri {
  private final String text;
  /** Null until first use, and then only for text {@link UriSyntax} proved; volatile as {@code URI} is not final. */
  private volatile URI uri;

  private LazyUri(String text, URI uri) {
    this.text = text;
    this.uri = uri;
  }

  /** An already built URI. */
  public static LazyUri of(URI uri) {
    return new LazyUri(uri.toString(), uri);
  }

  /**
   * {@code text} as a URI: checked now and built on first use when it has a common absolute shape, built now
   * otherwise.
   *
   * @throws URISyntaxException when {@code new URI(text)} would
   */
  public static LazyUri parse(String text) throws URISyntaxException {
    return new LazyUri(text, UriSyntax.isCommonAbsolute(text) ? null : new URI(text));
  }

  /** The URI, built now if it was not yet. */
  public URI uri() {
    URI built = uri;
    if (built == null) {
      // Cannot fail: UriSyntax proved that URI accepts the text.
      built = URI.create(text);
      uri = built;
    }
    return built;
  }

  /** {@link URI#getScheme}, without building the URI. */
  public String scheme() {
    URI built = uri;
    return built != null ? built.getScheme() : text.substring(0, text.indexOf(':'));
  }

  /**
   * {@link URI#getHost}, without building the URI: text held unbuilt has a host exactly when it is hierarchical
   * ({@code scheme://host...}, the host running to the port, path, query or fragment), none when it is opaque
   * ({@code magnet:?...}).
   */
  public String host() {
    URI built = uri;
    if (built != null) {
      return built.getHost();
    }
    int colon = text.indexOf(':');
    if (text.charAt(colon + 1) != '/') {
      return null;
    }
    int end = colon + 3;
    while (end < text.length() && ":/?#".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    return text.substring(colon + 3, end);
  }

  /** Whether the URI has a scheme (text held unbuilt always has one). */
  public boolean isAbsolute() {
    URI built = uri;
    return built == null || built.isAbsolute();
  }

  /** Equal when the text is, or else when the URIs are ({@link URI#equals}: scheme and host case, escapes). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LazyUri other && (text.equals(other.text) || uri().equals(other.uri()));
  }

  @Override
  public int hashCode() {
    return uri().hashCode();
  }

  /** The text, which is also what {@link URI#toString} of the built URI returns. */
  @Override
  public String toString() {
    return text;
  }
}
