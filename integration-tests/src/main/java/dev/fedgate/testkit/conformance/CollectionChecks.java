package dev.fedgate.testkit.conformance;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An actor's {@code outbox}, {@code followers} and {@code following}: each a Collection with {@code totalItems}
 * (Mastodon and PeerTube read the counts there) and {@code first} (without it Mastodon hides the collections), and
 * pages that are served, typed, list their items and chain by {@code next} (at most {@link #MAX_PAGES} are walked).
 */
final class CollectionChecks {
  static final String PREFIX = "collection:";
  private static final int MAX_PAGES = 5;
  private static final Set<String> COLLECTIONS = Set.of("Collection", "OrderedCollection");
  private static final Set<String> PAGES = Set.of("CollectionPage", "OrderedCollectionPage");

  private final Probe probe;

  CollectionChecks(Probe probe) {
    this.probe = probe;
  }

  /** Checks {@code property} of {@code actor}; returns the items of its first page (for the video checks). */
  List<Object> check(JsonObject actor, String property, Results results) {
    String check = PREFIX + property;
    if (!(actor.getValue(property) instanceof String value)) {
      results.fail(check, "the actor has no " + property + " URL");
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    List<Object> firstItems = new ArrayList<>();
    Optional<JsonObject> collection = probe.document(URI.create(value), problems::add);
    collection.ifPresent(c -> walk(c, problems, firstItems));
    results.outcome(check, problems, value + " has totalItems " + collection.map(c -> c.getValue("totalItems"))
        .orElse("") + " and pages that chain");
    return firstItems;
  }

  private void walk(JsonObject collection, List<String> problems, List<Object> firstItems) {
    if (!COLLECTIONS.contains(collection.getString("type", ""))) {
      problems.add("type '" + collection.getValue("type") + "' is not a Collection");
    }
    if (!(collection.getValue("totalItems") instanceof Number total) || total.longValue() < 0) {
      problems.add("no totalItems >= 0");
    }
    Object first = collection.getValue("first");
    if (first == null) {
      problems.add("no first page (Mastodon then hides the collection)");
      return;
    }
    Optional<String> next = pageUrl(first);
    for (int pages = 0; next.isPresent() && pages < MAX_PAGES; pages++) {
      Optional<JsonObject> page = probe.document(URI.create(next.get()), problems::add);
      if (page.isEmpty()) {
        return;
      }
      if (!PAGES.contains(page.get().getString("type", ""))) {
        problems.add(next.get() + " has type '" + page.get().getValue("type") + "', not a CollectionPage");
      }
      Object items = page.get().getValue(page.get().containsKey("orderedItems") ? "orderedItems" : "items");
      if (!(items instanceof JsonArray array)) {
        problems.add(next.get() + " has no items array");
        return;
      }
      if (pages == 0) {
        array.forEach(firstItems::add);
      }
      next = pageUrl(page.get().getValue("next"));
    }
  }

  /** A page reference, a URL or an embedded page's id ({@code first} may embed its page). */
  private static Optional<String> pageUrl(Object reference) {
    if (reference instanceof String url) {
      return Optional.of(url);
    }
    return reference instanceof JsonObject page && page.getValue("id") instanceof String id
        ? Optional.of(id) : Optional.empty();
  }
}
