package dev.fedgate.signatures.proof.internal;

import java.util.Map;

/** Term lookups under the reading context (what a member name means, as an IRI or keyword). */
final class TermTable {
  private final Map<String, Object> definitions;

  TermTable(Map<String, Object> definitions) {
    this.definitions = definitions;
  }

  /** The term definitions, as parsed JSON. */
  Map<String, Object> definitions() {
    return definitions;
  }

  /** Whether {@code name} is a language map ({@code "@container": "@language"}, e.g. {@code contentMap}). */
  boolean isLanguageMap(String name) {
    return definitions.get(name) instanceof Map<?, ?> map && "@language".equals(map.get("@container"));
  }

  /** The IRI or keyword {@code name} stands for; a blank node id when nothing defines it. */
  String resolve(String name) {
    if (name.startsWith("@")) {
      return name;
    }
    Object definition = definitions.get(name);
    if (definition != null) {
      Object id = definition instanceof Map<?, ?> map ? map.get("@id") : definition;
      return id instanceof String s ? expandPrefix(s) : "_:" + name;
    }
    return name.contains(":") ? expandPrefix(name) : "_:" + name;
  }

  private String expandPrefix(String value) {
    int colon = value.indexOf(':');
    if (value.startsWith("@") || colon <= 0) {
      return value;
    }
    Object prefix = definitions.get(value.substring(0, colon));
    Object prefixIri = prefix instanceof Map<?, ?> map ? map.get("@id") : prefix;
    return prefixIri instanceof String s && !s.contains("@") ? s + value.substring(colon + 1) : value;
  }
}
