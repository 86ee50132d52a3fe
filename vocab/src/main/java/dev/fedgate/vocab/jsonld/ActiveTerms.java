package dev.fedgate.vocab.jsonld;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable stack of context layers, the last pushed winning: answers what a term, a compact IRI or an absolute
 * IRI means at one place in a document, as JSON-LD 1.0 context processing would for the simple contexts we accept.
 */
final class ActiveTerms {
  private final ContextLayer layer;
  private final ActiveTerms parent;
  private final String vocab;

  private ActiveTerms(ContextLayer layer, ActiveTerms parent) {
    this.layer = layer;
    this.parent = parent;
    this.vocab = layer.vocab() != null ? layer.vocab() : parent == null ? null : parent.vocab;
  }

  /** A stack holding only {@code layer}. */
  static ActiveTerms of(ContextLayer layer) {
    return new ActiveTerms(layer, null);
  }

  /** This stack with {@code top} pushed on it. */
  ActiveTerms push(ContextLayer top) {
    return new ActiveTerms(top, this);
  }

  /** The definition in force for {@code term}, or {@code null} when no layer defines it. */
  TermDefinition lookup(String term) {
    for (ActiveTerms at = this; at != null; at = at.parent) {
      TermDefinition definition = at.layer.get(term);
      if (definition != null) {
        return definition;
      }
    }
    return null;
  }

  /** The vocabulary mapping in force ({@code "_:"} under ActivityStreams), or {@code null}. */
  String vocab() {
    return vocab;
  }

  /**
   * The IRI a compact IRI ({@code as:actor}) or absolute IRI stands for; {@code value} must contain a colon. A prefix
   * no layer defines makes the value an absolute IRI with that scheme.
   */
  String expandPrefixed(String value) {
    int colon = value.indexOf(':');
    String prefix = value.substring(0, colon);
    String suffix = value.substring(colon + 1);
    if (suffix.startsWith("//") || prefix.equals("_")) {
      return IriAliases.normalize(value);
    }
    TermDefinition definition = lookup(prefix);
    if (definition == null || definition.isKeyword()) {
      return IriAliases.normalize(value);
    }
    return IriAliases.normalize(definition.iri() + suffix);
  }

  /** All layers merged into one, later definitions winning: how a bundled context is pushed onto a document's. */
  ContextLayer flatten() {
    Map<String, TermDefinition> merged = new LinkedHashMap<>();
    flattenInto(merged);
    return new ContextLayer(merged, vocab);
  }

  private void flattenInto(Map<String, TermDefinition> merged) {
    if (parent != null) {
      parent.flattenInto(merged);
    }
    merged.putAll(layer.terms());
  }
}
