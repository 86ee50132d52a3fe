package dev.fedgate.vocab;

import java.net.URI;
import java.util.Objects;

/** A FEP-521a {@code Multikey} in {@code assertionMethod}: the key in multibase form, controlled by the actor. */
public record Multikey(URI id, URI controller, String publicKeyMultibase) {
  /** Checks the fields. */
  public Multikey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(controller, "controller");
    Objects.requireNonNull(publicKeyMultibase, "publicKeyMultibase");
  }
}
