package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A local account (federated as a {@code Person}), as the site last described it; with
 * {@code manuallyApprovesFollowers} a Follow waits for the site's approval.
 */
public record Account(
    String name,
    String displayName,
    String summary,
    URI url,
    Optional<Image> avatar,
    Optional<Image> banner,
    boolean manuallyApprovesFollowers) {
  /** Checks that every component is present (optional pictures as {@link Optional#empty()}). */
  public Account {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(avatar, "avatar");
    Objects.requireNonNull(banner, "banner");
  }

  /** An account that accepts every follower at once. */
  public Account(
      String name, String displayName, String summary, URI url, Optional<Image> avatar, Optional<Image> banner) {
    this(name, displayName, summary, url, avatar, banner, false);
  }
}
