package dev.fedgate.vocab;

import java.util.Objects;

/** PeerTube's {@code Infohash} tag on an HLS playlist Link: a torrent info hash of one of its files. */
public record Infohash(String name) implements ValueObject {
  /** Checks the field. */
  public Infohash {
    Objects.requireNonNull(name, "name");
  }
}
