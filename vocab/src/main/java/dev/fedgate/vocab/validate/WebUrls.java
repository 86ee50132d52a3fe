package dev.fedgate.vocab.validate;

import java.net.URI;

/** PeerTube's {@code isActivityPubUrlValid}: an http(s) URL with a host, at most 2000 characters. */
final class WebUrls {
  static final int MAX_LENGTH = 2000;

  private WebUrls() {}

  static boolean valid(URI uri) {
    String scheme = uri.getScheme();
    return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null
        && uri.toString().length() <= MAX_LENGTH;
  }
}
