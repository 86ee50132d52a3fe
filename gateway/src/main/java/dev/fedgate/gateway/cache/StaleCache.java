package dev.fedgate.gateway.cache;

/** A cache that can drop what a {@link CacheChange} made stale, or everything when changes may have been missed. */
public interface StaleCache {
  /** Drops the entries {@code change} concerns; entries of other kinds are left alone. Must not block. */
  void invalidate(CacheChange change);

  /** Drops every entry. Must not block. */
  void invalidateAll();
}
