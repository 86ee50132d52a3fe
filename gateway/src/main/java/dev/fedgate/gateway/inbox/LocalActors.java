package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.LocalActorStore;
import io.vertx.core.Future;
import java.net.URI;
import java.util.Optional;

/** Finds the local actor an activity's object names, checking that the URL's kind matches the stored actor's. */
final class LocalActors {
  private LocalActors() {}

  /** The local actor at {@code id}; empty when {@code id} is not ours or names nobody. */
  static Future<Optional<LocalActor>> find(LocalTargets targets, LocalActorStore store, URI id) {
    Optional<LocalUrls.ActorRef> ref = targets.actor(id);
    if (ref.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return Future.fromCompletionStage(store.findActor(ref.get().name()))
        .map(found -> found.filter(actor -> matches(ref.get().kind(), actor.kind())));
  }

  /** A channel lives under {@code /video-channels/}; accounts and the instance actor under {@code /accounts/}. */
  private static boolean matches(ActorKind urlKind, ActorKind stored) {
    return urlKind == ActorKind.CHANNEL ? stored == ActorKind.CHANNEL : stored != ActorKind.CHANNEL;
  }
}
