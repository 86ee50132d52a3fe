package dev.fedgate.gateway.fetch;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpVerifier;
import dev.fedgate.signatures.ParseResult;
import dev.fedgate.signatures.ParsedSignature;
import dev.fedgate.signatures.SignatureParser;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A remote server on loopback, port 0: it verifies the HTTP signature of every request with the key it is given (as a
 * peer would with our actor's published key), records what it received, and answers as each path's handler says.
 */
public final class LoopbackPeer implements AutoCloseable {
  /** One request as received, and what verifying its signature gave. */
  public record Received(HttpRequest request, VerificationResult verification) {}

  private final HttpServer server;
  private final Map<String, BiConsumer<Received, HttpServerResponse>> handlers = new ConcurrentHashMap<>();
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

  private LoopbackPeer(HttpServer server) {
    this.server = server;
  }

  /** Starts a peer verifying with {@code key} at {@code clock}'s time. */
  public static LoopbackPeer start(Vertx vertx, PublicKeyMaterial key, InstantSource clock) {
    HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
    LoopbackPeer peer = new LoopbackPeer(server);
    server.requestHandler(request -> request.body().onSuccess(body -> {
      HttpRequest got = toRequest(request, body.getBytes());
      Received verified = new Received(got, verify(got, key, clock));
      peer.received.add(verified);
      peer.handlers.getOrDefault(request.path(), (r, response) -> response.setStatusCode(404).end())
          .accept(verified, request.response());
    }));
    try {
      server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return peer;
  }

  private static HttpRequest toRequest(HttpServerRequest request, byte[] body) {
    HttpHeaders.Builder headers = HttpHeaders.builder();
    request.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
    URI target = URI.create("http://" + request.headers().get("Host") + request.uri());
    return HttpRequest.of(request.method().name(), target, headers.build(), body);
  }

  private static VerificationResult verify(HttpRequest request, PublicKeyMaterial key, InstantSource clock) {
    ParseResult parsed = SignatureParser.parse(request);
    if (!(parsed instanceof ParsedSignature signature)) {
      return (VerificationResult) parsed;
    }
    return HttpVerifier.create(key, VerificationPolicy.MASTODON_COMPATIBLE).verify(request, signature,
        clock.instant());
  }

  /** Answers requests to {@code path} with {@code handler}. */
  public void on(String path, BiConsumer<Received, HttpServerResponse> handler) {
    handlers.put(path, handler);
  }

  /** Answers {@code path} with {@code status} and an empty body. */
  public void answer(String path, int status) {
    on(path, (r, response) -> response.setStatusCode(status).end());
  }

  /** The next request received, waiting up to 10 s. */
  public Received next() {
    try {
      Received next = received.poll(10, TimeUnit.SECONDS);
      if (next == null) {
        throw new AssertionError("no request arrived");
      }
      return next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** How many requests arrived and were not taken by {@link #next()}. */
  public int pending() {
    return received.size();
  }

  /** The peer's port. */
  public int port() {
    return server.actualPort();
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  @Override
  public void close() {
    server.close();
  }
}
