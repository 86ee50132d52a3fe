package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.util.Objects;

/** An {@code Announce} (share, boost) of an object. */
public record Announce(Envelope envelope, Ref<ApObject> object) implements ObjectActivity {
  /** Checks that nothing is null. */
  public Announce {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
  }
}
