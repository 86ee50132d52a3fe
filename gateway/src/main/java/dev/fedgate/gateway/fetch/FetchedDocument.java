package dev.fedgate.gateway.fetch;

import java.net.URI;
import java.util.Objects;

/** A remote ActivityPub document as fetched: the URL it was finally served from and its raw body bytes. */
public record FetchedDocument(URI url, byte[] body) {
  /** Checks presence and copies the body, so the value stays immutable. */
  public FetchedDocument {
    Objects.requireNonNull(url, "url");
    body = Objects.requireNonNull(body, "body").clone();
  }

  /** A copy of the body bytes. */
  @Override
  public byte[] body() {
    return body.clone();
  }
}
