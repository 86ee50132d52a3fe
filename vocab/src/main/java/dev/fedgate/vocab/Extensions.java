package dev.fedgate.vocab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Properties of a document that no field of its type models (extension terms, peers' own keys): kept as raw JSON so
 * that reading never drops what a peer sent and rendering can pass it on.
 */
public record Extensions(ObjectNode json) {
  /** No extension properties. */
  public static final Extensions NONE = new Extensions(JsonNodeFactory.instance.objectNode());

  /** Copies {@code json}, so the value stays immutable. */
  public Extensions {
    json = Objects.requireNonNull(json, "json").deepCopy();
  }

  /** A copy of the properties, safe to change. */
  @Override
  public ObjectNode json() {
    return json.deepCopy();
  }

  /** A copy of one property, if present. */
  public Optional<JsonNode> get(String name) {
    return Optional.ofNullable(json.get(name)).map(JsonNode::deepCopy);
  }

  /** Whether there are none. */
  public boolean isEmpty() {
    return json.isEmpty();
  }

  /** The names of the properties kept, in document order. */
  public Iterable<String> names() {
    return () -> json.properties().stream().map(Map.Entry::getKey).iterator();
  }
}
