package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * PeerTube's {@code View} of a video: a view, or with {@code expires} a live viewer; newer versions add a
 * {@code result} {@code InteractionCounter} with the watch count.
 */
public record View(Envelope envelope, Ref<ApObject> object, Optional<Instant> expires,
    Optional<InteractionCounter> result) implements ObjectActivity {
  /** Checks that nothing is null. */
  public View {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(result, "result");
  }
}
