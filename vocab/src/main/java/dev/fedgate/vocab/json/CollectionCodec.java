package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.CollectionType;

/** Reads and writes collections and their pages. */
final class CollectionCodec {
  private CollectionCodec() {}

  static Collection read(JsonIn in, CollectionType type) {
    return new Collection(type, in.requiredUri("id"), in.integer("totalItems"), in.ref("first", Collection.class),
        in.ref("last", Collection.class), in.uri("next"), in.uri("prev"), in.uri("partOf"),
        in.refs(type.itemsProperty(), ApObject.class), in.rest());
  }

  static JsonOut write(Collection c) {
    JsonOut out = JsonOut.object().put("type", c.type().wireName()).put("id", c.id())
        .put("totalItems", c.totalItems()).put("first", c.first().map(RefCodec::ref))
        .put("last", c.last().map(RefCodec::ref)).put("next", c.next()).put("prev", c.prev())
        .put("partOf", c.partOf());
    // An empty page still says so: a followers page with no items is an empty array, not a missing one.
    ArrayNode items = c.items().isEmpty() ? JsonNodeFactory.instance.arrayNode() : RefCodec.refs(c.items());
    if (c.type().page() || !c.items().isEmpty()) {
      out.put(c.type().itemsProperty(), items);
    }
    return out.extensions(c.extensions());
  }
}
