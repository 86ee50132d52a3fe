package dev.fedgate.gateway.storage;

/** What a local account did to remote content. */
public enum OutboundKind {
  /** {@code Follow} of a remote actor; PENDING until the actor's {@code Accept}. */
  FOLLOW,
  /** {@code Like} of a remote object; in effect at once. */
  LIKE
}
