package dev.fedgate.gateway.config;

import java.util.Locale;

/** Which storage backend the gateway opens. */
public enum StorageKind {
  /** H2, file-based, in the data directory: the default, nothing to install. */
  EMBEDDED,
  /** PostgreSQL at {@code FEDGATE_PG_URL}: for production and several nodes. */
  POSTGRES;

  /** The name used in configuration and by storage providers ({@code embedded}, {@code postgres}). */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
