package dev.fedgate.gateway.storage;

/** Whether a follow is in effect. */
public enum FollowState {
  /** Waiting for the site to approve it (a channel with manual approval). */
  PENDING,
  /** In effect: the follower receives the actor's activities. */
  ACCEPTED
}
