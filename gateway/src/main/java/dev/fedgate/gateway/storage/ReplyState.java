package dev.fedgate.gateway.storage;

/** Whether a local account's reply to remote content is served as a Note or, once deleted, as a Tombstone. */
public enum ReplyState {
  PUBLISHED,
  DELETED
}
