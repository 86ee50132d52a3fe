package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Converts between Jackson trees and the plain maps and lists jsonld-java works on. */
final class PlainJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private PlainJson() {}

  /** A mutable deep copy of {@code node} as maps, lists, strings, numbers and booleans. */
  static Object toJava(JsonNode node) {
    return MAPPER.convertValue(node, Object.class);
  }

  /** {@code value} (maps, lists, scalars) as a Jackson tree. */
  static JsonNode toTree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A new empty object node. */
  static ObjectNode objectNode() {
    return MAPPER.createObjectNode();
  }
}
