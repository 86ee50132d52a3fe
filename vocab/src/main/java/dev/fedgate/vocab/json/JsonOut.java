package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.LazyUri;
import dev.fedgate.vocab.LocalizedText;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one JSON object in a fixed key order. Absent values ({@code null}, empty {@link Optional}, empty arrays)
 * are left out, which is how PeerTube and Mastodon read "not set".
 */
final class JsonOut {
  private final ObjectNode node;

  private JsonOut(ObjectNode node) {
    this.node = node;
  }

  static JsonOut object() {
    return new JsonOut(JsonNodeFactory.instance.objectNode());
  }

  ObjectNode node() {
    return node;
  }

  /**
   * Puts a string, URI (built or lazy), number, boolean, instant or JSON value; unwraps an Optional; skips an absent
   * value.
   */
  JsonOut put(String key, Object value) {
    JsonNode json = toJson(value);
    if (json != null) {
      node.set(key, json);
    }
    return this;
  }

  /** Puts {@code key} and its language map {@code key + "Map"}. */
  JsonOut text(String key, LocalizedText text) {
    put(key, text.plain());
    if (!text.byLanguage().isEmpty()) {
      ObjectNode map = node.putObject(key + "Map");
      text.byLanguage().forEach(map::put);
    }
    return this;
  }

  /** Puts the ids as an array (PeerTube's comment validator wants {@code to} to be an array). */
  JsonOut uris(String key, List<URI> uris) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    uris.forEach(u -> array.add(u.toString()));
    return put(key, uris.isEmpty() ? null : array);
  }

  /** Puts the extension properties that no typed field has already written. */
  JsonOut extensions(Extensions extensions) {
    for (Map.Entry<String, JsonNode> e : extensions.json().properties()) {
      if (!node.has(e.getKey())) {
        node.set(e.getKey(), e.getValue());
      }
    }
    return this;
  }

  private static JsonNode toJson(Object value) {
    Object plain = value instanceof Optional<?> optional ? optional.orElse(null) : value;
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (plain == null) {
      return null;
    }
    if (plain instanceof JsonNode json) {
      return json;
    }
    if (plain instanceof String || plain instanceof URI || plain instanceof LazyUri
        || plain instanceof Instant) {
      return f.textNode(plain.toString());
    }
    if (plain instanceof Boolean b) {
      return f.booleanNode(b);
    }
    if (plain instanceof Integer i) {
      return f.numberNode(i);
    }
    if (plain instanceof Long l) {
      return f.numberNode(l);
    }
    if (plain instanceof Double d) {
      return f.numberNode(d);
    }
    throw new IllegalArgumentException("no JSON form for " + plain.getClass().getName());
  }
}
