package dev.fedgate.vocab;

import java.util.Arrays;
import java.util.Optional;

/** The five actor types PeerTube and Mastodon accept ({@code SUPPORTED_TYPES}, {@code isActorTypeValid}). */
public enum ActorType {
  /** An account. */
  PERSON("Person"),
  /** A PeerTube channel, a Lemmy community. */
  GROUP("Group"),
  /** An instance actor. */
  APPLICATION("Application"),
  /** A bot or service account. */
  SERVICE("Service"),
  /** An organization account. */
  ORGANIZATION("Organization");

  private final String wireName;

  ActorType(String wireName) {
    this.wireName = wireName;
  }

  /** The AS2 type name. */
  public String wireName() {
    return wireName;
  }

  /** The actor type named {@code wireName}, if it is one. */
  public static Optional<ActorType> fromWire(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
