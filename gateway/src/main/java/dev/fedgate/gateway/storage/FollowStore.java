package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** Remote followers of local actors. All methods may be called concurrently; each completes off the caller's thread. */
public interface FollowStore {
  /** The most local actors one {@link #deliveryInboxes} call may name. */
  int MAX_DELIVERY_ACTORS = 100;

  /**
   * Creates or replaces the follow of {@code follow.follower()} on {@code follow.localActor()}. Called by the inbox on
   * {@code Follow} (a repeated Follow is {@code UNCHANGED} or updates the activity id and inboxes) and when the site
   * approves a pending follow. Idempotent.
   *
   * @return {@code CREATED}, {@code UPDATED}, {@code UNCHANGED}, or {@code MISSING_REFERENCE} when the local actor
   *     does not exist
   */
  CompletionStage<UpsertResult> upsert(Follow follow);

  /** The follow of {@code follower} on {@code localActor}; empty when there is none. */
  CompletionStage<Optional<Stored<Follow>>> find(String localActor, URI follower);

  /**
   * Removes one follow. Called on {@code Undo{Follow}}, a {@code Block}, or a rejected request. Idempotent.
   *
   * @return {@code true} when a follow was removed
   */
  CompletionStage<Boolean> remove(String localActor, URI follower);

  /**
   * Removes every follow by {@code follower}. Called when the remote actor is deleted or its inbox answers 410.
   * Idempotent.
   *
   * @return how many follows were removed
   */
  CompletionStage<Integer> removeFollower(URI follower);

  /**
   * Removes every follow whose own inbox is {@code inbox}. Called when a delivery to that personal inbox answers
   * {@code 410 Gone}. Shared inboxes are not matched: a 410 there says nothing about one follower. Idempotent.
   *
   * @return how many follows were removed
   */
  CompletionStage<Integer> removeByInbox(URI inbox);

  /**
   * The followers of a local actor in one state, oldest follow first, keyset-paged: a follower that existed when
   * paging began is listed exactly once however many follows arrive meanwhile. Empty for an unknown actor.
   */
  CompletionStage<Page<Stored<Follow>>> page(String localActor, FollowState state, PageRequest page);

  /** How many followers of a local actor are in one state ({@code totalItems}); 0 for an unknown actor. */
  CompletionStage<Long> count(String localActor, FollowState state);

  /**
   * Where to deliver an activity addressed to the accepted followers of any of {@code localActors}: one entry per
   * distinct target, the shared inbox when a follower has one, else its own inbox.
   *
   * @throws IllegalArgumentException when naming more than {@value #MAX_DELIVERY_ACTORS} actors
   */
  CompletionStage<Set<URI>> deliveryInboxes(Collection<String> localActors);
}
