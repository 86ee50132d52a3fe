package dev.fedgate.gateway.http;

import dev.fedgate.gateway.mapping.LocalCollections;
import dev.fedgate.gateway.mapping.LocalCollections.ActorPath;
import dev.fedgate.gateway.mapping.PagePosition;
import dev.fedgate.gateway.mapping.RenderedDocuments;
import dev.fedgate.gateway.mapping.RenderedDocuments.Rendered;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.json.VocabWriter;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The public face: actor documents, videos (410 with a Tombstone once deleted), and the collections of both, at
 * PeerTube's URLs (DESIGN.md). Every route is {@code varyOnAccept}, then the access check (a no-op, or
 * {@link AuthorizedFetch}), then its handler.
 */
public final class ActivityPubRoutes implements RouteGroup {
  private final RenderedDocuments documents;
  private final LocalCollections collections;
  private final Executor cpu;
  private final Handler<RoutingContext> access;
  private final VocabWriter writer = VocabWriter.create();

  /**
   * Documents from {@code documents}, collections from {@code collections}, pages rendered on {@code cpu}; with
   * {@code authorizedFetch}, every request must pass its signature check first (else anyone may fetch, as on Mastodon
   * without secure mode).
   */
  public ActivityPubRoutes(RenderedDocuments documents, LocalCollections collections, Executor cpu,
      Optional<AuthorizedFetch> authorizedFetch) {
    this.documents = Objects.requireNonNull(documents, "documents");
    this.collections = Objects.requireNonNull(collections, "collections");
    this.cpu = Objects.requireNonNull(cpu, "cpu");
    this.access = authorizedFetch.<Handler<RoutingContext>>map(check -> check).orElse(RoutingContext::next);
  }

  /** Adds every actor, video and collection route to {@code router}. */
  @Override
  public void mount(Router router) {
    route(router, "/accounts/:name", ctx -> document(ctx, documents.accountPath(ctx.pathParam("name"))));
    route(router, "/video-channels/:name", ctx -> document(ctx, documents.channelPath(ctx.pathParam("name"))));
    route(router, "/videos/watch/:uuid", ctx -> document(ctx, byUuid(ctx, documents::video)));
    for (ActorPath path : ActorPath.values()) {
      String prefix = path == ActorPath.ACCOUNTS ? "/accounts/:name" : "/video-channels/:name";
      route(router, prefix + "/outbox",
          ctx -> collection(ctx, position -> collections.outbox(path, name(ctx), position)));
      route(router, prefix + "/followers",
          ctx -> collection(ctx, position -> collections.followers(path, name(ctx), position)));
      route(router, prefix + "/following",
          ctx -> collection(ctx, position -> collections.following(path, name(ctx), position)));
    }
    route(router, "/accounts/:name/replies/:key",
        ctx -> document(ctx, documents.reply(name(ctx), ctx.pathParam("key"))));
    route(router, "/videos/watch/:uuid/comments",
        ctx -> collection(ctx, position -> byUuid(ctx, uuid -> collections.comments(uuid, position))));
    route(router, "/videos/watch/:uuid/comments/:id", ctx -> document(ctx, byUuid(ctx, uuid -> {
      String id = ctx.pathParam("id");
      return id.matches("[0-9]{1,18}") ? documents.comment(uuid, Long.parseLong(id))
          : CompletableFuture.completedFuture(Optional.empty());
    })));
    route(router, "/videos/watch/:uuid/likes", ctx -> interactions(ctx, InteractionKind.LIKE));
    route(router, "/videos/watch/:uuid/dislikes", ctx -> interactions(ctx, InteractionKind.DISLIKE));
    route(router, "/videos/watch/:uuid/announces", ctx -> interactions(ctx, InteractionKind.SHARE));
  }

  private void route(Router router, String path, Handler<RoutingContext> handler) {
    router.get(path).handler(ActivityPubMedia::varyOnAccept).handler(access).handler(handler);
  }

  private void document(RoutingContext ctx, CompletionStage<Optional<Rendered>> lookup) {
    StorageFutures.onContext(ctx, lookup).onSuccess(found -> {
      if (found.isEmpty()) {
        ctx.fail(notFound(ctx));
        return;
      }
      Rendered rendered = found.get();
      if (rendered.gone()) {
        json(ctx, 410, rendered.json());
      } else if (ActivityPubMedia.wantsHtml(ctx.request().getHeader("Accept"))) {
        ctx.response().setStatusCode(302).putHeader("Location", rendered.page().get().toString()).end();
      } else {
        json(ctx, 200, rendered.json());
      }
    }).onFailure(ctx::fail);
  }

  private void collection(RoutingContext ctx,
      Function<Optional<PagePosition>, CompletionStage<Optional<Collection>>> read) {
    Optional<PagePosition> position;
    try {
      position = position(ctx);
    } catch (FedgateException e) {
      ctx.fail(e);
      return;
    }
    String cursorField = position.flatMap(PagePosition::before).isPresent() ? "before" : "after";
    CompletionStage<Optional<byte[]>> rendered = StorageFutures.refusingMalformedCursor(read.apply(position),
        cursorField).thenApplyAsync(found -> found.map(writer::write), cpu);
    StorageFutures.onContext(ctx, rendered)
        .onSuccess(found -> found.ifPresentOrElse(json -> json(ctx, 200, json), () -> ctx.fail(notFound(ctx))))
        .onFailure(ctx::fail);
  }

  private void interactions(RoutingContext ctx, InteractionKind kind) {
    collection(ctx, position -> byUuid(ctx, uuid -> collections.interactions(uuid, kind, position)));
  }

  /**
   * No {@code page}, {@code after} or {@code before}: the collection itself; otherwise the page at that cursor. The
   * {@code from} of page ids made before pages were read backward is ignored: the store gives {@code prev} now.
   */
  private static Optional<PagePosition> position(RoutingContext ctx) {
    Optional<String> after = Optional.ofNullable(ctx.request().getParam("after"));
    Optional<String> before = Optional.ofNullable(ctx.request().getParam("before"));
    if (ctx.request().getParam("page") == null && after.isEmpty() && before.isEmpty()) {
      return Optional.empty();
    }
    if (after.isPresent() && before.isPresent()) {
      throw new FedgateException(ProblemType.INVALID_REQUEST, "a page is after a cursor or before one, not both",
          "before", null);
    }
    return Optional.of(new PagePosition(after, before));
  }

  private static void json(RoutingContext ctx, int status, byte[] json) {
    ctx.response().setStatusCode(status)
        .putHeader("Content-Type", ActivityPubMedia.ACTIVITY_JSON)
        .end(Buffer.buffer(json));
  }

  private static String name(RoutingContext ctx) {
    return ctx.pathParam("name");
  }

  /** Looks up the path's uuid; anything but a uuid in canonical form names nothing here. */
  private static <T> CompletionStage<Optional<T>> byUuid(RoutingContext ctx,
      Function<UUID, CompletionStage<Optional<T>>> lookup) {
    String text = ctx.pathParam("uuid");
    try {
      UUID uuid = UUID.fromString(text);
      if (uuid.toString().equalsIgnoreCase(text)) {
        return lookup.apply(uuid);
      }
    } catch (IllegalArgumentException e) {
      // Not a uuid: answered below like an unknown one.
    }
    return CompletableFuture.completedFuture(Optional.empty());
  }

  private static FedgateException notFound(RoutingContext ctx) {
    return new FedgateException(ProblemType.NOT_FOUND, "nothing is published at " + ctx.request().path());
  }
}
