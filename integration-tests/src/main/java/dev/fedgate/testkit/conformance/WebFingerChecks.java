package dev.fedgate.testkit.conformance;

import dev.fedgate.testkit.peers.HttpResult;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * WebFinger as Mastodon queries it (reference mastodon.md §(a)): a non-blank {@code subject} and a {@code self} link
 * whose {@code type} is exactly one of the two ActivityPub strings Mastodon matches.
 */
final class WebFingerChecks {
  static final String DISCOVERY = "webfinger";
  static final String ROUND_TRIP = "webfinger-round-trip";
  private static final Set<String> SELF_TYPES = Set.of("application/activity+json",
      "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"");

  private final Probe probe;
  private final String scheme;

  WebFingerChecks(Probe probe, String scheme) {
    this.probe = probe;
    this.scheme = scheme;
  }

  /** Discovery of {@code acct} ({@code name@host}): the actor id of its self link, or empty after a failure. */
  Optional<URI> discover(String acct, Results results) {
    List<String> problems = new ArrayList<>();
    Optional<URI> self = selfLink(acct, problems::add);
    results.outcome(DISCOVERY, problems, "acct:" + acct + " has a self link of type application/activity+json to "
        + self.map(URI::toString).orElse(""));
    return self;
  }

  /** Mastodon's {@code check_webfinger!}: the actor's handle resolves back to the actor's id. */
  void roundTrip(JsonObject actor, Results results) {
    URI id = URI.create(actor.getString("id"));
    String acct = actor.getValue("webfinger") instanceof String handle && handle.contains("@") ? handle
        : actor.getString("preferredUsername", "") + "@" + id.getAuthority();
    List<String> problems = new ArrayList<>();
    Optional<URI> self = selfLink(acct, problems::add);
    if (self.isPresent() && !self.get().equals(id)) {
      problems.add("acct:" + acct + " self link is " + self.get() + ", not the actor id " + id
          + " (Mastodon: does not loop back)");
    }
    results.outcome(ROUND_TRIP, problems, "acct:" + acct + " loops back to " + id);
  }

  private Optional<URI> selfLink(String acct, Consumer<String> problem) {
    String host = acct.substring(acct.indexOf('@') + 1);
    URI query = URI.create(scheme + "://" + host + "/.well-known/webfinger?resource="
        + URLEncoder.encode("acct:" + acct, StandardCharsets.UTF_8));
    HttpResult answer;
    try {
      answer = probe.get(query, "application/jrd+json, application/json");
    } catch (RuntimeException e) {
      problem.accept(e.getMessage());
      return Optional.empty();
    }
    if (answer.status() != 200) {
      problem.accept(query + " answered " + answer.status());
      return Optional.empty();
    }
    Optional<JsonObject> jrd = answer.json();
    if (jrd.isEmpty() || jrd.get().getString("subject", "").isBlank()) {
      problem.accept(query + " has no subject");
      return Optional.empty();
    }
    String subject = jrd.get().getString("subject").replaceFirst("^acct:", "");
    if (!subject.equalsIgnoreCase(acct)) {
      problem.accept("subject is " + subject + ", not " + acct);
    }
    JsonArray links = jrd.get().getValue("links") instanceof JsonArray array ? array : new JsonArray();
    Optional<JsonObject> self = links.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .filter(l -> "self".equals(l.getString("rel")) && SELF_TYPES.contains(l.getString("type"))
            && l.getValue("href") instanceof String).findFirst();
    if (self.isEmpty()) {
      problem.accept("no self link with type application/activity+json (Mastodon matches the exact string)");
      return Optional.empty();
    }
    try {
      return Optional.of(URI.create(self.get().getString("href")));
    } catch (IllegalArgumentException e) {
      problem.accept("self href is not a URI");
      return Optional.empty();
    }
  }
}
