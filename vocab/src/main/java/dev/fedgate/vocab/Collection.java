package dev.fedgate.vocab;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A collection or a page of one (followers, outboxes, comments). {@code first}/{@code last} may embed their page;
 * {@code next}, {@code prev} and {@code partOf} are ids.
 */
public record Collection(
    CollectionType type,
    URI id,
    Optional<Long> totalItems,
    Optional<Ref<Collection>> first,
    Optional<Ref<Collection>> last,
    Optional<URI> next,
    Optional<URI> prev,
    Optional<URI> partOf,
    List<Ref<ApObject>> items,
    Extensions extensions)
    implements ApObject {
  /** Copies the list and checks that nothing is null. */
  public Collection {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(totalItems, "totalItems");
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(last, "last");
    Objects.requireNonNull(next, "next");
    Objects.requireNonNull(prev, "prev");
    Objects.requireNonNull(partOf, "partOf");
    items = List.copyOf(items);
    Objects.requireNonNull(extensions, "extensions");
  }

  /** An {@code OrderedCollection} that only says how many items it has and where its first page is. */
  public static Collection orderedSummary(URI id, long totalItems, URI first) {
    return new Collection(CollectionType.ORDERED_COLLECTION, id, Optional.of(totalItems), Optional.of(Ref.of(first)),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Extensions.NONE);
  }

  /** One {@code OrderedCollectionPage} of {@code partOf}, with the next page if there is one. */
  public static Collection orderedPage(
      URI id, URI partOf, long totalItems, List<Ref<ApObject>> items, Optional<URI> next) {
    return new Collection(CollectionType.ORDERED_COLLECTION_PAGE, id, Optional.of(totalItems), Optional.empty(),
        Optional.empty(), next, Optional.empty(), Optional.of(partOf), items, Extensions.NONE);
  }
}
