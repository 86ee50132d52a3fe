package dev.fedgate.vocab.jsonld;

import java.util.Map;

/** The term definitions one context (or one bundled context document, flattened) contributes, plus its vocabulary. */
record ContextLayer(Map<String, TermDefinition> terms, String vocab) {
  ContextLayer {
    terms = Map.copyOf(terms);
  }

  /** The definition of {@code term} in this layer, or {@code null}. */
  TermDefinition get(String term) {
    return terms.get(term);
  }
}
