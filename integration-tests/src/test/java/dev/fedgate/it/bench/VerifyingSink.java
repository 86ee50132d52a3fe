package dev.fedgate.it.bench;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.ParseResult;
import dev.fedgate.signatures.ParsedSignature;
import dev.fedgate.signatures.SignatureParser;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.Verified;
import dev.fedgate.signatures.HttpVerifier;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.SignedHttpClient;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback inbox for any host name that resolves to it: verifies every POST's signature (Mastodon's policy, the
 * signer's key fetched once per key id from the gateway and cached), answers 202 or 401, and counts both; the
 * fan-out waits until it has seen as many deliveries as it expects. Its threads count as the load's own
 * ({@link ThreadCpu#generatorVertx()}), apart from the gateway's.
 */
final class VerifyingSink implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;
  private final SignedHttpClient http = SignedHttpClient.create(InstantSource.system());
  private final Map<String, PublicKeyMaterial> keys = new ConcurrentHashMap<>();
  private final AtomicInteger verified = new AtomicInteger();
  private final AtomicInteger rejected = new AtomicInteger();
  private volatile int expected = Integer.MAX_VALUE;
  private volatile CompletableFuture<Void> done = new CompletableFuture<>();

  private VerifyingSink(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** Listens on a free port of 127.0.0.1. */
  static VerifyingSink start() throws Exception {
    Vertx vertx = ThreadCpu.generatorVertx();
    VerifyingSink[] sink = new VerifyingSink[1];
    HttpServer server = vertx.createHttpServer().requestHandler(request -> sink[0].receive(request))
        .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    sink[0] = new VerifyingSink(vertx, server);
    return sink[0];
  }

  int port() {
    return server.actualPort();
  }

  int verified() {
    return verified.get();
  }

  int rejected() {
    return rejected.get();
  }

  /** Resets the counts; the returned future completes once {@code count} deliveries have arrived. */
  CompletableFuture<Void> expect(int count) {
    verified.set(0);
    rejected.set(0);
    done = new CompletableFuture<>();
    expected = count;
    return done;
  }

  private void receive(HttpServerRequest request) {
    String authority = request.authority() == null ? "127.0.0.1:" + port() : request.authority().toString();
    URI target = URI.create("http://" + authority + request.uri());
    HttpHeaders.Builder headers = HttpHeaders.builder();
    request.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
    HttpHeaders received = headers.build();
    HttpHeaders all = received.contains("Host") ? received : received.with("Host", authority);
    request.body().compose(body -> vertx.executeBlocking(() ->
            verify(HttpRequest.of(request.method().name(), target, all, body.getBytes())), false))
        .onComplete(result -> {
          boolean ok = result.succeeded() && result.result() instanceof Verified;
          (ok ? verified : rejected).incrementAndGet();
          int seen = verified.get() + rejected.get();
          request.response().setStatusCode(ok ? 202 : 401).end();
          if (seen >= expected) {
            done.complete(null);
          }
        });
  }

  private VerificationResult verify(HttpRequest request) {
    ParseResult parsed = SignatureParser.parse(request);
    if (!(parsed instanceof ParsedSignature signature)) {
      return (VerificationResult) parsed;
    }
    PublicKeyMaterial key = keys.computeIfAbsent(signature.keyId(), this::fetchKey);
    return HttpVerifier.create(key, VerificationPolicy.MASTODON_COMPATIBLE).verify(request, signature,
        Instant.now());
  }

  /** The gateway's actor document, fetched without a signature (authorized fetch is off), and its key. */
  private PublicKeyMaterial fetchKey(String keyId) {
    HttpResult actor = http.get(URI.create(keyId.replaceFirst("#.*", "")), SignedHttpClient.ACCEPT_ACTIVITY);
    try {
      return PublicKeyMaterial.fromPem(actor.json().orElseThrow().getJsonObject("publicKey")
          .getString("publicKeyPem"));
    } catch (Exception e) {
      throw new IllegalStateException("no key at " + keyId + ": " + e, e);
    }
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
