package dev.fedgate.gateway.inbox;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.activity.Activity;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.activity.Delete;
import dev.fedgate.vocab.activity.ObjectActivity;
import dev.fedgate.vocab.activity.Update;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Same-origin rules for an activity whose actor is authenticated (Mastodon's): its id is on the actor's host; the
 * object a Create, Update or Delete acts on is on the actor's host; an Update of an actor updates the actor itself.
 */
final class Origins {
  private Origins() {}

  /** Whether two URLs share scheme, host and port. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  /** The first rule {@code activity} breaks, as a client-safe sentence; empty when it breaks none. */
  static Optional<String> violation(Activity activity, URI actor) {
    if (!sameOrigin(activity.id(), actor)) {
      return Optional.of("the activity id is not on the actor's host");
    }
    if (activity instanceof Create || activity instanceof Update || activity instanceof Delete) {
      ObjectActivity acting = (ObjectActivity) activity;
      if (!sameOrigin(acting.object().id(), actor)) {
        return Optional.of("the object is not on the actor's host");
      }
      Optional<ApObject> embedded = acting.object().embedded();
      if (activity instanceof Update && embedded.isPresent() && embedded.get() instanceof Actor
          && !embedded.get().id().equals(actor)) {
        return Optional.of("an actor may only update itself");
      }
    }
    return Optional.empty();
  }

  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
  }
}
