package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.LazyUri;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cursor over one JSON object being read: typed getters that name the JSON pointer and the rule when a value is
 * wrong, and that remember which properties were read so the rest become {@link Extensions}.
 */
final class JsonIn {
  /** Reads one element of a property; {@code pointer} is the element's own pointer. */
  interface ElementReader<T> {
    T read(JsonNode node, Pointer pointer);
  }

  private final ObjectNode node;
  private final Pointer pointer;
  private final Decoder decoder;
  /**
   * The present keys read so far, an open-addressing hash set at most half full: a Video reads 40 keys and a Link
   * about 10, too many for a linear scan and too few to pay for a {@code HashSet}'s entry objects.
   */
  private String[] consumed = new String[16];
  private int consumedCount;

  JsonIn(ObjectNode node, Pointer pointer, Decoder decoder) {
    this.node = node;
    this.pointer = pointer;
    this.decoder = decoder;
    if (node.has("@context")) {
      consume("@context");
    }
  }

  Pointer pointer() {
    return pointer;
  }

  Decoder decoder() {
    return decoder;
  }

  Pointer at(String key) {
    return pointer.child(key);
  }

  /** The raw value, or empty when absent or JSON {@code null} (peers write {@code null} for "not set"). */
  Optional<JsonNode> raw(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      return Optional.empty();
    }
    consume(key);
    return value.isNull() ? Optional.empty() : Optional.of(value);
  }

  /** The raw value without marking it read. */
  JsonNode peek(String key) {
    return node.get(key);
  }

  boolean has(String key) {
    JsonNode value = node.get(key);
    return value != null && !value.isNull();
  }

  // The typed getters check the common case first and build the pointer only to report an error.

  Optional<String> string(String key) {
    return raw(key).map(v -> v.isTextual() ? v.textValue() : asString(v, at(key)));
  }

  String requiredString(String key) {
    return string(key).orElseThrow(() -> missing(at(key)));
  }

  Optional<Boolean> bool(String key) {
    return raw(key).map(v -> {
      if (!v.isBoolean()) {
        throw invalid(at(key), "must be true or false");
      }
      return v.booleanValue();
    });
  }

  Optional<Long> integer(String key) {
    return raw(key).map(v -> v.isIntegralNumber() && v.canConvertToLong() ? v.longValue() : asLong(v, at(key)));
  }

  Optional<Integer> int32(String key) {
    return integer(key).map(v -> {
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw invalid(at(key), "must be a 32-bit integer");
      }
      return v.intValue();
    });
  }

  Optional<Double> number(String key) {
    return raw(key).map(v -> {
      if (!v.isNumber()) {
        throw invalid(at(key), "must be a number");
      }
      return v.doubleValue();
    });
  }

  Optional<Instant> instant(String key) {
    return raw(key).map(v -> asInstant(v, at(key)));
  }

  /** An id: a string, an object with an {@code id} (Mastodon's {@code value_or_id}), or a one-element array. */
  Optional<URI> uri(String key) {
    return lazyUri(key).map(LazyUri::uri);
  }

  URI requiredUri(String key) {
    return requiredLazyUri(key).uri();
  }

  /** Like {@link #uri}, the URI built on first use. */
  Optional<LazyUri> lazyUri(String key) {
    return raw(key).map(v -> {
      LazyUri uri = v.isTextual() ? absoluteOrNull(v.textValue()) : null;
      return uri != null ? uri : asIdLazyUri(v, at(key));
    });
  }

  LazyUri requiredLazyUri(String key) {
    return lazyUri(key).orElseThrow(() -> missing(at(key)));
  }

  /** Ids given as one value or an array. */
  List<URI> uris(String key) {
    return list(key, JsonIn::asIdUri);
  }

  /** Like {@link #uris}, each URI built on first use. */
  List<LazyUri> lazyUris(String key) {
    return list(key, JsonIn::asIdLazyUri);
  }

  /** {@code key} and {@code key + "Map"}. */
  LocalizedText text(String key) {
    Optional<String> plain = string(key);
    Map<String, String> map = new LinkedHashMap<>();
    raw(key + "Map").ifPresent(v -> {
      Pointer mapPointer = at(key + "Map");
      if (!v.isObject()) {
        throw invalid(mapPointer, "must be an object of language tags to strings");
      }
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        Pointer entryPointer = mapPointer.child(e.getKey());
        map.put(languageTag(e.getKey(), entryPointer), asString(e.getValue(), entryPointer));
      }
    });
    return new LocalizedText(plain, map);
  }

  /** One value or an array of them; {@code null} elements are skipped. */
  <T> List<T> list(String key, ElementReader<T> reader) {
    Optional<JsonNode> value = raw(key);
    if (value.isEmpty()) {
      return List.of();
    }
    Pointer base = at(key);
    JsonNode v = value.get();
    if (!v.isArray()) {
      return List.of(reader.read(v, base));
    }
    List<T> out = new ArrayList<>(v.size());
    for (int i = 0; i < v.size(); i++) {
      JsonNode element = v.get(i);
      if (!element.isNull()) {
        out.add(reader.read(element, base.child(i)));
      }
    }
    return out;
  }

  /** Like {@link #list} but the property must be a JSON array. */
  <T> List<T> array(String key, ElementReader<T> reader) {
    raw(key).ifPresent(v -> {
      if (!(v instanceof ArrayNode)) {
        throw invalid(at(key), "must be an array");
      }
    });
    return list(key, reader);
  }

  <T extends ApObject> Optional<Ref<T>> ref(String key, Class<T> type) {
    return raw(key).map(v -> decoder.ref(v, at(key), type));
  }

  <T extends ApObject> Ref<T> requiredRef(String key, Class<T> type) {
    return ref(key, type).orElseThrow(() -> missing(at(key)));
  }

  <T extends ApObject> List<Ref<T>> refs(String key, Class<T> type) {
    return list(key, (v, p) -> decoder.ref(v, p, type));
  }

  /** Every property not read so far. */
  Extensions rest() {
    // Only present keys are remembered, so when every key was read there is nothing left to look at.
    if (consumedCount == node.size()) {
      return Extensions.NONE;
    }
    ObjectNode extra = node.objectNode();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!isConsumed(e.getKey())) {
        extra.set(e.getKey(), e.getValue());
      }
    }
    return extra.isEmpty() ? Extensions.NONE : new Extensions(extra);
  }

  /** A language-map key must be a well-formed BCP 47 tag (AS2 §4.7); {@code und} is allowed. */
  private static String languageTag(String tag, Pointer pointer) {
    try {
      new Locale.Builder().setLanguageTag(tag);
      return tag;
    } catch (IllformedLocaleException e) {
      throw invalid(pointer, "must be keyed by a BCP 47 language tag");
    }
  }

  private void consume(String key) {
    int slot = slot(consumed, key);
    if (consumed[slot] != null) {
      return;
    }
    consumed[slot] = key;
    if (++consumedCount * 2 > consumed.length) {
      String[] larger = new String[consumed.length * 2];
      for (String kept : consumed) {
        if (kept != null) {
          larger[slot(larger, kept)] = kept;
        }
      }
      consumed = larger;
    }
  }

  private boolean isConsumed(String key) {
    return consumed[slot(consumed, key)] != null;
  }

  /** The slot holding {@code key} in {@code table}, or the empty slot where it belongs. */
  private static int slot(String[] table, String key) {
    int mask = table.length - 1;
    int h = key.hashCode();
    int i = (h ^ (h >>> 16)) & mask;
    while (table[i] != null && !table[i].equals(key)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  static String asString(JsonNode v, Pointer pointer) {
    if (!v.isTextual()) {
      throw invalid(pointer, "must be a string");
    }
    return v.textValue();
  }

  static long asLong(JsonNode v, Pointer pointer) {
    if (!v.isIntegralNumber() || !v.canConvertToLong()) {
      throw invalid(pointer, "must be an integer");
    }
    return v.longValue();
  }

  static URI asUri(JsonNode v, Pointer pointer) {
    return asLazyUri(v, pointer).uri();
  }

  /** An absolute URI, built only when first used if it has a common shape (a Video's many links). */
  static LazyUri asLazyUri(JsonNode v, Pointer pointer) {
    String text = asString(v, pointer);
    try {
      LazyUri uri = LazyUri.parse(text);
      // Peers never resolve relative references against a base: an IRI that is not absolute names nothing.
      if (!uri.isAbsolute()) {
        throw invalid(pointer, "must be an absolute URI");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalid(pointer, "must be a URI");
    }
  }

  private static LazyUri absoluteOrNull(String text) {
    try {
      LazyUri uri = LazyUri.parse(text);
      return uri.isAbsolute() ? uri : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** An id: a string, an object with an {@code id}, or a one-element array of either (Mastodon's first_of_value). */
  static URI asIdUri(JsonNode v, Pointer pointer) {
    return asIdLazyUri(v, pointer).uri();
  }

  private static LazyUri asIdLazyUri(JsonNode v, Pointer pointer) {
    if (v.isArray() && v.size() == 1) {
      return asIdLazyUri(v.get(0), pointer.child(0));
    }
    if (v.isObject()) {
      JsonNode id = v.get("id");
      if (id == null || id.isNull()) {
        throw missing(pointer.child("id"));
      }
      return asLazyUri(id, pointer.child("id"));
    }
    return asLazyUri(v, pointer);
  }

  static Instant asInstant(JsonNode v, Pointer pointer) {
    String text = asString(v, pointer);
    try {
      return Timestamps.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(pointer, "must be an ISO 8601 date-time with an offset");
    }
  }

  static VocabException invalid(Pointer pointer, String rule) {
    return new VocabException(VocabProblem.INVALID_VALUE, pointer.toString(), rule);
  }

  static VocabException missing(Pointer pointer) {
    return new VocabException(VocabProblem.MISSING_PROPERTY, pointer.toString(), "is required");
  }
}
