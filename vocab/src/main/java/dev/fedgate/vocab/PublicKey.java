package dev.fedgate.vocab;

import java.net.URI;
import java.util.Objects;

/** A security-v1 {@code publicKey}: the key HTTP signatures name in {@code keyId}, as an SPKI PEM. */
public record PublicKey(URI id, URI owner, String publicKeyPem) {
  /** Checks the fields. */
  public PublicKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(publicKeyPem, "publicKeyPem");
  }
}
