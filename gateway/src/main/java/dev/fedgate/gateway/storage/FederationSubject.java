package dev.fedgate.gateway.storage;

import java.util.Objects;
import java.util.UUID;

/**
 * What a pending federation is about: a local video (keyed by its uuid) or a local account or channel (keyed by its
 * name). Each subject has at most one pending federation.
 */
public record FederationSubject(Type type, String key) {
  /** The kinds of local things whose changes federate. */
  public enum Type {
    /** A local video; the key is its uuid. */
    VIDEO,
    /** A local account or channel; the key is its name. */
    ACTOR
  }

  /** Checks presence. */
  public FederationSubject {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
  }

  /** The video with that uuid. */
  public static FederationSubject video(UUID uuid) {
    return new FederationSubject(Type.VIDEO, uuid.toString());
  }

  /** The account or channel with that name. */
  public static FederationSubject actor(String name) {
    return new FederationSubject(Type.ACTOR, name);
  }
}
