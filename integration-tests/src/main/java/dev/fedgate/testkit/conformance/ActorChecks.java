package dev.fedgate.testkit.conformance;

import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.KeyType;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.validate.MastodonActorRules;
import dev.fedgate.vocab.validate.PeerTubeActorRules;
import dev.fedgate.vocab.validate.Validation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The actor document: fetched as Mastodon fetches it, its shape as Mastodon's {@code FetchRemoteActorService} and
 * PeerTube's {@code sanitizeAndCheckActorObject} check it, its key, and whether a signed fetch is answered.
 */
final class ActorChecks {
  static final String DOCUMENT = "actor-document";
  static final String SHAPE = "actor-shape";
  static final String KEY = "public-key";
  static final String SIGNED_FETCH = "signed-fetch";
  private static final String AS = "https://www.w3.org/ns/activitystreams";
  private static final Set<String> TYPES = Set.of("Application", "Group", "Organization", "Person", "Service");

  private final Probe probe;
  private final VocabReader reader;
  private final boolean allowHttp;

  ActorChecks(Probe probe, VocabReader reader, boolean allowHttp) {
    this.probe = probe;
    this.reader = reader;
    this.allowHttp = allowHttp;
  }

  /** Fetches the actor: status, content type and id equality; empty after a failure. */
  Optional<JsonObject> fetch(URI id, Results results) {
    List<String> problems = new ArrayList<>();
    Optional<JsonObject> actor = probe.document(id, problems::add);
    results.outcome(DOCUMENT, problems, id + " is served as application/activity+json with its own id");
    return actor;
  }

  /** The document's shape: what Mastodon requires, then both peers' actor rules from the vocab validators. */
  void shape(JsonObject actor, Results results) {
    List<String> problems = new ArrayList<>();
    Object context = actor.getValue("@context");
    if (!(AS.equals(context) || context instanceof JsonArray array && array.contains(AS))) {
      problems.add("@context does not include " + AS);
    }
    if (!TYPES.contains(actor.getString("type", ""))) {
      problems.add("type '" + actor.getValue("type") + "' is not one of " + TYPES);
    }
    if (!(actor.getValue("preferredUsername") instanceof String) && !(actor.getValue("webfinger") instanceof String)) {
      problems.add("neither preferredUsername nor webfinger");
    }
    if (!(actor.getValue("inbox") instanceof String inbox) || inbox.isBlank()) {
      problems.add("no inbox");
    }
    String scheme = URI.create(actor.getString("id")).getScheme();
    if (!"https".equals(scheme) && !(allowHttp && "http".equals(scheme))) {
      problems.add("id is not https (use --allow-http for a test server)");
    }
    vocabRules(actor, problems);
    results.outcome(SHAPE, problems, actor.getString("type") + " with inbox, preferredUsername and an accepted shape");
  }

  private void vocabRules(JsonObject actor, List<String> problems) {
    try {
      Actor read = reader.read(actor.encode().getBytes(StandardCharsets.UTF_8), Actor.class);
      refusal("Mastodon", MastodonActorRules.validate(read), problems);
      refusal("PeerTube", PeerTubeActorRules.validate(read), problems);
    } catch (VocabException e) {
      problems.add("unreadable as an actor at " + e.pointer() + " (" + e.rule() + "): " + e.getMessage());
    }
  }

  static void refusal(String peer, Validation<?> validation, List<String> problems) {
    if (validation instanceof Validation.Refused<?> refused) {
      problems.add(peer + " refuses it: " + refused.violations());
    }
  }

  /** {@code publicKey}: SPKI PEM ({@code BEGIN PUBLIC KEY}, as PeerTube requires), owned by the actor, parseable. */
  void key(JsonObject actor, Results results) {
    List<String> problems = new ArrayList<>();
    String id = actor.getString("id");
    Object value = actor.getValue("publicKey");
    JsonObject key = value instanceof JsonObject one ? one
        : value instanceof JsonArray many && !many.isEmpty() && many.getValue(0) instanceof JsonObject first ? first
        : null;
    if (key == null) {
      results.fail(KEY, "no publicKey object");
      return;
    }
    String pem = key.getString("publicKeyPem", "");
    if (!pem.startsWith("-----BEGIN PUBLIC KEY-----") || !pem.contains("-----END PUBLIC KEY-----")) {
      problems.add("publicKeyPem is not an SPKI PEM (BEGIN PUBLIC KEY)");
    }
    if (!id.equals(key.getString("owner"))) {
      problems.add("owner '" + key.getValue("owner") + "' is not the actor id");
    }
    String keyId = key.getString("id", "");
    if (!keyId.equals(id) && !keyId.startsWith(id + "#")) {
      problems.add("key id '" + keyId + "' is not in the actor document");
    }
    String kind = "";
    try {
      PublicKeyMaterial material = PublicKeyMaterial.fromPem(pem);
      kind = material.type() + " " + material.sizeBits() + " bits";
      if (material.sizeBits() < 2048 && material.type() == KeyType.RSA) {
        problems.add("RSA key of " + material.sizeBits() + " bits (2048 needed)");
      }
    } catch (KeyFormatException e) {
      problems.add("publicKeyPem does not parse: " + e.getMessage());
    }
    results.outcome(KEY, problems, keyId + ", " + kind + ", SPKI PEM owned by the actor");
  }

  /** A fetch signed by the checker's own actor is answered 200 with the same document. */
  void signedFetch(URI id, Results results) {
    Optional<HttpResult> answer;
    try {
      answer = probe.signedGet(id);
    } catch (RuntimeException e) {
      results.fail(SIGNED_FETCH, e.getMessage());
      return;
    }
    if (answer.isEmpty()) {
      results.skip(SIGNED_FETCH, "the checker has no actor the target can reach (only for loopback targets)");
      return;
    }
    List<String> problems = new ArrayList<>();
    Probe.accept(id, answer.get(), problems::add);
    results.outcome(SIGNED_FETCH, problems, "a GET signed by " + probe.signer().orElseThrow().keyId()
        + " is answered");
  }
}
