package dev.fedgate.vocab.activity;

import java.util.Objects;

/** schema.org {@code InteractionCounter} in a PeerTube {@code View}: how many {@code WatchAction}s it stands for. */
public record InteractionCounter(String interactionType, long userInteractionCount) {
  /** schema.org's {@code WatchAction}, as PeerTube writes it. */
  public static final String WATCH_ACTION = "WatchAction";

  /** Checks the fields. */
  public InteractionCounter {
    Objects.requireNonNull(interactionType, "interactionType");
    if (userInteractionCount < 0) {
      throw new IllegalArgumentException("userInteractionCount must be >= 0");
    }
  }
}
