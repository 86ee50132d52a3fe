package dev.fedgate.gateway.http;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.Stored;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.Optional;

/**
 * WebFinger ({@code /.well-known/webfinger}) and host-meta, which is where Mastodon falls back when WebFinger answers
 * 404. The {@code self} link's type is exactly {@code application/activity+json}: Mastodon matches the string.
 */
public final class WebFingerRoutes implements RouteGroup {
  static final String JRD = "application/jrd+json";
  /** Mastodon caches its own WebFinger answers for 3 days; ours change no more often. */
  private static final String CACHE_CONTROL = "max-age=259200, public";

  private final LocalUrls urls;
  private final LocalActorStore actors;

  /** WebFinger for the actors in {@code actors}, with ids built by {@code urls}. */
  public WebFingerRoutes(LocalUrls urls, LocalActorStore actors) {
    this.urls = urls;
    this.actors = actors;
  }

  /** Adds WebFinger, host-meta (XRD and JSON) and the remote-interaction redirect to {@code router}. */
  @Override
  public void mount(Router router) {
    router.get("/.well-known/webfinger").handler(this::webfinger);
    router.get("/.well-known/host-meta").handler(this::hostMetaXrd);
    router.get("/.well-known/host-meta.json").handler(this::hostMetaJson);
    router.get("/remote-interaction").handler(this::remoteInteraction);
  }

  private void webfinger(RoutingContext ctx) {
    Optional<String> name = WebFingerResource.localName(ctx.request().getParam("resource"), urls);
    if (name.isEmpty()) {
      ctx.fail(notFound());
      return;
    }
    StorageFutures.onContext(ctx, actors.findActor(name.get()))
        .compose(actor -> actor.isPresent() ? profilePage(ctx, actor.get())
            .map(page -> render(actor.get(), page)) : Future.failedFuture(notFound()))
        .onSuccess(jrd -> ctx.response()
            .putHeader("Content-Type", JRD)
            .putHeader("Access-Control-Allow-Origin", "*")
            .putHeader("Cache-Control", CACHE_CONTROL)
            .end(jrd.encode()))
        .onFailure(ctx::fail);
  }

  private Future<URI> profilePage(RoutingContext ctx, LocalActor actor) {
    if (actor.kind() == ActorKind.APPLICATION) {
      return Future.succeededFuture(urls.base());
    }
    if (actor.kind() == ActorKind.CHANNEL) {
      return StorageFutures.onContext(ctx, actors.findChannel(actor.name()))
          .map(channel -> channel.map(Stored::value).map(c -> c.url()).orElse(urls.base()));
    }
    return StorageFutures.onContext(ctx, actors.findAccount(actor.name()))
        .map(account -> account.map(Stored::value).map(a -> a.url()).orElse(urls.base()));
  }

  /** The JRD: subject, aliases (actor id, then the site's page), self, profile-page and the subscribe template. */
  JsonObject render(LocalActor actor, URI profilePage) {
    URI id = actor.kind() == ActorKind.APPLICATION ? urls.instanceActor() : urls.actor(actor.kind(), actor.name());
    return new JsonObject()
        .put("subject", "acct:" + actor.name() + "@" + urls.webfingerHost())
        .put("aliases", new JsonArray().add(id.toString()).add(profilePage.toString()))
        .put("links", new JsonArray()
            .add(new JsonObject().put("rel", "self").put("type", "application/activity+json").put("href", id.toString()))
            .add(new JsonObject().put("rel", "http://webfinger.net/rel/profile-page").put("type", "text/html")
                .put("href", profilePage.toString()))
            .add(new JsonObject().put("rel", "http://ostatus.org/schema/1.0/subscribe")
                .put("template", urls.base() + "/remote-interaction?uri={uri}")));
  }

  private void hostMetaXrd(RoutingContext ctx) {
    String xrd = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<XRD xmlns=\"http://docs.oasis-open.org/ns/xri/xrd-1.0\">\n"
        + "  <Link rel=\"lrdd\" type=\"application/jrd+json\" template=\"" + lrddTemplate() + "\"/>\n"
        + "</XRD>\n";
    ctx.response()
        .putHeader("Content-Type", "application/xrd+xml; charset=utf-8")
        .putHeader("Access-Control-Allow-Origin", "*")
        .end(xrd);
  }

  private void hostMetaJson(RoutingContext ctx) {
    JsonObject body = new JsonObject().put("links", new JsonArray().add(new JsonObject()
        .put("rel", "lrdd").put("type", JRD).put("template", lrddTemplate())));
    ctx.response()
        .putHeader("Content-Type", JRD)
        .putHeader("Access-Control-Allow-Origin", "*")
        .end(body.encode());
  }

  private String lrddTemplate() {
    return urls.base() + "/.well-known/webfinger?resource={uri}";
  }

  /**
   * The OStatus subscribe template's target. Fedgate has no user interface of its own, so it only sends the browser
   * to one of our own ids (whose HTML form redirects to the site's page); any other URI is refused, so this is never
   * an open redirect.
   */
  private void remoteInteraction(RoutingContext ctx) {
    String uri = ctx.request().getParam("uri");
    URI target;
    try {
      target = uri == null ? null : new URI(uri);
    } catch (java.net.URISyntaxException e) {
      target = null;
    }
    if (target == null || !urls.isLocal(target)) {
      ctx.fail(new FedgateException(ProblemType.INVALID_REQUEST,
          "uri must be the id of an actor or object on this server", "uri", null));
      return;
    }
    ctx.response().setStatusCode(303).putHeader("Location", target.toString()).end();
  }

  private static FedgateException notFound() {
    return new FedgateException(ProblemType.NOT_FOUND, "no such account or channel here");
  }
}
