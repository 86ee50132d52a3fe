package dev.fedgate.vocab;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A security-v1 {@code publicKey}: the key HTTP signatures name in {@code keyId}, as an SPKI PEM. {@code owner} is
 * optional on read (Bridgy and Fedify omit it); PeerTube and Mastodon need it, so the validator checks it.
 */
public record PublicKey(URI id, Optional<URI> owner, String publicKeyPem) {
  /** Checks the fields. */
  public PublicKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(publicKeyPem, "publicKeyPem");
  }

  /** A key owned by {@code owner}, as we publish ours. */
  public static PublicKey of(URI id, URI owner, String publicKeyPem) {
    return new PublicKey(id, Optional.of(owner), publicKeyPem);
  }
}
