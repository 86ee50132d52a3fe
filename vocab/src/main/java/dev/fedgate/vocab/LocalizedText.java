package dev.fedgate.vocab;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A natural-language property read from both its plain and its language-map form ({@code name}/{@code nameMap},
 * {@code summary}/{@code summaryMap}, {@code content}/{@code contentMap}).
 */
public record LocalizedText(Optional<String> plain, Map<String, String> byLanguage) {
  /** Neither form present. */
  public static final LocalizedText EMPTY = new LocalizedText(Optional.empty(), Map.of());

  /** Copies the map, keeping its order (the first language is the one Mastodon picks). */
  public LocalizedText {
    Objects.requireNonNull(plain, "plain");
    byLanguage = Collections.unmodifiableMap(new LinkedHashMap<>(byLanguage));
  }

  /** Only a plain value. */
  public static LocalizedText of(String plain) {
    return new LocalizedText(Optional.of(plain), Map.of());
  }

  /** The plain value, else the first language's value (Mastodon's {@code first_of_value} of the map). */
  public Optional<String> best() {
    return plain.isPresent() ? plain : byLanguage.values().stream().findFirst();
  }

  /** Whether neither form is present. */
  public boolean isEmpty() {
    return plain.isEmpty() && byLanguage.isEmpty();
  }
}
