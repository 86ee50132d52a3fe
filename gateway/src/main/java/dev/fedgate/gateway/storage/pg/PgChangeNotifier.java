package dev.fedgate.gateway.storage.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Cross-node cache invalidation over PostgreSQL {@code LISTEN/NOTIFY}: a node that changed something {@link #publish
 * publishes} a key (e.g. {@code actor:https://m.example/u/bob}), and every node listening on the same database, this
 * one included, receives it and drops what it cached under that key. Notifications are not durable: after the listening
 * connection was lost and re-established, {@code onResubscribed} runs, and the node should drop its whole cache.
 */
public final class PgChangeNotifier {
  /** The notification channel every Fedgate node listens on. */
  public static final String CHANNEL = "fedgate_changes";
  /** The longest key in UTF-8 bytes ({@code NOTIFY} payloads are limited to 8000 bytes). */
  public static final int MAX_KEY_BYTES = 7000;
  private static final long RECONNECT_DELAY_MILLIS = 1000;

  private final Vertx vertx;
  private final PgSubscriber subscriber;
  private final Pool publisher;
  private final AtomicBoolean closed = new AtomicBoolean();

  private PgChangeNotifier(Vertx vertx, PgSubscriber subscriber, Pool publisher) {
    this.vertx = vertx;
    this.subscriber = subscriber;
    this.publisher = publisher;
  }

  /**
   * Connects to the database a libpq URI names and starts listening; the stage completes once notifications are
   * received. {@code onChange} and {@code onResubscribed} run on a Vert.x event loop and must not block.
   *
   * @throws IllegalArgumentException when {@code uri} is not a PostgreSQL URI
   */
  public static CompletionStage<PgChangeNotifier> open(String uri, Consumer<String> onChange, Runnable onResubscribed) {
    Objects.requireNonNull(onChange, "onChange");
    Objects.requireNonNull(onResubscribed, "onResubscribed");
    PgConnectOptions connect = PgConnectOptions.fromUri(uri);
    Vertx vertx = Vertx.vertx();
    PgSubscriber subscriber = PgSubscriber.subscriber(vertx, connect)
        .reconnectPolicy(retries -> RECONNECT_DELAY_MILLIS);
    Pool publisher = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(connect).using(vertx).build();
    PgChangeNotifier notifier = new PgChangeNotifier(vertx, subscriber, publisher);
    CompletableFuture<PgChangeNotifier> ready = new CompletableFuture<>();
    subscriber.channel(CHANNEL).handler(onChange::accept).subscribeHandler(subscribed -> {
      // The first subscription opens the notifier; a later one follows a reconnect, when notifications were missed.
      if (!ready.complete(notifier)) {
        onResubscribed.run();
      }
    });
    subscriber.connect().onFailure(failure -> {
      ready.completeExceptionally(failure);
      notifier.close();
    });
    return ready;
  }

  /**
   * Tells every listening node that what is cached under {@code key} changed; completes once the notification was
   * sent (PostgreSQL delivers it when the sending transaction, here the statement itself, commits).
   *
   * @throws IllegalArgumentException when the key is longer than {@value #MAX_KEY_BYTES} bytes
   */
  public CompletionStage<Void> publish(String key) {
    if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException("change keys are at most " + MAX_KEY_BYTES + " bytes");
    }
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("notifier is closed"));
    }
    return PgDatabase.run(publisher, "SELECT pg_notify($1, $2)", CHANNEL, key).<Void>mapEmpty().toCompletionStage();
  }

  /** Stops listening and closes the connections. Idempotent. */
  public CompletionStage<Void> close() {
    if (!closed.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(null);
    }
    return PgDatabase.closeAfter(subscriber.close().eventually(publisher::close), vertx);
  }
}
