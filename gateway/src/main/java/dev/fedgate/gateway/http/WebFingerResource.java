package dev.fedgate.gateway.http;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code resource} of a WebFinger query, in the forms Mastodon and PeerTube send: {@code acct:name@host},
 * {@code name@host}, or an actor URL.
 */
final class WebFingerResource {
  /** Names valid for WebFinger and for PeerTube: one namespace for accounts and channels. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

  private WebFingerResource() {}

  /**
   * The local actor name the resource asks for, or empty when it names another host or a URL that is not one of our
   * actors (answered 404).
   *
   * @throws FedgateException {@code INVALID_REQUEST} for a missing or malformed resource (answered 400)
   */
  static Optional<String> localName(String resource, LocalUrls urls) {
    if (resource == null || resource.isBlank()) {
      throw invalid("the resource parameter is required");
    }
    String value = resource.trim();
    if (value.startsWith("http://") || value.startsWith("https://")) {
      try {
        return urls.parseActor(new URI(value)).map(LocalUrls.ActorRef::name);
      } catch (URISyntaxException e) {
        throw invalid("the resource is not a valid URL");
      }
    }
    String acct = value.regionMatches(true, 0, "acct:", 0, 5) ? value.substring(5) : value;
    if (acct.startsWith("@")) {
      acct = acct.substring(1);
    }
    int at = acct.indexOf('@');
    if (at <= 0 || at != acct.lastIndexOf('@') || at == acct.length() - 1) {
      throw invalid("the resource must be acct:name@host or an actor URL");
    }
    String name = acct.substring(0, at);
    String host = acct.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches()) {
      throw invalid("the name may only hold letters, digits, '_', '.' and '-'");
    }
    return host.equals(urls.webfingerHost().toLowerCase(Locale.ROOT)) ? Optional.of(name) : Optional.empty();
  }

  private static FedgateException invalid(String detail) {
    return new FedgateException(ProblemType.INVALID_REQUEST, detail, "resource", null);
  }
}
