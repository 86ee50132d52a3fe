package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A local channel (federated as a {@code Group}) owned by one local account, as the site last described it; with
 * {@code manuallyApprovesFollowers} a Follow waits for the site's approval.
 */
public record Channel(
    String name,
    String account,
    String displayName,
    String summary,
    URI url,
    Optional<Image> avatar,
    Optional<Image> banner,
    boolean manuallyApprovesFollowers) {
  /** Checks that every component is present (optional pictures as {@link Optional#empty()}). */
  public Channel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(avatar, "avatar");
    Objects.requireNonNull(banner, "banner");
  }

  /** A channel that accepts every follower at once. */
  public Channel(String name, String account, String displayName, String summary, URI url, Optional<Image> avatar,
      Optional<Image> banner) {
    this(name, account, displayName, summary, url, avatar, banner, false);
  }
}
