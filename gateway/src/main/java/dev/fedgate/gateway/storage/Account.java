package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A local account (federated as a {@code Person}), as the site last described it. */
public record Account(
    String name, String displayName, String summary, URI url, Optional<Image> avatar, Optional<Image> banner) {
  /** Checks that every component is present (optional pictures as {@link Optional#empty()}). */
  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(avatar, "avatar");
    Objects.requireNonNull(banner, "banner");
  }
}
