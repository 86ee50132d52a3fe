package dev.fedgate.gateway.http;

import static dev.fedgate.gateway.http.SiteApiRoutes.body;
import static dev.fedgate.gateway.http.SiteApiRoutes.read;
import static dev.fedgate.gateway.http.SiteApiRoutes.readPage;
import static dev.fedgate.gateway.http.SiteApiRoutes.write;

import dev.fedgate.gateway.api.AccountActions;
import dev.fedgate.gateway.api.AccountInputs;
import dev.fedgate.gateway.api.LocalComments;
import dev.fedgate.gateway.api.SiteInputs;
import dev.fedgate.gateway.api.SiteOutputs;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.FollowState;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The Site API routes through which a local account writes and acts: comments under local videos
 * ({@code /api/v1/videos/{uuid}/comments}) and follows, likes and replies of remote content
 * ({@code /api/v1/accounts/{name}/following}, {@code .../likes}, {@code .../replies}). Mounted after
 * {@link SiteApiRoutes}, whose authentication and body handlers cover every {@code /api/v1} route.
 */
public final class AccountActionRoutes implements RouteGroup {
  private final AccountActions actions;
  private final LocalComments comments;
  private final SiteOutputs outputs;

  /** Routes over {@code actions} and {@code comments}, rendering with {@code outputs}. */
  public AccountActionRoutes(AccountActions actions, LocalComments comments, SiteOutputs outputs) {
    this.actions = actions;
    this.comments = comments;
    this.outputs = outputs;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/videos/:uuid/comments").handler(ctx -> {
      UUID video = SiteInputs.uuid(ctx.pathParam("uuid"));
      StorageFutures.onContext(ctx, comments.add(video, AccountInputs.comment(body(ctx))))
          .onSuccess(stored -> ctx.response().setStatusCode(201).putHeader("Content-Type", "application/json")
              .putHeader("Location", ctx.request().path() + "/" + stored.value().id())
              .end(outputs.comment(stored).encode()))
          .onFailure(ctx::fail);
    });
    router.delete("/api/v1/videos/:uuid/comments/:id").handler(ctx -> noContent(ctx,
        comments.delete(SiteInputs.uuid(ctx.pathParam("uuid")), commentId(ctx.pathParam("id")))));
    router.post("/api/v1/accounts/:name/following").handler(ctx -> write(ctx,
        actions.follow(name(ctx), AccountInputs.followTarget(body(ctx))), outputs::outbound));
    router.get("/api/v1/accounts/:name/following").handler(ctx -> readPage(ctx,
        request -> actions.following(name(ctx), SiteApiRoutes.enumParam(ctx, "state", FollowState.class,
            FollowState.ACCEPTED), request), page -> outputs.page(page, outputs::outbound)));
    router.delete("/api/v1/accounts/:name/following/:target").handler(ctx -> noContent(ctx,
        actions.unfollow(name(ctx), ctx.pathParam("target"))));
    router.post("/api/v1/accounts/:name/likes").handler(ctx -> write(ctx,
        actions.like(name(ctx), AccountInputs.objectUrl(body(ctx), "object")), outputs::outbound));
    router.delete("/api/v1/accounts/:name/likes").handler(ctx -> noContent(ctx,
        actions.unlike(name(ctx), objectParam(ctx))));
    router.post("/api/v1/accounts/:name/replies").handler(ctx -> {
      AccountInputs.Reply reply = AccountInputs.reply(body(ctx));
      StorageFutures.onContext(ctx, actions.reply(name(ctx), reply.inReplyTo(), reply.text()))
          .onSuccess(change -> {
            JsonObject json = outputs.reply(change.stored());
            // 202: stored and queued, not yet delivered; a retried identical reply answers 200 with the same one.
            ctx.response().setStatusCode(change.created() ? 202 : 200).putHeader("Content-Type", "application/json")
                .putHeader("Location", ctx.request().path() + "/" + json.getString("key")).end(json.encode());
          })
          .onFailure(ctx::fail);
    });
    router.get("/api/v1/accounts/:name/replies").handler(ctx -> readPage(ctx,
        request -> actions.replies(name(ctx), request), page -> outputs.page(page, outputs::reply)));
    router.delete("/api/v1/accounts/:name/replies/:key").handler(ctx -> noContent(ctx,
        actions.deleteReply(name(ctx), ctx.pathParam("key"))));
  }

  private static long commentId(String text) {
    if (text == null || !text.matches("[0-9]{1,18}")) {
      throw new FedgateException(ProblemType.INVALID_REQUEST, "id must be a comment number", "id", null);
    }
    return Long.parseLong(text);
  }

  private static String name(RoutingContext ctx) {
    return SiteInputs.name("name", ctx.pathParam("name"));
  }

  /** {@code ?object=<url>}: the liked object whose like is withdrawn. */
  private static URI objectParam(RoutingContext ctx) {
    String object = ctx.request().getParam("object");
    if (object == null) {
      throw new FedgateException(ProblemType.INVALID_REQUEST, "object: the liked object's URL is required",
          "object", null);
    }
    return AccountInputs.url("object", object);
  }

  private static void noContent(RoutingContext ctx, CompletionStage<Void> done) {
    StorageFutures.onContext(ctx, done).onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
