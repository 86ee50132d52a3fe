package dev.fedgate.vocab.peertube;

import java.util.Objects;
import java.util.Optional;

/**
 * PeerTube's live fields of a Video: whether it is a live broadcast, whether the live is saved as a replay, whether it
 * is permanent, and its latency mode. PeerTube defaults the three flags to false when they are missing.
 */
public record VideoLive(
    Optional<Boolean> isLiveBroadcast,
    Optional<Boolean> liveSaveReplay,
    Optional<Boolean> permanentLive,
    Optional<Integer> latencyMode) {
  /** Checks that nothing is null. */
  public VideoLive {
    Objects.requireNonNull(isLiveBroadcast, "isLiveBroadcast");
    Objects.requireNonNull(liveSaveReplay, "liveSaveReplay");
    Objects.requireNonNull(permanentLive, "permanentLive");
    Objects.requireNonNull(latencyMode, "latencyMode");
  }
}
