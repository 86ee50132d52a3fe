package dev.fedgate.gateway.delivery;

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
 * or 401 to it, starting with the scheme the {@link HostHealth} store knows worked for the host. Answers the raw
 * response, so the caller classifies it, and the scheme that worked when it is new for the host, so the caller stores
 * it with the success (it survives restarts and every node starts with it).
 */
final class InboxPoster {
  /** Response bytes read from an inbox; the body is not used, only the connection drained. */
  static final int RESPONSE_CAP = 16 * 1024;
  static final String CONTENT_TYPE = "application/activity+json";

  private final Vertx vertx;
  private final OutboundHttp http;
  private final OutboundSigner signer;
  private final SchemePreference preference;
  private final Duration deadline;
  private final HostHealth hosts;

  InboxPoster(Vertx vertx, OutboundHttp http, OutboundSigner signer, SchemePreference preference, Duration deadline,
      HostHealth hosts) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.http = Objects.requireNonNull(http, "http");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.preference = Objects.requireNonNull(preference, "preference");
    this.deadline = Objects.requireNonNull(deadline, "deadline");
    this.hosts = Objects.requireNonNull(hosts, "hosts");
  }

  /** What a POST got: the answer, and the stored name of the scheme that worked when the host's was not known. */
  record Sent(OutboundResponse response, Optional<String> learnedScheme) {
    /** Checks presence. */
    Sent {
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(learnedScheme, "learnedScheme");
    }
  }

  /** Sends {@code delivery}, knocking twice when the first signature scheme is refused. */
  Future<Sent> post(Delivery delivery) {
    return Future.fromCompletionStage(hosts.signatureScheme(delivery.host()), vertx.getOrCreateContext())
        .compose(stored -> {
          Optional<SignatureScheme> known = stored.flatMap(InboxPoster::scheme);
          SignatureScheme first = preference.initial(known);
          return send(delivery, first).compose(response -> {
            SchemePreference.Decision decision = preference.onResponse(first, response.status(), 1);
            if (decision instanceof SchemePreference.Retry retry) {
              return send(delivery, retry.scheme()).map(second -> sent(second, known,
                  preference.onResponse(retry.scheme(), second.status(), 2)));
            }
            return Future.succeededFuture(sent(response, known, decision));
          });
        });
  }

  private static Sent sent(OutboundResponse response, Optional<SignatureScheme> known,
      SchemePreference.Decision decision) {
    Optional<String> learned = decision instanceof SchemePreference.Remember remember
        && !known.equals(Optional.of(remember.scheme())) ? Optional.of(name(remember.scheme())) : Optional.empty();
    return new Sent(response, learned);
  }

  /** The stored name of a scheme, as {@code GET /api/v1/hosts} shows it. */
  static String name(SignatureScheme scheme) {
    return scheme == SignatureScheme.RFC_9421 ? "rfc9421" : "cavage-12";
  }

  /** The scheme a stored name stands for; empty for a name this version does not know. */
  static Optional<SignatureScheme> scheme(String name) {
    for (SignatureScheme scheme : SignatureScheme.values()) {
      if (name(scheme).equals(name)) {
        return Optional.of(scheme);
      }
    }
    return Optional.empty();
  }

  private Future<OutboundResponse> send(Delivery delivery, SignatureScheme scheme) {
    HttpRequest unsigned = HttpRequest.of("POST", delivery.inbox(), HttpHeaders.of("Content-Type", CONTENT_TYPE),
        delivery.json().getBytes(StandardCharsets.UTF_8));
    return Future.fromCompletionStage(signer.sign(delivery.signer(), scheme, unsigned), vertx.getOrCreateContext())
        .compose(signed -> http.send(signed, deadline, RESPONSE_CAP));
  }
}
