package dev.fedgate.vocab.jsonld;

import dev.fedgate.vocab.jsonld.TermDefinition.Shape;
import java.util.HashMap;
import java.util.Map;

/**
 * The canonical context resolved into term definitions: what each key the reader reads means, and which term names
 * each IRI we read, so a property spelled any other way can be recognised and renamed.
 */
final class CanonicalTerms {
  private final ContextLayer terms;
  private final Map<String, String> termByIri;

  private CanonicalTerms(ContextLayer terms) {
    this.terms = terms;
    Map<String, String> byIri = new HashMap<>();
    terms.terms().forEach((term, definition) -> {
      if (definition.isKeyword()) {
        return;
      }
      String current = byIri.get(definition.iri());
      // one IRI can have several terms (content, contentMap): prefer the plain one, then the shortest name
      if (current == null || preferable(term, definition, current)) {
        byIri.put(definition.iri(), term);
      }
    });
    this.termByIri = Map.copyOf(byIri);
  }

  /** {@link CanonicalContext} resolved against the shipped contexts, once. */
  static CanonicalTerms shipped() {
    return Shipped.INSTANCE;
  }

  /** The canonical definition of {@code term}, or {@code null}. */
  TermDefinition get(String term) {
    return terms.get(term);
  }

  /** The canonical term whose IRI is {@code iri}, or {@code null} when we have no name for it. */
  String termFor(String iri) {
    return termByIri.get(iri);
  }

  /** The canonical terms as an active-term stack, for expanding the compact IRIs compaction leaves behind. */
  ActiveTerms asActive() {
    return ActiveTerms.of(terms);
  }

  private boolean preferable(String term, TermDefinition definition, String current) {
    boolean plain = definition.shape() == Shape.PLAIN;
    boolean currentPlain = terms.get(current).shape() == Shape.PLAIN;
    if (plain != currentPlain) {
      return plain;
    }
    return term.length() < current.length() || (term.length() == current.length() && term.compareTo(current) < 0);
  }

  /** Resolves the canonical context on first use. */
  private static final class Shipped {
    static final CanonicalTerms INSTANCE = new CanonicalTerms(
        BundledContexts.shipped().resolveTrusted(CanonicalContext.json(), null).flatten());
  }
}
