package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.SignedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * The client side of a simulated peer, the conformance checker and the Site API client: plain and signed {@code GET}s
 * and signed {@code POST}s, blocking, with a bounded timeout and body, and no redirects (a redirect is an answer the
 * caller judges).
 */
public final class SignedHttpClient {
  /** What Mastodon and PeerTube send when they want an ActivityPub document. */
  public static final String ACCEPT_ACTIVITY = "application/activity+json, application/ld+json";
  /** The type every activity is posted with. */
  public static final String ACTIVITY_JSON = "application/activity+json";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** At most this much of an answer is kept: Mastodon's cap on fetched bodies. */
  private static final int MAX_BODY_BYTES = 1 << 20;

  private final HttpClient http;
  private final InstantSource clock;

  private SignedHttpClient(InstantSource clock) {
    this.clock = clock;
    // HTTP/1.1 as peers speak it; an h2c upgrade against Vert.x fails on large answers (frames over 16 KiB).
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** A client that dates its signatures by {@code clock}. */
  public static SignedHttpClient create(InstantSource clock) {
    return new SignedHttpClient(clock);
  }

  /** An unsigned {@code GET} of {@code target} with {@code accept}. */
  public HttpResult get(URI target, String accept) {
    return send("GET", target, HttpHeaders.of("Accept", accept), new byte[0], Optional.empty());
  }

  /** A {@code GET} of {@code target} signed by {@code signer} with {@code scheme}. */
  public HttpResult signedGet(SimulatedActor signer, URI target, SignatureScheme scheme) {
    return send("GET", target, HttpHeaders.of("Accept", ACCEPT_ACTIVITY), new byte[0],
        Optional.of(signer.signer(scheme)));
  }

  /** A {@code POST} of {@code body} as {@code application/activity+json} to {@code inbox}, signed by {@code signer}. */
  public HttpResult post(SimulatedActor signer, URI inbox, byte[] body, SignatureScheme scheme) {
    return send("POST", inbox, HttpHeaders.of("Content-Type", ACTIVITY_JSON, "Accept", ACCEPT_ACTIVITY), body,
        Optional.of(signer.signer(scheme)));
  }

  /** An unsigned request of any method, e.g. to the Site API. */
  public HttpResult send(String method, URI target, HttpHeaders headers, byte[] body) {
    return send(method, target, headers, body, Optional.empty());
  }

  private HttpResult send(String method, URI target, HttpHeaders headers, byte[] body, Optional<HttpSigner> signer) {
    HttpHeaders all = signer.map(s -> s.sign(HttpRequest.of(method, target, headers, body), clock.instant()))
        .map(SignedRequest::request).map(HttpRequest::headers).orElse(headers);
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(target).timeout(TIMEOUT)
        .method(method, body.length == 0 ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
    for (HttpHeaders.Field field : all.fields()) {
      // The JDK client writes Host itself, from the same URI authority the signer covered.
      if (!field.name().equalsIgnoreCase("Host")) {
        request.header(field.name(), field.value());
      }
    }
    try {
      HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      byte[] bytes;
      try (InputStream in = response.body()) {
        bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      }
      if (bytes.length > MAX_BODY_BYTES) {
        throw new IOException(target + " answered more than " + MAX_BODY_BYTES + " bytes");
      }
      return new HttpResult(target, response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""), bytes);
    } catch (IOException e) {
      // A refused connection has no message; its type says what happened.
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new UncheckedIOException(method + " " + target + " failed: " + why, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + target + " interrupted", e);
    }
  }
}
