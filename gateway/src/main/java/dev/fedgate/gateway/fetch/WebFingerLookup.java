package dev.fedgate.gateway.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The two halves of a WebFinger lookup (a handle, an {@code acct:} key id) that need no network: the lookup URL on the
 * account's host (HTTPS, as Mastodon asks), and the actor id in the answer's ActivityPub {@code self} link.
 */
public final class WebFingerLookup {
  /** What Mastodon accepts from a WebFinger server. */
  static final String ACCEPT = "application/jrd+json, application/json";
  /** {@code user@host[:port]} with a DNS name or IPv4 host: nothing that could change the URL's shape. */
  private static final Pattern ACCOUNT = Pattern.compile("[^@/?#\\s]{1,255}@([A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private WebFingerLookup() {}

  /** {@code https://<host>/.well-known/webfinger?resource=acct:<account>}; empty when it is not {@code user@host}. */
  public static Optional<URI> url(String account) {
    return url("https", account);
  }

  /** The lookup URL with another scheme ({@code http} only for loopback tests); empty when not {@code user@host}. */
  static Optional<URI> url(String scheme, String account) {
    var match = ACCOUNT.matcher(account);
    if (!match.matches()) {
      return Optional.empty();
    }
    return Optional.of(URI.create(scheme + "://" + match.group(1).toLowerCase(Locale.ROOT)
        + "/.well-known/webfinger?resource=" + URLEncoder.encode("acct:" + account, StandardCharsets.UTF_8)));
  }

  /** The {@code href} of the first {@code self} link of an ActivityPub type, when it is an http(s) URL. */
  static Optional<URI> selfLink(byte[] body) {
    try {
      for (JsonNode link : JSON.readTree(body).path("links")) {
        String type = link.path("type").asText("");
        boolean activityPub = type.equals("application/activity+json") || type.startsWith("application/ld+json");
        if (link.path("rel").asText("").equals("self") && activityPub && link.path("href").isTextual()) {
          URI href = URI.create(link.path("href").asText());
          String scheme = String.valueOf(href.getScheme()).toLowerCase(Locale.ROOT);
          return (scheme.equals("https") || scheme.equals("http")) && href.getHost() != null
              ? Optional.of(href) : Optional.empty();
        }
      }
      return Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
