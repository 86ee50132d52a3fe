package dev.fedgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A site's webhook endpoint on a free loopback port: answers 204 and keeps every event body for the test to wait on. */
public final class WebhookSink implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final BlockingQueue<JsonNode> arrived = new LinkedBlockingQueue<>();
  private final List<JsonNode> seen = new ArrayList<>();

  private WebhookSink(Vertx vertx) {
    this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      try {
        arrived.add(JSON.readTree(body.getBytes()));
        request.response().setStatusCode(204).end();
      } catch (IOException e) {
        request.response().setStatusCode(400).end();
      }
    }));
  }

  /** Listens on {@code vertx} at a free loopback port. */
  public static WebhookSink start(Vertx vertx) {
    WebhookSink sink = new WebhookSink(vertx);
    TestGateway.await(sink.server.listen(0, "127.0.0.1").toCompletionStage());
    return sink;
  }

  /** Where the gateway posts its webhooks. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort() + "/hooks");
  }

  /**
   * The {@code data} of the first event of {@code type} whose data {@code matches}, received before or within
   * {@code timeout}.
   *
   * @throws AssertionError when none arrives in time, listing the events seen
   */
  public JsonNode await(String type, Predicate<JsonNode> matches, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Predicate<JsonNode> wanted = event -> type.equals(event.path("type").asText()) && matches.test(event.path("data"));
    while (true) {
      for (JsonNode event : seen) {
        if (wanted.test(event)) {
          return event.path("data");
        }
      }
      long left = deadline - System.nanoTime();
      JsonNode next;
      try {
        next = left <= 0 ? null : arrived.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + type, e);
      }
      if (next == null) {
        throw new AssertionError("no " + type + " webhook within " + timeout + "; seen: " + seen);
      }
      seen.add(next);
    }
  }

  @Override
  public void close() {
    TestGateway.await(server.close().toCompletionStage());
  }
}
