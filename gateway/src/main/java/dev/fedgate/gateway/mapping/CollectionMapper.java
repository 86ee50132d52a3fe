package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.CollectionType;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Ref;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Ordered collections (outboxes, followers, following, comments, likes) and their pages. A collection names its
 * first page ({@code ?page=true}); a page links the next one as {@code ?page=true&after=<cursor>} and the previous one
 * as {@code ?page=true&before=<cursor>} with the store's keyset cursors, so a page is as cheap at item 100,000 as at
 * item 10 and stays stable while items are added.
 */
public final class CollectionMapper {
  private CollectionMapper() {}

  /** The collection itself: how many items, and its first page (Mastodon hides collections without one). */
  public static Collection summary(URI collection, long totalItems) {
    return Collection.orderedSummary(collection, totalItems, pageId(collection, PagePosition.FIRST));
  }

  /** The store's {@code page} at {@code position}, linking the pages after and before it when there may be some. */
  public static Collection page(URI collection, PagePosition position, long totalItems, Page<Ref<ApObject>> page) {
    return new Collection(CollectionType.ORDERED_COLLECTION_PAGE, pageId(collection, position),
        Optional.of(totalItems), Optional.empty(), Optional.empty(),
        page.next().map(cursor -> pageId(collection, PagePosition.after(cursor))),
        page.prev().map(cursor -> pageId(collection, PagePosition.before(cursor))), Optional.of(collection),
        page.items(), Extensions.NONE);
  }

  /** The id of the page of {@code collection} at {@code position}. */
  public static URI pageId(URI collection, PagePosition position) {
    StringBuilder id = new StringBuilder(collection.toString()).append("?page=true");
    position.after().ifPresent(after -> id.append("&after=").append(encode(after)));
    position.before().ifPresent(before -> id.append("&before=").append(encode(before)));
    return URI.create(id.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
