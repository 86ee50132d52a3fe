package dev.fedgate.gateway.fetch;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import io.vertx.core.Future;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the actor behind a handle {@code @user@host} the way Mastodon does: {@code GET
 * /.well-known/webfinger?resource=acct:user@host} on that host, and the {@code self} link of an ActivityPub type.
 * Requests go through {@link OutboundHttp} (address guard, deadline, body cap); redirects are not followed.
 */
public final class WebFingerClient {
  /** {@code user@host}, with an optional leading {@code @}; the host may carry a port. */
  public static final Pattern HANDLE = Pattern.compile("@?([A-Za-z0-9_.~-]{1,100})@([A-Za-z0-9.-]{1,253}(?::[0-9]{1,5})?)");
  /** A WebFinger document is small; Mastodon caps its own at a few KiB. */
  static final int MAX_BODY = 64 * 1024;
  static final Duration DEADLINE = Duration.ofSeconds(10);

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
   *     {@code NOT_FOUND} when the host does not know it or names no ActivityPub actor, {@code TOO_LARGE} for an
   *     answer over the cap, or the transport's failure
   */
  public Future<URI> resolve(String handle) {
    Matcher m = HANDLE.matcher(handle);
    Optional<URI> lookup = m.matches() ? WebFingerLookup.url(scheme, m.group(1) + "@" + m.group(2)) : Optional.empty();
    if (lookup.isEmpty()) {
      return Future.failedFuture(new FetchException(FetchFailure.BAD_URL, URI.create("acct:invalid"),
          "not a handle like @user@host", null));
    }
    URI url = lookup.get();
    HttpRequest request = HttpRequest.of("GET", url, HttpHeaders.of("Accept", WebFingerLookup.ACCEPT));
    return http.send(request, DEADLINE, MAX_BODY).compose(response -> {
      if (response.status() < 200 || response.status() >= 300) {
        return Future.failedFuture(new FetchException(HttpRemoteFetcher.statusFailure(response.status()), url,
            "WebFinger answered " + response.status(), null));
      }
      if (response.truncated()) {
        return Future.failedFuture(new FetchException(FetchFailure.TOO_LARGE, url,
            "WebFinger answer over " + MAX_BODY + " bytes", null));
      }
      return WebFingerLookup.selfLink(response.body()).map(Future::succeededFuture).orElseGet(() ->
          Future.failedFuture(new FetchException(FetchFailure.NOT_FOUND, url, "no ActivityPub self link", null)));
    });
  }
}
