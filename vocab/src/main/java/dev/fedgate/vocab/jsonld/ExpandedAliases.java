package dev.fedgate.vocab.jsonld;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link IriAliases} to expanded JSON-LD: property IRIs, {@code @type} IRIs, and the old
 * {@code http://www.w3.org/ns/activitystreams#Public} id, so compaction finds our terms for them.
 */
final class ExpandedAliases {
  private ExpandedAliases() {}

  /** {@code expanded} with every IRI namespace spelled the canonical way (maps are rebuilt, lists copied). */
  static Object normalize(Object expanded) {
    if (expanded instanceof List<?> list) {
      List<Object> normalized = new ArrayList<>(list.size());
      list.forEach(element -> normalized.add(normalize(element)));
      return normalized;
    }
    if (!(expanded instanceof Map<?, ?> map)) {
      return expanded;
    }
    Map<String, Object> normalized = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = (String) entry.getKey();
      Object value = entry.getValue();
      if (key.equals("@type")) {
        normalized.put(key, types(value));
      } else if (key.equals("@id") && value instanceof String id) {
        normalized.put(key, IriAliases.normalize(id));
      } else if (key.equals("@value")) {
        normalized.put(key, value);
      } else {
        String property = key.startsWith("@") ? key : IriAliases.normalize(key);
        Object normalizedValue = normalize(value);
        normalized.merge(property, normalizedValue, ExpandedAliases::concat);
      }
    }
    return normalized;
  }

  private static Object types(Object value) {
    if (value instanceof String type) {
      return IriAliases.normalize(type);
    }
    if (value instanceof List<?> list) {
      List<Object> normalized = new ArrayList<>(list.size());
      list.forEach(type -> normalized.add(type instanceof String s ? IriAliases.normalize(s) : type));
      return normalized;
    }
    return value;
  }

  private static Object concat(Object first, Object second) {
    List<Object> joined = new ArrayList<>((List<?>) first);
    joined.addAll((List<?>) second);
    return joined;
  }
}
