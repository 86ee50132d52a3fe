package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.util.Objects;

/** An {@code Accept}, usually of a {@code Follow} (embedded, as PeerTube and Mastodon both expect). */
public record Accept(Envelope envelope, Ref<ApObject> object) implements ObjectActivity {
  /** Checks that nothing is null. */
  public Accept {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
  }
}
