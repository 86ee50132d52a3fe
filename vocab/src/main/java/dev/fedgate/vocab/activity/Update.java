package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.util.Objects;

/** An {@code Update} of an object or actor (PeerTube re-validates the whole object). */
public record Update(Envelope envelope, Ref<ApObject> object) implements ObjectActivity {
  /** Checks that nothing is null. */
  public Update {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
  }
}
