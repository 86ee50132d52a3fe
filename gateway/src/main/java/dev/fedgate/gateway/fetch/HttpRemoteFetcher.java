package dev.fedgate.gateway.fetch;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.SignatureScheme;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link RemoteFetcher} over {@link OutboundHttp}: a GET signed (draft-cavage, {@code (request-target) host date}) as
 * the instance actor, following at most {@link #DEFAULT_MAX_REDIRECTS} same-origin redirects, reading at most
 * {@link #DEFAULT_MAX_BODY} bytes, and accepting only an ActivityPub content type whose top-level {@code id} is the
 * URL asked for without its fragment (or the same-origin URL a redirect led to, which the document then reports as its
 * URL).
 */
public final class HttpRemoteFetcher implements RemoteFetcher {
  /** What Mastodon sends when fetching ActivityPub documents. */
  public static final String ACCEPT =
      "application/activity+json, application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";
  /** Mastodon's fetch cap ({@code body_with_limit}). */
  public static final int DEFAULT_MAX_BODY = 1024 * 1024;
  /** Redirects followed per fetch; enough for {@code /@alice} to {@code /users/alice}. */
  public static final int DEFAULT_MAX_REDIRECTS = 3;
  /** Total time for one fetch, each hop included. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> ACTIVITYPUB_TYPES = Set.of("application/activity+json", "application/ld+json");
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final Vertx vertx;
  private final OutboundHttp http;
  private final OutboundSigner signer;
  private final Duration timeout;
  private final int maxBody;
  private final WebFingerClient webFinger;

  /** A fetcher sending through {@code http}, signing with {@code signer} as the instance actor. */
  public HttpRemoteFetcher(Vertx vertx, OutboundHttp http, OutboundSigner signer, Duration timeout, int maxBody) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.http = Objects.requireNonNull(http, "http");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.maxBody = maxBody;
    this.webFinger = new WebFingerClient(http, "https");
  }

  @Override
  public Future<FetchedDocument> fetch(URI id, FetchBudget budget) {
    if (!budget.tryConsume()) {
      return Future.failedFuture(new FetchException(FetchFailure.BUDGET_EXHAUSTED, id, "fetch budget spent", null));
    }
    if (!id.isAbsolute() || id.getHost() == null) {
      return Future.failedFuture(new FetchException(FetchFailure.BAD_URL, id, "not an absolute URL", null));
    }
    // A fragment is not sent; a key id such as <actor>#main-key fetches its actor document.
    URI document = withoutFragment(id);
    return hop(document, document, DEFAULT_MAX_REDIRECTS);
  }

  /** An unsigned GET, as Mastodon looks accounts up (see {@link WebFingerClient}), after one unit of budget. */
  @Override
  public Future<URI> webfinger(URI account, FetchBudget budget) {
    if (!"acct".equalsIgnoreCase(account.getScheme())) {
      return fail(FetchFailure.BAD_URL, account, "not an acct:user@host URI");
    }
    if (!budget.tryConsume()) {
      return fail(FetchFailure.BUDGET_EXHAUSTED, account, "fetch budget spent");
    }
    return webFinger.resolve(account.getSchemeSpecificPart());
  }

  private Future<FetchedDocument> hop(URI requested, URI url, int redirectsLeft) {
    Context context = vertx.getOrCreateContext();
    HttpRequest unsigned = HttpRequest.of("GET", url, HttpHeaders.of("Accept", ACCEPT));
    return Future.fromCompletionStage(
            signer.sign(LocalUrls.INSTANCE_ACTOR_NAME, SignatureScheme.CAVAGE_12, unsigned), context)
        .compose(signed -> http.send(signed, timeout, maxBody))
        .compose(response -> {
          if (REDIRECTS.contains(response.status())) {
            return redirect(requested, url, response, redirectsLeft);
          }
          return accept(requested, url, response);
        });
  }

  private Future<FetchedDocument> redirect(URI requested, URI url, OutboundResponse response, int redirectsLeft) {
    Optional<String> location = response.headers().first("Location");
    if (location.isEmpty()) {
      return fail(FetchFailure.NETWORK, url, "redirect without Location");
    }
    URI next;
    try {
      next = url.resolve(location.get());
    } catch (IllegalArgumentException e) {
      return fail(FetchFailure.BAD_URL, url, "unreadable Location");
    }
    if (!sameOrigin(url, next)) {
      return fail(FetchFailure.ID_MISMATCH, requested, "redirected to another origin " + next.getHost());
    }
    if (redirectsLeft == 0) {
      return fail(FetchFailure.TOO_MANY_REDIRECTS, requested, "more than " + DEFAULT_MAX_REDIRECTS + " redirects");
    }
    return hop(requested, next, redirectsLeft - 1);
  }

  private Future<FetchedDocument> accept(URI requested, URI url, OutboundResponse response) {
    int status = response.status();
    if (status < 200 || status >= 300) {
      return fail(statusFailure(status), requested, "answered " + status);
    }
    if (response.truncated()) {
      return fail(FetchFailure.TOO_LARGE, requested, "body over " + maxBody + " bytes");
    }
    String type = response.headers().first("Content-Type").orElse("");
    String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!ACTIVITYPUB_TYPES.contains(mediaType)) {
      return fail(FetchFailure.BAD_CONTENT_TYPE, requested, "content type " + mediaType);
    }
    byte[] body = response.body();
    // Reading every top-level key of up to 1 MiB is too long for an event loop.
    return vertx.executeBlocking(() -> topLevelId(body), false).compose(documentId -> {
      if (documentId.isEmpty()) {
        return fail(FetchFailure.ID_MISMATCH, requested, "no single top-level id");
      }
      String id = documentId.get();
      if (!id.equals(requested.toString()) && !id.equals(url.toString())) {
        return fail(FetchFailure.ID_MISMATCH, requested, "document id is " + id);
      }
      return Future.succeededFuture(new FetchedDocument(url, body));
    });
  }

  static FetchFailure statusFailure(int status) {
    if (status == 404) {
      return FetchFailure.NOT_FOUND;
    }
    if (status == 410) {
      return FetchFailure.GONE;
    }
    if (status == 408 || status == 429 || status >= 500) {
      return FetchFailure.NETWORK;
    }
    return FetchFailure.REFUSED;
  }

  /**
   * The top-level {@code id} string of a well-formed JSON object whose top-level keys are all distinct; empty otherwise,
   * so a document cannot show this check one {@code id} and a later parser another.
   */
  static Optional<String> topLevelId(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      Optional<String> id = Optional.empty();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("id")) {
          id = value == JsonToken.VALUE_STRING ? Optional.of(parser.getText()) : Optional.empty();
        }
        parser.skipChildren();
      }
      return parser.nextToken() == null ? id : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static URI withoutFragment(URI id) {
    if (id.getRawFragment() == null) {
      return id;
    }
    String text = id.toString();
    return URI.create(text.substring(0, text.indexOf('#')));
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
        && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost())) && port(a) == port(b);
  }

  private static int port(URI url) {
    return url.getPort() != -1 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static <T> Future<T> fail(FetchFailure failure, URI url, String detail) {
    return Future.failedFuture(new FetchException(failure, url, detail, null));
  }
}
