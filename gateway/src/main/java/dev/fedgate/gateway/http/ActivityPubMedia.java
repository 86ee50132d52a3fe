package dev.fedgate.gateway.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/**
 * Content negotiation for ActivityPub documents (DESIGN.md "Actor and object URLs"): peers asking for
 * {@code application/activity+json} or {@code application/ld+json} (with or without the ActivityStreams profile:
 * PeerTube sends it bare) get JSON-LD; a browser, which asks for {@code text/html} and neither of those, is sent to the
 * site's page. Anything else (no {@code Accept}, {@code *}{@code /*}, {@code application/json}) gets JSON-LD too.
 */
final class ActivityPubMedia {
  /** The type every document is served as: the string Mastodon and PeerTube match. */
  static final String ACTIVITY_JSON = "application/activity+json";

  private ActivityPubMedia() {}

  /** The first handler of every document route: responses differ by {@code Accept}, so caches must key on it. */
  static void varyOnAccept(RoutingContext ctx) {
    ctx.response().putHeader("Vary", "Accept");
    ctx.next();
  }

  /** Whether the request is from a browser that should be redirected rather than served JSON-LD. */
  static boolean wantsHtml(String accept) {
    if (accept == null) {
      return false;
    }
    String types = accept.toLowerCase(Locale.ROOT);
    return types.contains("text/html") && !types.contains(ACTIVITY_JSON) && !types.contains("application/ld+json");
  }
}
