package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.util.Objects;

/** A {@code Create} of a Video, Note or other object. */
public record Create(Envelope envelope, Ref<ApObject> object) implements ObjectActivity {
  /** Checks that nothing is null. */
  public Create {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
  }
}
