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
        .recover(failure -> Future.failedFuture(unwrap(failure) instanceof FedgateException problem ? problem
            : new FedgateException(ProblemType.UNAVAILABLE, "storage is not answering", null, failure)));
  }

  /**
   * A paged read whose store refuses a cursor it did not make with IllegalArgumentException: the client's fault, a 400
   * naming {@code field}, not the store's.
   */
  static <T> CompletionStage<T> refusingMalformedCursor(CompletionStage<T> read, String field) {
    return read.exceptionally(failure -> {
      if (unwrap(failure) instanceof IllegalArgumentException malformed) {
        throw new FedgateException(ProblemType.INVALID_REQUEST, field + " is not a cursor of this listing", field,
            malformed);
      }
      throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
    });
  }

  /** A problem raised inside a stage chain arrives wrapped; it is still the problem to answer with. */
  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
