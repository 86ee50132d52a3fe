package dev.fedgate.vocab.peertube;

import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Link;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One {@code subtitleLanguage} entry: a language and the caption file(s), {@code text/vtt} or HLS. */
public record Subtitle(String identifier, Optional<String> name, List<Link> url, Extensions extensions) {
  /** Copies the list. */
  public Subtitle {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(name, "name");
    url = List.copyOf(url);
    Objects.requireNonNull(extensions, "extensions");
  }
}
