package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A {@code Move} of an account ({@code object}) to {@code target}, which must list it in {@code alsoKnownAs}. */
public record Move(Envelope envelope, Ref<ApObject> object, Optional<URI> target) implements ObjectActivity {
  /** Checks that nothing is null. */
  public Move {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(target, "target");
  }
}
