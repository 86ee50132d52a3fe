package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** PeerTube's {@code RejectReply}: the video owner refuses a held comment (PeerTube validates it, then ignores it). */
public record RejectReply(Envelope envelope, Ref<ApObject> object, Optional<URI> inReplyTo)
    implements ObjectActivity {
  /** Checks that nothing is null. */
  public RejectReply {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(inReplyTo, "inReplyTo");
  }
}
