package dev.fedgate.vocab.peertube;

import dev.fedgate.vocab.Audience;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * PeerTube's {@code commentsPolicy} (1, 2, 3) and the {@code canReply} that goes with it: {@code null} when anyone may
 * reply, Public otherwise (PeerTube's {@code video-activity-pub-format.ts}, disabled included).
 */
public enum CommentsPolicy {
  /** Anyone may comment. */
  ENABLED(1),
  /** No comments; PeerTube's default when the property is missing or invalid. */
  DISABLED(2),
  /** Comments are held until the owner sends {@code ApproveReply}. */
  REQUIRES_APPROVAL(3);

  private final int wireValue;

  CommentsPolicy(int wireValue) {
    this.wireValue = wireValue;
  }

  /** The number PeerTube writes. */
  public int wireValue() {
    return wireValue;
  }

  /** The matching {@code canReply}: empty (written as {@code null}) when enabled, else Public. */
  public Optional<URI> canReply() {
    return this == ENABLED ? Optional.empty() : Optional.of(Audience.PUBLIC);
  }

  /** The policy numbered {@code wireValue}, if any. */
  public static Optional<CommentsPolicy> fromWire(long wireValue) {
    return Arrays.stream(values()).filter(p -> p.wireValue == wireValue).findFirst();
  }
}
