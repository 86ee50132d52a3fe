package dev.fedgate.gateway.storage;

/** What a local change still owes the fediverse: which activity its federation sends. */
public enum FederationChange {
  /** A new video: {@code Create} (and the instance actor's {@code Announce}). */
  CREATED,
  /** A changed video or actor: {@code Update}. */
  UPDATED,
  /** A deleted video: {@code Delete}. */
  DELETED;

  /**
   * The change left pending when {@code next} follows this still-pending one: an update of a video whose creation
   * was never federated must still federate as a creation; anything else is replaced by the later change.
   */
  public FederationChange then(FederationChange next) {
    return this == CREATED && next == UPDATED ? CREATED : next;
  }
}
