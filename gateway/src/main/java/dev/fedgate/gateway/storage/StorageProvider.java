package dev.fedgate.gateway.storage;

import java.util.concurrent.CompletionStage;

/**
 * A storage backend implementation, discovered with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.fedgate.gateway.storage.StorageProvider}.
 *
 * <p>Implementations must have a public no-argument constructor and must not open anything before {@link #open} is
 * called: {@link StorageProviders#find} instantiates every provider on the class path just to read its kind.
 */
public interface StorageProvider {

  /** The name operators select this backend by ({@code FEDGATE_STORAGE}), e.g. {@code embedded} or {@code postgres}. */
  String kind();

  /**
   * Opens a backend, creating or migrating its schema first. Called once at start by {@code Main} (and by tests);
   * each call returns a new, independent backend that the caller must {@link StorageBackend#close() close}.
   *
   * @return a stage completing with a ready backend, or failing with {@link IllegalArgumentException} when the
   *     settings do not suit this kind, or with the underlying error when the database cannot be opened or migrated
   */
  CompletionStage<StorageBackend> open(StorageSettings settings);
}
