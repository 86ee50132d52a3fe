package dev.fedgate.signatures;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "For these methods (all when empty), the signature must cover at least one of these components."
 * Mastodon's rules are disjunctions (e.g. {@code date} or {@code (created)}), so one requirement is a set.
 */
public record ComponentRequirement(Set<String> methods, Set<String> anyOf) {
  /** Upper-cases methods, copies sets, needs at least one component. */
  public ComponentRequirement {
    methods = methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    anyOf = Set.copyOf(anyOf);
    if (anyOf.isEmpty()) {
      throw new IllegalArgumentException("a requirement needs at least one component");
    }
  }

  /** For every message. */
  public static ComponentRequirement always(String... anyOf) {
    return new ComponentRequirement(Set.of(), Set.of(anyOf));
  }

  /** For requests with this method only. */
  public static ComponentRequirement forMethod(String method, String... anyOf) {
    return new ComponentRequirement(Set.of(Objects.requireNonNull(method)), Set.of(anyOf));
  }

  boolean appliesTo(HttpMessage message) {
    return methods.isEmpty()
        || (message instanceof HttpRequest r && methods.contains(r.method().toUpperCase(Locale.ROOT)));
  }
}
