package dev.fedgate.gateway.storage;

/** What an explicit upsert did. Refusals are results, not failures: the caller maps them to a problem. */
public enum UpsertResult {
  /** Nothing was stored under that key before; it is now. */
  CREATED,
  /** The stored value differed and was replaced. */
  UPDATED,
  /** The stored value already equalled the given one; nothing was written (so nothing needs federating). */
  UNCHANGED,
  /** The name is held by a different kind of local actor; nothing was written. */
  NAME_TAKEN,
  /** Something the value refers to (a channel's account, a video's channel) does not exist; nothing was written. */
  MISSING_REFERENCE,
  /** The key belongs to something deleted for good (a video tombstone); nothing was written. */
  GONE
}
