package dev.fedgate.testkit.conformance;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.peers.SimulatedActor;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fetches ActivityPub documents the way Mastodon accepts them ({@code fetch_resource}): status 200, an ActivityPub
 * content type, a JSON object whose {@code id} equals the requested URI byte for byte.
 */
final class Probe {
  private final SignedHttpClient http;
  private final Optional<SimulatedActor> signer;

  Probe(SignedHttpClient http, Optional<SimulatedActor> signer) {
    this.http = http;
    this.signer = signer;
  }

  /** The checker's own actor, when it has one. */
  Optional<SimulatedActor> signer() {
    return signer;
  }

  /** A plain {@code GET}. */
  HttpResult get(URI uri, String accept) {
    return http.get(uri, accept);
  }

  /** A {@code GET} signed by the checker's actor; empty without one. */
  Optional<HttpResult> signedGet(URI uri) {
    return signer.map(actor -> http.signedGet(actor, uri, SignatureScheme.CAVAGE_12));
  }

  /**
   * The document at {@code uri}, or empty after telling {@code problem} why Mastodon would refuse it. Fetched without
   * a signature first, and signed when that is refused with 401 (authorized fetch), so that a public document is
   * judged as public and the signature is judged by the signed-fetch check alone.
   */
  Optional<JsonObject> document(URI uri, Consumer<String> problem) {
    HttpResult result;
    try {
      result = http.get(uri, SignedHttpClient.ACCEPT_ACTIVITY);
      if (result.status() == 401) {
        result = signedGet(uri).orElse(result);
      }
    } catch (RuntimeException e) {
      problem.accept(e.getMessage());
      return Optional.empty();
    }
    return accept(uri, result, problem);
  }

  /** {@code result} of fetching {@code uri} as Mastodon judges it. */
  static Optional<JsonObject> accept(URI uri, HttpResult result, Consumer<String> problem) {
    if (result.status() != 200) {
      problem.accept(uri + " answered " + result.status());
      return Optional.empty();
    }
    if (!activityPubType(result.contentType())) {
      problem.accept(uri + " has Content-Type '" + result.contentType() + "', not application/activity+json");
      return Optional.empty();
    }
    Optional<JsonObject> json = result.json();
    if (json.isEmpty()) {
      problem.accept(uri + " is not a JSON object");
      return Optional.empty();
    }
    String id = json.get().getString("id", "");
    if (!uri.toString().equals(id)) {
      problem.accept(uri + " has id '" + id + "' (must equal the fetched URI)");
      return Optional.empty();
    }
    return json;
  }

  /** {@code valid_activitypub_content_type?}: activity+json, or ld+json with the ActivityStreams profile. */
  static boolean activityPubType(String contentType) {
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("application/activity+json") || type.startsWith("application/ld+json")
        && type.contains("profile=") && type.contains("https://www.w3.org/ns/activitystreams");
  }
}
