package dev.fedgate.gateway.http;

import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Renders failures as RFC 9457 {@code application/problem+json}, the only error shape the gateway answers with. */
public final class ProblemResponses {
  /** The media type of every error body. */
  public static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger LOG = Logger.getLogger(ProblemResponses.class.getName());

  private ProblemResponses() {}

  /** Sends {@code problem} as the response, unless a response was already started. */
  public static void send(RoutingContext ctx, FedgateException problem) {
    HttpServerResponse response = ctx.response();
    if (response.headWritten()) {
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", problem.type().typeUri())
        .put("title", problem.type().title())
        .put("status", problem.type().status())
        .put("detail", problem.safeDetail())
        .put("instance", ctx.request().path())
        .put("reason", problem.type().slug());
    problem.field().ifPresent(field -> body.put("field", field));
    response.setStatusCode(problem.type().status())
        .putHeader("Content-Type", PROBLEM_JSON)
        .end(body.encode());
  }

  /** The router's failure handler: maps whatever failed to a problem and logs what the client must not see. */
  public static void handleFailure(RoutingContext ctx) {
    send(ctx, toProblem(ctx));
  }

  private static FedgateException toProblem(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof FedgateException fe) {
      if (fe.type() == ProblemType.INTERNAL || fe.type() == ProblemType.UNAVAILABLE) {
        LOG.log(Level.WARNING, ctx.request().method() + " " + ctx.request().path() + ": " + fe.getMessage(), fe.getCause());
      }
      return fe;
    }
    int status = failure instanceof HttpException he ? he.getStatusCode() : ctx.statusCode();
    switch (status) {
      case 404:
        return new FedgateException(ProblemType.NOT_FOUND, "no resource at " + ctx.request().path());
      case 405:
        return new FedgateException(ProblemType.METHOD_NOT_ALLOWED,
            ctx.request().method() + " is not allowed on " + ctx.request().path());
      case 413:
        return new FedgateException(ProblemType.BODY_TOO_LARGE, "the request body exceeds the configured limit");
      case 400:
        return new FedgateException(ProblemType.INVALID_REQUEST, "the request is malformed");
      default:
        LOG.log(Level.SEVERE, ctx.request().method() + " " + ctx.request().path() + " failed", failure);
        return new FedgateException(ProblemType.INTERNAL, "an internal error occurred");
    }
  }
}
