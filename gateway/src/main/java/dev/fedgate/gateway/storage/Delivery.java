package dev.fedgate.gateway.storage;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One unsigned outbound POST: the activity JSON (sent as its UTF-8 bytes, signed at send time by the local actor
 * {@code signer}) for one target inbox. {@code objectId} names the local object the activity is about, so queued
 * deliveries can be cancelled when that object is deleted.
 */
public record Delivery(URI inbox, String signer, URI activityId, Optional<URI> objectId, String json) {
  /** Checks presence; the inbox must be an absolute URL with a host (jobs are grouped by it). */
  public Delivery {
    Objects.requireNonNull(inbox, "inbox");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(activityId, "activityId");
    Objects.requireNonNull(objectId, "objectId");
    Objects.requireNonNull(json, "json");
    if (inbox.getHost() == null) {
      throw new IllegalArgumentException("inbox has no host: " + inbox);
    }
  }

  /** The inbox's host, lower-cased, with the port when it has one: what per-host limits and health key on. */
  public String host() {
    return hostOf(inbox);
  }

  /** A URL's host as deliveries name it: lower-case, with the port when one is given. */
  public static String hostOf(URI url) {
    String host = url.getHost().toLowerCase(Locale.ROOT);
    return url.getPort() == -1 ? host : host + ":" + url.getPort();
  }
}
