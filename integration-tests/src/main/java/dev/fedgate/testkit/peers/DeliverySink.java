package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpVerifier;
import dev.fedgate.signatures.ParseResult;
import dev.fedgate.signatures.ParsedSignature;
import dev.fedgate.signatures.Rejected;
import dev.fedgate.signatures.SignatureParser;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.Verified;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Many remote inboxes on one loopback server, for fan-out and fault tests: it accepts a POST on any path
 * ({@link #inbox(String)} gives one per follower, spread over {@link #HOSTS} ports, which a gateway treats as that
 * many hosts, each with its own concurrency cap, as a fan-out to real followers is), verifies its HTTP signature (draft-cavage or RFC 9421, Mastodon's
 * policy), answers 202 when it verifies and 401 otherwise, and counts verified deliveries per path, so a test can
 * tell "every inbox got it" from "some got it twice". The keys come from the test, looked up once per {@code keyId}.
 */
public final class DeliverySink implements AutoCloseable {
  /** Bodies over this are refused; deliveries are a few KiB. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;
  /** Listening ports; a gateway caps POSTs in flight per host (host and port), so one port would throttle it. */
  public static final int HOSTS = 8;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final List<URI> bases;
  private final InstantSource clock;
  private final Function<String, Optional<PublicKeyMaterial>> keys;
  private final Map<String, Optional<PublicKeyMaterial>> knownKeys = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> verified = new ConcurrentHashMap<>();
  private final AtomicInteger rejected = new AtomicInteger();
  private final Object progress = new Object();
  private int total;
  private long firstNanos;
  private long lastNanos;

  private DeliverySink(Vertx vertx, List<Integer> ports, InstantSource clock,
      Function<String, Optional<PublicKeyMaterial>> keys, Router router) {
    this.vertx = vertx;
    this.bases = ports.stream().map(port -> URI.create("http://127.0.0.1:" + port)).toList();
    this.clock = clock;
    this.keys = keys;
    router.post().handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(this::receive);
  }

  /**
   * Starts a sink on a free loopback port; {@code keys} maps a signature's {@code keyId} to its public key (called
   * once per key id, off the event loop, so it may fetch).
   */
  public static DeliverySink start(Function<String, Optional<PublicKeyMaterial>> keys) {
    Objects.requireNonNull(keys, "keys");
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    try {
      List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < HOSTS; i++) {
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
            .toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        ports.add(server.actualPort());
      }
      return new DeliverySink(vertx, ports, InstantSource.system(), keys, router);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("delivery sink did not start: " + e.getMessage(), e);
    }
  }

  /** The inbox URL of follower {@code name}: {@code http://127.0.0.1:<one of the ports>/inbox/<name>}. */
  public URI inbox(String name) {
    return bases.get(Math.floorMod(name.hashCode(), bases.size())).resolve("/inbox/" + name);
  }

  /** Verified deliveries per path, e.g. {@code /inbox/f17 -> 1}. */
  public Map<String, Integer> verifiedByPath() {
    Map<String, Integer> copy = new HashMap<>();
    verified.forEach((path, count) -> copy.put(path, count.get()));
    return Map.copyOf(copy);
  }

  /** Verified deliveries in all, repeats included. */
  public int verifiedTotal() {
    synchronized (progress) {
      return total;
    }
  }

  /** The time from the first verified delivery to the latest: the span a delivery rate is measured over. */
  public Duration span() {
    synchronized (progress) {
      return Duration.ofNanos(lastNanos - firstNanos);
    }
  }

  /** Requests whose signature did not verify. */
  public int rejected() {
    return rejected.get();
  }

  /** Verified deliveries beyond the first per path: what at-least-once delivery sent twice. */
  public int repeats() {
    return verified.values().stream().mapToInt(count -> count.get() - 1).sum();
  }

  /** Waits up to {@code timeout} until {@code paths} distinct paths got a verified delivery; whether they did. */
  public boolean awaitPaths(int paths, Duration timeout) {
    return awaitUntil(() -> verified.size() >= paths, timeout);
  }

  /** Waits up to {@code timeout} until {@code deliveries} verified deliveries arrived in all; whether they did. */
  public boolean awaitTotal(int deliveries, Duration timeout) {
    return awaitUntil(() -> total >= deliveries, timeout);
  }

  private boolean awaitUntil(BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        try {
          progress.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return true;
    }
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("delivery sink did not stop: " + e.getMessage(), e);
    }
  }

  private void receive(RoutingContext ctx) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    HttpRequest request = VertxRequests.toSigned(ctx, "POST", bases.get(0).getAuthority(), body);
    String path = ctx.request().path();
    vertx.executeBlocking(() -> verify(request), false).onComplete(result -> {
      boolean ok = result.succeeded() && result.result() instanceof Verified;
      if (ok) {
        // Counted before answering: a sender that saw 202 finds the delivery counted.
        verified.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        synchronized (progress) {
          lastNanos = System.nanoTime();
          if (total++ == 0) {
            firstNanos = lastNanos;
          }
          progress.notifyAll();
        }
      } else {
        rejected.incrementAndGet();
      }
      ctx.response().setStatusCode(ok ? 202 : 401).end();
    });
  }

  private VerificationResult verify(HttpRequest request) {
    ParseResult parsed = SignatureParser.parse(request);
    if (parsed instanceof Rejected rejected) {
      return rejected;
    }
    ParsedSignature signature = (ParsedSignature) parsed;
    Optional<PublicKeyMaterial> key = knownKeys.computeIfAbsent(signature.keyId(), keys);
    if (key.isEmpty()) {
      return Rejected.unknownKey(signature.keyId());
    }
    return HttpVerifier.create(key.get(), VerificationPolicy.MASTODON_COMPATIBLE)
        .verify(request, signature, clock.instant());
  }
}
