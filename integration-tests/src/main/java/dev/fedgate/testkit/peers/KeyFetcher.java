package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a signature's {@code keyId} the way Mastodon does: fetch the document without the fragment (signed by
 * the fetching instance's actor, as Mastodon and PeerTube sign every fetch) and take the {@code publicKey} whose id is
 * the key id and whose {@code owner} is the document; a fragment-less key id (old PeerTube) names the actor itself.
 */
final class KeyFetcher {
  private final SignedHttpClient http;
  private final SimulatedActor fetcher;

  KeyFetcher(SignedHttpClient http, SimulatedActor fetcher) {
    this.http = http;
    this.fetcher = fetcher;
  }

  /** The key, or empty when it cannot be fetched or is not owned by the document that publishes it. */
  Optional<PublicKeyMaterial> fetch(String keyId) {
    URI key;
    try {
      key = URI.create(keyId);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    URI document = key.getFragment() == null ? key : URI.create(keyId.substring(0, keyId.indexOf('#')));
    if (!"http".equals(key.getScheme()) && !"https".equals(key.getScheme())) {
      return Optional.empty();
    }
    HttpResult result = http.signedGet(fetcher, document, SignatureScheme.CAVAGE_12);
    Optional<JsonObject> json = result.status() == 200 ? result.json() : Optional.empty();
    return json.flatMap(actor -> ownedKey(actor, keyId));
  }

  private static Optional<PublicKeyMaterial> ownedKey(JsonObject actor, String keyId) {
    String owner = actor.getString("id", "");
    for (JsonObject candidate : keys(actor.getValue("publicKey"))) {
      boolean named = keyId.equals(candidate.getString("id")) || keyId.equals(owner);
      if (named && owner.equals(candidate.getString("owner"))) {
        try {
          return Optional.of(PublicKeyMaterial.fromPem(candidate.getString("publicKeyPem", "")));
        } catch (KeyFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static List<JsonObject> keys(Object value) {
    List<JsonObject> keys = new ArrayList<>();
    if (value instanceof JsonObject one) {
      keys.add(one);
    } else if (value instanceof JsonArray many) {
      many.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).forEach(keys::add);
    }
    return keys;
  }
}
