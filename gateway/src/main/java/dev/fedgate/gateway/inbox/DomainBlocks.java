package dev.fedgate.gateway.inbox;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Blocked remote domains: a blocked domain blocks its subdomains too, as Mastodon's domain blocks do. Checked on the
 * signing key's host before its key is fetched, and on the activity's actor.
 */
public final class DomainBlocks {
  /** Nothing blocked. */
  public static final DomainBlocks NONE = new DomainBlocks(Set.of());

  private final Set<String> domains;

  private DomainBlocks(Set<String> domains) {
    this.domains = domains;
  }

  /** Blocks each of {@code domains} (case-insensitive, a trailing dot ignored). */
  public static DomainBlocks of(Set<String> domains) {
    return new DomainBlocks(domains.stream().map(DomainBlocks::normalize).collect(Collectors.toUnmodifiableSet()));
  }

  /** Whether {@code uri}'s host is blocked. */
  public boolean blocks(URI uri) {
    String host = uri.getHost();
    if (host == null) {
      return false;
    }
    String candidate = normalize(host);
    while (true) {
      if (domains.contains(candidate)) {
        return true;
      }
      int dot = candidate.indexOf('.');
      if (dot < 0) {
        return false;
      }
      candidate = candidate.substring(dot + 1);
    }
  }

  private static String normalize(String domain) {
    String lower = domain.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
