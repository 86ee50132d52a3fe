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
 * pages that are served, typed, list their items and chain by {@code next} (at most {@link #MAX_PAGES} are walked),
 * each page's {@code prev}, when given, leading back to where the page before it ended.
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
    Optional<JsonArray> previousItems = Optional.empty();
    for (int pages = 0; next.isPresent() && pages < MAX_PAGES; pages++) {
      String url = next.get();
      Optional<JsonObject> page = probe.document(URI.create(url), problems::add);
      Optional<JsonArray> items = page.flatMap(p -> items(url, p, problems));
      if (items.isEmpty()) {
        return;
      }
      if (pages == 0) {
        items.get().forEach(firstItems::add);
      }
      previousItems.ifPresent(before -> checkPrev(url, page.get(), before, problems));
      previousItems = items;
      next = pageUrl(page.get().getValue("next"));
    }
  }

  /**
   * A page reached by {@code next} whose {@code prev} is given must lead back: to a page ending with the last item of
   * the page that linked here ({@code before}), whatever page boundaries the server chooses.
   */
  private void checkPrev(String url, JsonObject page, JsonArray before, List<String> problems) {
    Optional<String> prev = pageUrl(page.getValue("prev"));
    if (prev.isEmpty() || before.isEmpty()) {
      return;
    }
    Optional<JsonArray> back = probe.document(URI.create(prev.get()), problems::add)
        .flatMap(p -> items(prev.get(), p, problems));
    if (back.isPresent() && (back.get().isEmpty()
        || !back.get().getValue(back.get().size() - 1).equals(before.getValue(before.size() - 1)))) {
      problems.add("the prev of " + url + " (" + prev.get() + ") does not end where the page before it ended");
    }
  }

  /** The items of {@code page}, served at {@code url}, which must be a CollectionPage with an items array. */
  private static Optional<JsonArray> items(String url, JsonObject page, List<String> problems) {
    if (!PAGES.contains(page.getString("type", ""))) {
      problems.add(url + " has type '" + page.getValue("type") + "', not a CollectionPage");
    }
    Object items = page.getValue(page.containsKey("orderedItems") ? "orderedItems" : "items");
    if (!(items instanceof JsonArray array)) {
      problems.add(url + " has no items array");
      return Optional.empty();
    }
    return Optional.of(array);
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
