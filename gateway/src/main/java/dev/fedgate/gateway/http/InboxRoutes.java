package dev.fedgate.gateway.http;

import dev.fedgate.gateway.inbox.InboxCounters;
import dev.fedgate.gateway.inbox.InboxOutcome;
import dev.fedgate.gateway.inbox.InboxPipeline;
import dev.fedgate.gateway.inbox.InboxRefusal;
import dev.fedgate.gateway.inbox.InboxRequest;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.signatures.HttpRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code POST /inbox} (shared), {@code POST /accounts/{name}/inbox} and {@code POST /video-channels/{name}/inbox}:
 * reads the raw body (capped), hands it to the {@link InboxPipeline}, and answers 202 or the refusal as problem+json
 * with its {@code reason}. {@code onAccepted} is told after each newly queued activity (the worker starts at once).
 */
public final class InboxRoutes implements RouteGroup {
  private final InboxPipeline pipeline;
  private final LocalUrls urls;
  private final LocalActorStore actors;
  private final long maxBodyBytes;
  private final Runnable onAccepted;
  private final InboxCounters counters;

  /** Routes into {@code pipeline} for the local actors in {@code actors}; refusals made here count in {@code counters}. */
  public InboxRoutes(InboxPipeline pipeline, InboxCounters counters, LocalUrls urls, LocalActorStore actors,
      long maxBodyBytes, Runnable onAccepted) {
    this.pipeline = pipeline;
    this.counters = counters;
    this.urls = urls;
    this.actors = actors;
    this.maxBodyBytes = maxBodyBytes;
    this.onAccepted = onAccepted;
  }

  /** Adds the inbox routes to {@code router}. */
  @Override
  public void mount(Router router) {
    router.post("/inbox").handler(ctx -> readBody(ctx, body -> receive(ctx, body, Optional.empty())));
    router.post("/accounts/:name/inbox").handler(ctx -> readBody(ctx, body -> recipient(ctx, body, ActorKind.ACCOUNT)));
    router.post("/video-channels/:name/inbox")
        .handler(ctx -> readBody(ctx, body -> recipient(ctx, body, ActorKind.CHANNEL)));
  }

  /**
   * Collects the raw body up to the cap: a larger {@code Content-Length} is refused before reading, and a body that
   * grows past the cap while streaming is refused as soon as it does (the rest is not buffered).
   */
  private void readBody(RoutingContext ctx, Consumer<byte[]> next) {
    HttpServerRequest request = ctx.request();
    String length = request.getHeader("Content-Length");
    if (length != null && declaredTooLarge(length)) {
      refuse(ctx, InboxRefusal.BODY_TOO_LARGE, "the body exceeds " + maxBodyBytes + " bytes");
      return;
    }
    Buffer body = Buffer.buffer();
    request.handler(chunk -> {
      if (ctx.response().headWritten()) {
        return;
      }
      if (body.length() + chunk.length() > maxBodyBytes) {
        refuse(ctx, InboxRefusal.BODY_TOO_LARGE, "the body exceeds " + maxBodyBytes + " bytes");
        return;
      }
      body.appendBuffer(chunk);
    });
    request.endHandler(end -> {
      if (!ctx.response().headWritten()) {
        next.accept(body.getBytes());
      }
    });
    request.resume();
  }

  private boolean declaredTooLarge(String length) {
    try {
      return Long.parseLong(length.trim()) > maxBodyBytes;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private void recipient(RoutingContext ctx, byte[] body, ActorKind kind) {
    String name = ctx.pathParam("name");
    StorageFutures.onContext(ctx, actors.findActor(name)).onComplete(found -> {
      if (found.failed()) {
        refuse(ctx, InboxRefusal.STORAGE_UNAVAILABLE, "storage is not answering");
        return;
      }
      boolean matches = found.result()
          .filter(actor -> kind == ActorKind.CHANNEL ? actor.kind() == ActorKind.CHANNEL
              : actor.kind() != ActorKind.CHANNEL)
          .isPresent();
      if (matches) {
        receive(ctx, body, Optional.of(name));
      } else {
        refuse(ctx, InboxRefusal.UNKNOWN_RECIPIENT, "no such actor");
      }
    });
  }

  private void receive(RoutingContext ctx, byte[] body, Optional<String> recipient) {
    HttpRequest request;
    try {
      request = SignedRequests.of(ctx, urls, body);
    } catch (URISyntaxException e) {
      refuse(ctx, InboxRefusal.SIGNATURE_INVALID, "the Host header or the request target is malformed");
      return;
    }
    pipeline.receive(new InboxRequest(request.target(), request.headers(), body, recipient))
        .onComplete(done -> answer(ctx, done.result()));
  }

  private void refuse(RoutingContext ctx, InboxRefusal refusal, String detail) {
    InboxOutcome.Refused refused = new InboxOutcome.Refused(refusal, detail, Optional.empty());
    counters.answered(refused);
    answer(ctx, refused);
  }

  private void answer(RoutingContext ctx, InboxOutcome outcome) {
    if (ctx.response().headWritten()) {
      return;
    }
    if (outcome instanceof InboxOutcome.Accepted accepted) {
      ctx.response().setStatusCode(202).end();
      if (accepted.acceptance() == InboxOutcome.Acceptance.QUEUED) {
        onAccepted.run();
      }
      return;
    }
    InboxOutcome.Refused refused = (InboxOutcome.Refused) outcome;
    JsonObject body = new JsonObject()
        .put("type", "urn:fedgate:problem:" + refused.reason())
        .put("title", "Activity refused")
        .put("status", refused.refusal().status())
        .put("detail", refused.detail())
        .put("instance", ctx.request().path())
        .put("reason", refused.reason());
    refused.pointer().ifPresent(pointer -> body.put("field", pointer));
    ctx.response().setStatusCode(refused.refusal().status())
        .putHeader("Content-Type", ProblemResponses.PROBLEM_JSON)
        .end(body.encode());
  }
}
