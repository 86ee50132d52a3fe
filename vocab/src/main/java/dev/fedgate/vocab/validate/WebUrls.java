package dev.fedgate.vocab.validate;

import dev.fedgate.vocab.LazyUri;
import java.net.URI;

/** PeerTube's {@code isActivityPubUrlValid}: an http(s) URL with a host, at most 2000 characters. */
final class WebUrls {
  static final int MAX_LENGTH = 2000;

  private WebUrls() {}

  static boolean valid(URI uri) {
    return valid(LazyUri.of(uri));
  }

  /** The same for a URI read from a document, mostly answered without building it. */
  static boolean valid(LazyUri uri) {
    String scheme = uri.scheme();
    return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.host() != null
        && uri.toString().length() <= MAX_LENGTH;
  }
}
