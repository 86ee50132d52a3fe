package dev.fedgate.gateway.http;

import dev.fedgate.gateway.api.Approvals;
import dev.fedgate.gateway.api.Change;
import dev.fedgate.gateway.api.SiteApi;
import dev.fedgate.gateway.api.SiteInputs;
import dev.fedgate.gateway.api.SiteOutputs;
import dev.fedgate.gateway.config.ApiToken;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.CommentStatus;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The Site API under {@code /api/v1}: bearer-token authenticated JSON, errors as problem+json naming the field.
 * Handlers only translate: parsing is {@link SiteInputs}, behaviour is {@link SiteApi}, JSON is {@link SiteOutputs}.
 */
public final class SiteApiRoutes implements RouteGroup {
  private static final String JSON = "application/json";
  /** Items per page of a Site API list unless {@code limit} says otherwise. */
  static final int DEFAULT_PAGE_SIZE = 100;
  private static final String OPENAPI = loadOpenApi();

  private final SiteApi api;
  private final Approvals approvals;
  private final SiteOutputs outputs;
  private final ApiToken token;
  private final long maxBodyBytes;

  /**
   * Routes over {@code api} and {@code approvals}, admitting requests that carry {@code token}, with bodies up to
   * {@code maxBodyBytes}.
   */
  public SiteApiRoutes(SiteApi api, Approvals approvals, SiteOutputs outputs, ApiToken token, long maxBodyBytes) {
    this.api = api;
    this.approvals = approvals;
    this.outputs = outputs;
    this.token = token;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Adds the authentication, body and resource routes to {@code router}. */
  @Override
  public void mount(Router router) {
    // The description is public, so it is routed before authentication.
    router.get("/api/v1/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", JSON).putHeader("Access-Control-Allow-Origin", "*").end(OPENAPI));
    router.route("/api/v1/*").handler(this::authenticate);
    router.route("/api/v1/*").handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes));
    router.put("/api/v1/accounts/:name").handler(ctx -> write(ctx,
        api.putAccount(SiteInputs.account(ctx.pathParam("name"), body(ctx))), outputs::account));
    router.get("/api/v1/accounts/:name").handler(ctx -> read(ctx,
        api.account(SiteInputs.name("name", ctx.pathParam("name"))), outputs::account));
    router.put("/api/v1/channels/:name").handler(ctx -> write(ctx,
        api.putChannel(SiteInputs.channel(ctx.pathParam("name"), body(ctx))), outputs::channel));
    router.get("/api/v1/channels/:name").handler(ctx -> read(ctx,
        api.channel(SiteInputs.name("name", ctx.pathParam("name"))), outputs::channel));
    router.put("/api/v1/videos/:uuid").handler(ctx -> write(ctx,
        api.putVideo(SiteInputs.video(SiteInputs.uuid(ctx.pathParam("uuid")), body(ctx))), outputs::video));
    router.get("/api/v1/videos/:uuid").handler(ctx -> read(ctx,
        api.video(SiteInputs.uuid(ctx.pathParam("uuid"))), outputs::video));
    router.get("/api/v1/accounts/:name/followers").handler(this::followers);
    router.get("/api/v1/channels/:name/followers").handler(this::followers);
    mountApprovals(router);
    router.get("/api/v1/videos/:uuid/comments").handler(ctx -> readPage(ctx,
        request -> api.comments(SiteInputs.uuid(ctx.pathParam("uuid")), commentStates(ctx), request),
        page -> outputs.page(page, outputs::comment)));
    router.get("/api/v1/hosts").handler(ctx -> readPage(ctx, api::hosts, page -> outputs.page(page, outputs::host)));
    router.post("/api/v1/hosts/:host/redrive").handler(ctx -> read(ctx, api.redrive(host(ctx.pathParam("host"))),
        requeued -> new JsonObject().put("requeued", requeued)));
    router.get("/api/v1/events").handler(ctx -> readPage(ctx, api::events,
        page -> outputs.page(page, outputs::event)));
    router.delete("/api/v1/videos/:uuid").handler(ctx ->
        noContent(ctx, api.deleteVideo(SiteInputs.uuid(ctx.pathParam("uuid")))));
  }

  /** The site's decisions on pending follows and held comments; refusals answer 204. */
  private void mountApprovals(Router router) {
    for (ActorKind kind : List.of(ActorKind.ACCOUNT, ActorKind.CHANNEL)) {
      String path = (kind == ActorKind.CHANNEL ? "/api/v1/channels" : "/api/v1/accounts") + "/:name/followers/";
      router.post(path + "accept").handler(ctx -> read(ctx, approvals.acceptFollower(kind,
          SiteInputs.name("name", ctx.pathParam("name")), SiteInputs.remoteId("actor", body(ctx))),
          outputs::follower));
      router.post(path + "reject").handler(ctx -> noContent(ctx, approvals.rejectFollower(kind,
          SiteInputs.name("name", ctx.pathParam("name")), SiteInputs.remoteId("actor", body(ctx)))));
    }
    router.post("/api/v1/videos/:uuid/comments/approve").handler(ctx -> read(ctx, approvals.approveComment(
        SiteInputs.uuid(ctx.pathParam("uuid")), SiteInputs.remoteId("id", body(ctx))), outputs::comment));
    router.post("/api/v1/videos/:uuid/comments/reject").handler(ctx -> noContent(ctx, approvals.rejectComment(
        SiteInputs.uuid(ctx.pathParam("uuid")), SiteInputs.remoteId("id", body(ctx)))));
  }

  private static void noContent(RoutingContext ctx, java.util.concurrent.CompletionStage<?> done) {
    StorageFutures.onContext(ctx, done)
        .onSuccess(ignored -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void followers(RoutingContext ctx) {
    FollowState state = enumParam(ctx, "state", FollowState.class, FollowState.ACCEPTED);
    String name = SiteInputs.name("name", ctx.pathParam("name"));
    readPage(ctx, request -> api.followers(name, state, request), page -> outputs.page(page, outputs::follower));
  }

  /** A host as deliveries name it: a DNS name or address, with an optional port. */
  private static String host(String text) {
    if (text == null || !text.matches("[A-Za-z0-9.\\[\\]:-]{1,300}")) {
      throw new FedgateException(ProblemType.INVALID_REQUEST, "host must be a host name, optionally with :port",
          "host", null);
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /**
   * {@code ?after=<cursor>} (a page's {@code next}) or {@code ?before=<cursor>} (its {@code prev}), and
   * {@code &limit=<1..1000>}; the default page holds {@value #DEFAULT_PAGE_SIZE} items.
   */
  static PageRequest pageRequest(RoutingContext ctx) {
    String limitText = ctx.request().getParam("limit");
    int limit = DEFAULT_PAGE_SIZE;
    if (limitText != null) {
      try {
        limit = Integer.parseInt(limitText);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
        throw new FedgateException(ProblemType.INVALID_REQUEST,
            "limit must be a whole number from 1 to " + PageRequest.MAX_LIMIT, "limit", null);
      }
    }
    String after = ctx.request().getParam("after");
    String before = ctx.request().getParam("before");
    if (after != null && before != null) {
      throw new FedgateException(ProblemType.INVALID_REQUEST, "a page is after a cursor or before one, not both",
          "before", null);
    }
    if (before != null) {
      return PageRequest.before(before, limit);
    }
    return after == null ? PageRequest.first(limit) : PageRequest.after(after, limit);
  }

  /** {@code ?status=visible,held}: which comments to list; visible ones by default. */
  private static Set<CommentStatus> commentStates(RoutingContext ctx) {
    String text = ctx.request().getParam("status");
    if (text == null) {
      return Set.of(CommentStatus.VISIBLE);
    }
    Set<CommentStatus> states = EnumSet.noneOf(CommentStatus.class);
    for (String part : text.split(",")) {
      states.add(parseEnum("status", part.trim(), CommentStatus.class));
    }
    return states;
  }

  static <E extends Enum<E>> E enumParam(RoutingContext ctx, String name, Class<E> type, E fallback) {
    String text = ctx.request().getParam(name);
    return text == null ? fallback : parseEnum(name, text, type);
  }

  private static <E extends Enum<E>> E parseEnum(String name, String text, Class<E> type) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equalsIgnoreCase(text)) {
        return value;
      }
    }
    throw new FedgateException(ProblemType.INVALID_REQUEST, name + " must be one of "
        + String.join(", ", java.util.Arrays.stream(type.getEnumConstants())
            .map(e -> e.name().toLowerCase(Locale.ROOT)).toList()), name, null);
  }

  private static String loadOpenApi() {
    try (java.io.InputStream in = SiteApiRoutes.class.getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the build");
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Compares the bearer token in constant time; the answer never says which part was wrong. */
  private void authenticate(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim() : null;
    if (!token.matches(presented)) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"fedgate\"");
      ctx.fail(new FedgateException(ProblemType.UNAUTHORIZED, "a valid Authorization: Bearer token is required"));
      return;
    }
    ctx.next();
  }

  static String body(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith(JSON)) {
      throw new FedgateException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
    }
    return ctx.body().asString();
  }

  static <T> void write(RoutingContext ctx, java.util.concurrent.CompletionStage<Change<T>> change,
      Function<dev.fedgate.gateway.storage.Stored<T>, JsonObject> render) {
    StorageFutures.onContext(ctx, change)
        .onSuccess(done -> {
          JsonObject json = render.apply(done.stored());
          if (done.created()) {
            ctx.response().setStatusCode(201).putHeader("Location", ctx.request().path());
          }
          ctx.response().putHeader("Content-Type", JSON).end(json.encode());
        })
        .onFailure(ctx::fail);
  }

  /** Reads the page the query asks for ({@link #pageRequest}) and renders it. */
  static <T> void readPage(RoutingContext ctx, Function<PageRequest, CompletionStage<Page<T>>> read,
      Function<Page<T>, JsonObject> render) {
    PageRequest request = pageRequest(ctx);
    read(ctx, StorageFutures.refusingMalformedCursor(read.apply(request), request.backward() ? "before" : "after"),
        render);
  }

  static <T> void read(RoutingContext ctx, java.util.concurrent.CompletionStage<T> found,
      Function<T, JsonObject> render) {
    Future<T> future = StorageFutures.onContext(ctx, found);
    future.onSuccess(value -> ctx.response().putHeader("Content-Type", JSON).end(render.apply(value).encode()))
        .onFailure(ctx::fail);
  }
}
