package dev.fedgate.vocab.jsonld;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns jsonld-java's compaction against the canonical context into what a peer's compact JSON looks like, so the
 * reader sees one shape whichever path a document took. The rules, applied to every object below the top:
 *
 * <ol>
 *   <li>A key compaction left as a compact or absolute IRI (it does so when a value's type or language does not match
 *       the term's coercion) is renamed to the canonical term for that IRI; values already under that term are kept
 *       and the two are joined into an array.
 *   <li>A key {@code _:name} (a property no context defined; ActivityStreams maps those to blank-node IRIs) becomes
 *       {@code name}, as the fast path would read it. The same holds for {@code type} values.
 *   <li>A value object {@code {"@value": v, ...}} becomes {@code v}: typed and language-tagged literals are plain
 *       JSON values again.
 *   <li>{@code {"@list": [...]}} becomes the array.
 *   <li>An object holding only {@code id} becomes the id string (a reference, as peers write it).
 *   <li>{@code as:Public} becomes {@code https://www.w3.org/ns/activitystreams#Public}, the form PeerTube and
 *       Mastodon write.
 * </ol>
 */
final class CompactFormRewriter {
  static final String PUBLIC = IriAliases.ACTIVITY_STREAMS + "Public";
  private static final String BLANK_VOCABULARY = "_:";

  private final CanonicalTerms canonical;
  private final ActiveTerms canonicalActive;

  CompactFormRewriter(CanonicalTerms canonical) {
    this.canonical = canonical;
    this.canonicalActive = canonical.asActive();
  }

  /** Rewrites the compacted top-level object in place and returns it; {@code @context} is left as it is. */
  Map<String, Object> rewriteDocument(Map<String, Object> document) {
    return rewriteObject(document);
  }

  private Object rewrite(Object value) {
    if (value instanceof List<?> list) {
      List<Object> rewritten = new ArrayList<>(list.size());
      for (Object element : list) {
        rewritten.add(rewrite(element));
      }
      return rewritten;
    }
    if (value instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      if (object.containsKey("@value")) {
        return object.get("@value");
      }
      if (object.containsKey("@list")) {
        return rewrite(object.get("@list"));
      }
      Map<String, Object> rewritten = rewriteObject(object);
      if (rewritten.size() == 1 && rewritten.get("id") instanceof String id) {
        return id;
      }
      return rewritten;
    }
    if ("as:Public".equals(value)) {
      return PUBLIC;
    }
    return value;
  }

  private Map<String, Object> rewriteObject(Map<String, Object> object) {
    Map<String, Object> rewritten = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : object.entrySet()) {
      String key = entry.getKey();
      if (key.equals("@context")) {
        rewritten.put(key, entry.getValue());
        continue;
      }
      Object value = rewrite(entry.getValue());
      if (key.equals("type")) {
        value = unblankTypes(value);
      }
      rewritten.merge(termFor(key), value, CompactFormRewriter::join);
    }
    return rewritten;
  }

  private String termFor(String key) {
    if (key.startsWith(BLANK_VOCABULARY)) {
      return key.substring(BLANK_VOCABULARY.length());
    }
    if (key.startsWith("@") || key.indexOf(':') < 0) {
      return key;
    }
    String term = canonical.termFor(canonicalActive.expandPrefixed(key));
    return term == null ? key : term;
  }

  private static Object unblankTypes(Object types) {
    if (types instanceof String type && type.startsWith(BLANK_VOCABULARY)) {
      return type.substring(BLANK_VOCABULARY.length());
    }
    if (types instanceof List<?> list) {
      List<Object> rewritten = new ArrayList<>(list.size());
      list.forEach(type -> rewritten.add(unblankTypes(type)));
      return rewritten;
    }
    return types;
  }

  private static Object join(Object existing, Object added) {
    List<Object> joined = new ArrayList<>();
    addAll(joined, existing);
    addAll(joined, added);
    return joined;
  }

  private static void addAll(List<Object> into, Object value) {
    if (value instanceof List<?> list) {
      into.addAll(list);
    } else {
      into.add(value);
    }
  }
}
