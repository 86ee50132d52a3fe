package dev.fedgate.gateway.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fedgate.gateway.fetch.OutboundHttp;
import dev.fedgate.gateway.fetch.OutboundResponse;
import dev.fedgate.gateway.fetch.OutboundSigner;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.SchemePreference;
import dev.fedgate.signatures.SignatureScheme;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * POSTs one delivery, signed at send time by its actor: draft-cavage first, RFC 9421 once when the host answers 400
 * or 401 to it, and the scheme that worked remembered per host (in memory: after a restart a host is knocked on
 * again). Answers the raw response, so the caller classifies it.
 */
final class InboxPoster {
  /** Hosts whose working scheme is remembered. */
  static final int SCHEME_MEMORY_SIZE = 100_000;
  /** Response bytes read from an inbox; the body is not used, only the connection drained. */
  static final int RESPONSE_CAP = 16 * 1024;
  static final String CONTENT_TYPE = "application/activity+json";

  private final Vertx vertx;
  private final OutboundHttp http;
  private final OutboundSigner signer;
  private final SchemePreference preference;
  private final Duration deadline;
  private final Cache<String, SignatureScheme> schemes =
      Caffeine.newBuilder().maximumSize(SCHEME_MEMORY_SIZE).build();

  InboxPoster(Vertx vertx, OutboundHttp http, OutboundSigner signer, SchemePreference preference, Duration deadline) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.http = Objects.requireNonNull(http, "http");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.preference = Objects.requireNonNull(preference, "preference");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
  }

  /** Sends {@code delivery}, knocking twice when the first signature scheme is refused. */
  Future<OutboundResponse> post(Delivery delivery) {
    String host = delivery.host();
    SignatureScheme first = preference.initial(Optional.ofNullable(schemes.getIfPresent(host)));
    return send(delivery, first).compose(response -> {
      SchemePreference.Decision decision = preference.onResponse(first, response.status(), 1);
      if (decision instanceof SchemePreference.Retry retry) {
        return send(delivery, retry.scheme()).onSuccess(second -> learn(host,
            preference.onResponse(retry.scheme(), second.status(), 2)));
      }
      learn(host, decision);
      return Future.succeededFuture(response);
    });
  }

  private void learn(String host, SchemePreference.Decision decision) {
    if (decision instanceof SchemePreference.Remember remember) {
      schemes.put(host, remember.scheme());
    }
  }

  private Future<OutboundResponse> send(Delivery delivery, SignatureScheme scheme) {
    HttpRequest unsigned = HttpRequest.of("POST", delivery.inbox(), HttpHeaders.of("Content-Type", CONTENT_TYPE),
        delivery.json().getBytes(StandardCharsets.UTF_8));
    return Future.fromCompletionStage(signer.sign(delivery.signer(), scheme, unsigned), vertx.getOrCreateContext())
        .compose(signed -> http.send(signed, deadline, RESPONSE_CAP));
  }
}
