package dev.fedgate.gateway.storage;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Local actors (accounts, channels, the instance actor) and their key pairs. Accounts, channels and the instance
 * actor share one namespace of names. All methods may be called concurrently; each completes off the caller's
 * thread.
 */
public interface LocalActorStore {

  /**
   * Creates or replaces an account. Called by the Site API on {@code PUT /api/v1/accounts/{name}}. Idempotent:
   * repeating the same account answers {@link UpsertResult#UNCHANGED} and writes nothing. {@code UPDATED} writes the
   * actor's {@link FederationChange#UPDATED} {@link PendingFederation} mark in the same transaction (a new actor has
   * no followers, so {@code CREATED} marks nothing). Concurrent upserts of one name are serialised.
   *
   * @return {@code CREATED}, {@code UPDATED}, {@code UNCHANGED}, or {@code NAME_TAKEN} when a channel or the instance
   *     actor holds the name
   */
  CompletionStage<UpsertResult> upsertAccount(Account account);

  /**
   * Creates or replaces a channel. Called by the Site API on {@code PUT /api/v1/channels/{name}}. Idempotent like
   * {@link #upsertAccount}. A channel may move to another account.
   *
   * @return {@code CREATED}, {@code UPDATED}, {@code UNCHANGED}, {@code NAME_TAKEN} when an account or the instance
   *     actor holds the name, or {@code MISSING_REFERENCE} when the owning account does not exist
   */
  CompletionStage<UpsertResult> upsertChannel(Channel channel);

  /**
   * Makes sure the instance actor exists under {@code name}. Called at start. Idempotent; concurrent calls create it
   * once.
   *
   * @return {@code CREATED}, {@code UNCHANGED}, or {@code NAME_TAKEN} when an account or channel holds the name
   */
  CompletionStage<UpsertResult> ensureInstanceActor(String name);

  /** The account named {@code name}; empty when there is none (or the name is a channel's). */
  CompletionStage<Optional<Stored<Account>>> findAccount(String name);

  /** The channel named {@code name}; empty when there is none (or the name is an account's). */
  CompletionStage<Optional<Stored<Channel>>> findChannel(String name);

  /** Which kind of actor holds {@code name}, for WebFinger and inbox routing; empty when none does. */
  CompletionStage<Optional<LocalActor>> findActor(String name);

  /**
   * Stores {@code key} for the actor unless it already has a key of the same algorithm. Called by the key layer
   * after creating an actor. Idempotent and race-free: concurrent calls leave exactly one key per algorithm, and every
   * caller learns which one.
   *
   * @return the key now stored for that algorithm (the given one, or the one that was there), or empty when no local
   *     actor has that name
   */
  CompletionStage<Optional<ActorKey>> putKeyIfAbsent(String actorName, ActorKey key);

  /** The actor's keys in algorithm order; empty when it has none or does not exist. */
  CompletionStage<List<ActorKey>> findKeys(String actorName);
}
