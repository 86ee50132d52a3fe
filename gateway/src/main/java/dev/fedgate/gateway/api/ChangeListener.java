package dev.fedgate.gateway.api;

import java.util.UUID;

/** Told of every change the Site API made, so caches of rendered documents drop exactly what changed. */
public interface ChangeListener {
  /** An account's or channel's description changed. */
  void actorChanged(String name);

  /** A video was created, changed or deleted. */
  void videoChanged(UUID uuid);
}
