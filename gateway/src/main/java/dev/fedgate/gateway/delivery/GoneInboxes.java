package dev.fedgate.gateway.delivery;

import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteActorStore;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Drops the follows of an actor whose personal inbox answered 410 Gone: the actor was deleted. The actor is the one
 * whose inbox is {@code <actor>/inbox} (Mastodon's and PeerTube's layout); a cached actor document with another
 * inbox wins over that guess, and a shared inbox ({@code /inbox} at the root) never removes anyone.
 */
final class GoneInboxes {
  private static final String INBOX_SUFFIX = "/inbox";

  private final FollowStore follows;
  private final RemoteActorStore actors;

  GoneInboxes(FollowStore follows, RemoteActorStore actors) {
    this.follows = Objects.requireNonNull(follows, "follows");
    this.actors = Objects.requireNonNull(actors, "actors");
  }

  /** Removes the follows of the actor owning {@code inbox}; completes with how many were removed. */
  CompletionStage<Integer> inboxGone(URI inbox) {
    Optional<URI> owner = ownerByLayout(inbox);
    if (owner.isEmpty()) {
      return CompletableFuture.completedFuture(0);
    }
    URI actor = owner.get();
    return actors.find(actor).thenCompose(cached -> {
      boolean sameInbox = cached.map(RemoteActor::inbox).map(inbox::equals).orElse(true);
      return sameInbox ? follows.removeFollower(actor) : CompletableFuture.completedFuture(0);
    });
  }

  private static Optional<URI> ownerByLayout(URI inbox) {
    String path = inbox.getRawPath();
    if (inbox.getRawQuery() != null || path == null || !path.endsWith(INBOX_SUFFIX)
        || path.length() <= INBOX_SUFFIX.length()) {
      return Optional.empty();
    }
    String text = inbox.toString();
    return Optional.of(URI.create(text.substring(0, text.length() - INBOX_SUFFIX.length())));
  }
}
