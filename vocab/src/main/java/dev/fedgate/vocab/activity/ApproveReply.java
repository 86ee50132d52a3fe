package dev.fedgate.vocab.activity;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** PeerTube's {@code ApproveReply}: the video owner approves a held comment ({@code object}) to {@code inReplyTo}. */
public record ApproveReply(Envelope envelope, Ref<ApObject> object, Optional<URI> inReplyTo)
    implements ObjectActivity {
  /** Checks that nothing is null. */
  public ApproveReply {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(inReplyTo, "inReplyTo");
  }
}
