package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;

/**
 * A remote actor's public key as published: its key id, algorithm, and the key encoded as the key layer chose (e.g.
 * the PEM of {@code publicKeyPem}, or a Multikey's {@code publicKeyMultibase}). The store never interprets it.
 */
public record RemoteKey(URI keyId, String algorithm, String encoded) {
  /** Checks that every component is present. */
  public RemoteKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(encoded, "encoded");
  }
}
