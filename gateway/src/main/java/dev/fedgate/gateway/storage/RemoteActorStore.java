package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The cache of remote actors and their keys behind signature checks and delivery. All methods may be called
 * concurrently; each completes off the caller's thread.
 */
public interface RemoteActorStore {

  /**
   * Creates or replaces a remote actor and its whole key set. Called after fetching (and verifying) the actor
   * document, and on {@code Update} of an actor. Idempotent.
   *
   * @return {@code CREATED}, {@code UPDATED}, {@code UNCHANGED}, or {@code NAME_TAKEN} when one of its key ids
   *     belongs to another actor (nothing is written: a key has one owner)
   */
  CompletionStage<UpsertResult> upsert(RemoteActor actor);

  /** The cached actor with that id; empty when not cached. */
  CompletionStage<Optional<RemoteActor>> find(URI id);

  /** The cached actor owning the key {@code keyId}; empty when no cached actor has it. */
  CompletionStage<Optional<RemoteActor>> findByKeyId(URI keyId);

  /**
   * Forgets an actor and its keys. Called on {@code Delete} of the actor. Idempotent.
   *
   * @return {@code true} when it was cached
   */
  CompletionStage<Boolean> delete(URI id);
}
