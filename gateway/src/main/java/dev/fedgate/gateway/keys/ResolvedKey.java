package dev.fedgate.gateway.keys;

import dev.fedgate.signatures.keys.PublicKeyMaterial;
import java.net.URI;
import java.util.Objects;

/**
 * A remote public key and the actor that owns it. {@code fresh} says it was fetched for this very lookup, so a failed
 * verification with it is final (a stale cached key earns one refetch first).
 */
public record ResolvedKey(URI keyId, URI owner, PublicKeyMaterial key, boolean fresh) {
  /** Checks that every component is present. */
  public ResolvedKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(key, "key");
  }
}
