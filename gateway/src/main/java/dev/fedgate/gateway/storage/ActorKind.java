package dev.fedgate.gateway.storage;

/** What a local actor name stands for; accounts, channels and the instance actor share one namespace. */
public enum ActorKind {
  /** A site account, federated as a {@code Person}. */
  ACCOUNT,
  /** A site channel, federated as a {@code Group}. */
  CHANNEL,
  /** The instance actor, federated as an {@code Application}. */
  APPLICATION
}
