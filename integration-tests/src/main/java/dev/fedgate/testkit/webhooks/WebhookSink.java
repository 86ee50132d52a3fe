package dev.fedgate.testkit.webhooks;

import dev.fedgate.testkit.peers.ArrivalLog;
import dev.fedgate.testkit.peers.HttpResult;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A site's webhook endpoint for tests: an HTTP server on {@code 127.0.0.1} (free port) that checks each POST the
 * Standard Webhooks way (standardwebhooks.com: {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} keyed by the
 * secret's bytes, compared in constant time, timestamp within five minutes), answers {@code 204} when it verifies and
 * {@code 401} otherwise, and records both. Give the gateway {@link #url()} and {@link #secret()}.
 */
public final class WebhookSink implements AutoCloseable {
  /** Standard Webhooks' recommended tolerance between the timestamp and the receiver's clock. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final long MAX_BODY_BYTES = 1 << 20;

  private final Vertx vertx;
  private final URI url;
  private final byte[] key;
  private final InstantSource clock;
  private final ArrivalLog<ReceivedWebhook> received = new ArrivalLog<>();

  private WebhookSink(Vertx vertx, URI url, byte[] key, InstantSource clock) {
    this.vertx = vertx;
    this.url = url;
    this.key = key;
    this.clock = clock;
  }

  /** Starts a sink with a fresh random 32-byte secret, checking timestamps against {@code clock}. */
  public static WebhookSink start(InstantSource clock) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    try {
      HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
          .toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      WebhookSink sink = new WebhookSink(vertx, URI.create("http://127.0.0.1:" + server.actualPort() + "/webhooks"),
          key, clock);
      router.post("/webhooks").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES)).handler(sink::receive);
      return sink;
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("webhook sink did not start: " + e.getMessage(), e);
    }
  }

  /** Where the gateway should post. */
  public URI url() {
    return url;
  }

  /** The secret to configure: {@code whsec_} and the base64 of the key. */
  public String secret() {
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** Every webhook received so far, in order. */
  public List<ReceivedWebhook> received() {
    return received.all();
  }

  /** The first webhook matching {@code match}, waiting up to {@code timeout} for it. */
  public Optional<ReceivedWebhook> await(Predicate<ReceivedWebhook> match, Duration timeout) {
    return received.await(match, timeout);
  }

  /** Stops the server. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("webhook sink did not stop: " + e.getMessage(), e);
    }
  }

  private void receive(RoutingContext ctx) {
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    String id = Optional.ofNullable(ctx.request().getHeader("webhook-id")).orElse("");
    boolean verified = verify(id, ctx.request().getHeader("webhook-timestamp"),
        ctx.request().getHeader("webhook-signature"), body);
    received.add(new ReceivedWebhook(id, HttpResult.jsonObject(body), verified));
    ctx.response().setStatusCode(verified ? 204 : 401).end();
  }

  /** One of the space-separated {@code v1,} signatures must match; a stale or future timestamp fails. */
  private boolean verify(String id, String timestamp, String signatures, byte[] body) {
    if (id.isEmpty() || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    long seconds = Long.parseLong(timestamp);
    if (Math.abs(clock.instant().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] expected = hmac((id + "." + seconds + ".").getBytes(StandardCharsets.UTF_8), body);
    boolean matched = false;
    for (String signature : signatures.trim().split(" +")) {
      if (signature.startsWith("v1,")) {
        byte[] given;
        try {
          given = Base64.getDecoder().decode(signature.substring(3));
        } catch (IllegalArgumentException e) {
          continue;
        }
        matched |= MessageDigest.isEqual(expected, given);
      }
    }
    return matched;
  }

  private byte[] hmac(byte[] prefix, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update(prefix);
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }
}
