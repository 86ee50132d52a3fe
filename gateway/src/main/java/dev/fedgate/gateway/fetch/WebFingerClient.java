package dev.fedgate.gateway.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the actor behind a handle {@code @user@host} the way Mastodon does: {@code GET
 * /.well-known/webfinger?resource=acct:user@host} on that host, and the {@code self} link of an ActivityPub type.
 * Requests go through {@link OutboundHttp} (address guard, deadline, body cap).
 */
public final class WebFingerClient {
  /** {@code user@host}, with an optional leading {@code @}; the host may carry a port. */
  public static final Pattern HANDLE = Pattern.compile("@?([A-Za-z0-9_.~-]{1,100})@([A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?)");
  /** A WebFinger document is small; Mastodon caps its own at a few KiB. */
  static final int MAX_BODY = 64 * 1024;
  static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final Set<String> ACTIVITYPUB_TYPES = Set.of("application/activity+json",
      "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OutboundHttp http;
  private final String scheme;

  /** Looks handles up through {@code http} with {@code scheme} ({@code https} everywhere but loopback tests). */
  public WebFingerClient(OutboundHttp http, String scheme) {
    this.http = Objects.requireNonNull(http, "http");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  /**
   * The actor id {@code handle} names.
   *
   * @return the id, or a future failed with {@link FetchException}: {@code BAD_URL} for a malformed handle,
   *     {@code NOT_FOUND} when the host does not know it or names no ActivityPub actor, or the transport's failure
   */
  public Future<URI> resolve(String handle) {
    Matcher m = HANDLE.matcher(handle);
    if (!m.matches()) {
      return Future.failedFuture(new FetchException(FetchFailure.BAD_URL, URI.create("acct:invalid"),
          "not a handle like @user@host", null));
    }
    String acct = "acct:" + m.group(1) + "@" + m.group(2);
    URI url = URI.create(scheme + "://" + m.group(2) + "/.well-known/webfinger?resource="
        + URLEncoder.encode(acct, StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.of("GET", url, HttpHeaders.of("Accept", "application/jrd+json"));
    return http.send(request, DEADLINE, MAX_BODY).compose(response -> {
      if (response.status() != 200 || response.truncated()) {
        return Future.failedFuture(new FetchException(HttpRemoteFetcher.statusFailure(response.status()), url,
            "WebFinger answered " + response.status(), null));
      }
      return self(response.body()).map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
          new FetchException(FetchFailure.NOT_FOUND, url, "no ActivityPub self link for " + acct, null)));
    });
  }

  /** The {@code href} of the first {@code rel=self} link with an ActivityPub media type. */
  static Optional<URI> self(byte[] body) {
    JsonNode document;
    try {
      document = JSON.readTree(body);
    } catch (IOException e) {
      return Optional.empty();
    }
    for (JsonNode link : document.path("links")) {
      if ("self".equals(link.path("rel").asText()) && ACTIVITYPUB_TYPES.contains(link.path("type").asText())
          && link.path("href").isTextual()) {
        try {
          URI href = new URI(link.path("href").asText());
          if (href.getHost() != null && ("https".equals(href.getScheme()) || "http".equals(href.getScheme()))) {
            return Optional.of(href);
          }
        } catch (URISyntaxException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
