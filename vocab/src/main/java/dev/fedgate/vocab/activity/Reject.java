package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.util.Objects;

/** A {@code Reject} of a {@code Follow} (also ends an established follow on Mastodon). */
public record Reject(Envelope envelope, Ref<ApObject> object) implements ObjectActivity {
  /** Checks that nothing is null. */
  public Reject {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
  }
}
