package dev.fedgate.vocab;

import java.util.Arrays;
import java.util.Optional;

/** The four collection types; ordered ones hold {@code orderedItems}, the others {@code items}. */
public enum CollectionType {
  /** {@code Collection}. */
  COLLECTION("Collection", false, false),
  /** {@code OrderedCollection} (outboxes, followers). */
  ORDERED_COLLECTION("OrderedCollection", true, false),
  /** {@code CollectionPage}. */
  COLLECTION_PAGE("CollectionPage", false, true),
  /** {@code OrderedCollectionPage}. */
  ORDERED_COLLECTION_PAGE("OrderedCollectionPage", true, true);

  private final String wireName;
  private final boolean ordered;
  private final boolean page;

  CollectionType(String wireName, boolean ordered, boolean page) {
    this.wireName = wireName;
    this.ordered = ordered;
    this.page = page;
  }

  /** The AS2 type name. */
  public String wireName() {
    return wireName;
  }

  /** Whether items are {@code orderedItems}. */
  public boolean ordered() {
    return ordered;
  }

  /** Whether this is a page of another collection. */
  public boolean page() {
    return page;
  }

  /** The property that holds the items. */
  public String itemsProperty() {
    return ordered ? "orderedItems" : "items";
  }

  /** The collection type named {@code wireName}, if it is one. */
  public static Optional<CollectionType> fromWire(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
