package dev.fedgate.gateway.mapping;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.CollectionType;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Ordered collections (outboxes, followers, following, comments, likes) and their pages. A collection names its
 * first page ({@code ?page=true}); later pages are {@code ?page=true&after=<cursor>} with the store's keyset cursor,
 * so a page is as cheap at item 100,000 as at item 10 and stays stable while items are added.
 */
public final class CollectionMapper {
  private CollectionMapper() {}

  /** The collection itself: how many items, and its first page (Mastodon hides collections without one). */
  public static Collection summary(URI collection, long totalItems) {
    return Collection.orderedSummary(collection, totalItems, pageId(collection, PagePosition.FIRST));
  }

  /** One page at {@code position}; {@code next} is the store's cursor after it, when there may be more. */
  public static Collection page(URI collection, PagePosition position, long totalItems,
      List<Ref<ApObject>> items, Optional<String> next) {
    return new Collection(CollectionType.ORDERED_COLLECTION_PAGE, pageId(collection, position),
        Optional.of(totalItems), Optional.empty(), Optional.empty(),
        next.map(cursor -> pageId(collection, position.next(cursor))),
        position.prev().map(prev -> pageId(collection, prev)), Optional.of(collection), items, Extensions.NONE);
  }

  /** The id of the page of {@code collection} at {@code position}. */
  public static URI pageId(URI collection, PagePosition position) {
    StringBuilder id = new StringBuilder(collection.toString()).append("?page=true");
    position.after().ifPresent(after -> id.append("&after=").append(encode(after)));
    position.previous().ifPresent(previous -> id.append("&from=").append(encode(previous)));
    return URI.create(id.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
