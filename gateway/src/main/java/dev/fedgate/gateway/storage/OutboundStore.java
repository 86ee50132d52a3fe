package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Follows and likes by local accounts of remote actors and objects, at most one of each kind per account and object.
 * All methods may be called concurrently; each completes off the caller's thread.
 */
public interface OutboundStore {

  /**
   * Records a follow or like. Called by the Site API before the activity is queued. Idempotent: when the account
   * already has one of that kind for that object, the stored one is kept (its activity id is re-sent) and the result
   * is {@code UNCHANGED}.
   *
   * @return {@code CREATED}, {@code UNCHANGED}, or {@code MISSING_REFERENCE} when no local account has that name
   */
  CompletionStage<UpsertResult> add(OutboundAction action);

  /** The account's follow or like of {@code object}; empty when there is none. */
  CompletionStage<Optional<Stored<OutboundAction>>> find(String account, OutboundKind kind, URI object);

  /** The follow or like we sent as {@code activityId}; empty when there is none. */
  CompletionStage<Optional<Stored<OutboundAction>>> findByActivity(URI activityId);

  /**
   * Moves the action sent as {@code activityId} to {@code state}. Called when the followed actor accepts. Idempotent.
   *
   * @return {@code true} when such an action exists
   */
  CompletionStage<Boolean> setState(URI activityId, FollowState state);

  /**
   * Removes the account's follow or like of {@code object}. Called on unfollow, unlike, or the actor's
   * {@code Reject}. Idempotent.
   *
   * @return {@code true} when one was removed
   */
  CompletionStage<Boolean> remove(String account, OutboundKind kind, URI object);

  /** An account's follows or likes in one state, oldest first, keyset-paged. Empty for an unknown account. */
  CompletionStage<Page<Stored<OutboundAction>>> page(String account, OutboundKind kind, FollowState state,
      PageRequest page);

  /** How many follows or likes of an account are in one state ({@code totalItems}); 0 for an unknown account. */
  CompletionStage<Long> count(String account, OutboundKind kind, FollowState state);

  /** Whether any local account follows {@code actor} with an accepted follow (whose posts we then take in). */
  CompletionStage<Boolean> isFollowed(URI actor);
}
