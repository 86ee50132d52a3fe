package dev.fedgate.gateway.http;

import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Brings a storage answer back onto the request's event loop, bounded in time, failing as "unavailable". */
final class StorageFutures {
  /** A request never waits on the store longer than this; the client may retry. */
  static final long STORAGE_TIMEOUT_MILLIS = 5_000;

  private StorageFutures() {}

  static <T> Future<T> onContext(RoutingContext ctx, CompletionStage<T> stage) {
    return Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext())
        .timeout(STORAGE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.failedFuture(asProblem(failure)));
  }

  /** A problem raised inside a stage arrives wrapped; anything else from the store means it is not answering. */
  private static Throwable asProblem(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    return cause instanceof FedgateException ? cause
        : new FedgateException(ProblemType.UNAVAILABLE, "storage is not answering", null, cause);
  }
}
