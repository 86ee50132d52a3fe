package dev.fedgate.vocab.jsonld;

/**
 * What a term means after context processing: the IRI (or keyword) it expands to and the JSON shape its container
 * gives its values. Type coercion is left out on purpose: we turn typed values back into plain JSON values, so it
 * changes nothing a reader sees.
 */
record TermDefinition(String iri, Shape shape) {
  /** The value shapes a container imposes; {@code @set} and no container read the same (single value or array). */
  enum Shape {
    PLAIN,
    LIST,
    LANGUAGE_MAP,
    INDEX_MAP
  }

  /** Whether the term is an alias of a JSON-LD keyword such as {@code @id}. */
  boolean isKeyword() {
    return iri.startsWith("@");
  }
}
