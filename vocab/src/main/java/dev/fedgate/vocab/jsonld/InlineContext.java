package dev.fedgate.vocab.jsonld;

/** What one context object turned out to be when read for the fast path. */
sealed interface InlineContext {
  /** Plain term definitions we can resolve ourselves. */
  record Simple(ContextLayer layer) implements InlineContext {}

  /** Valid JSON-LD 1.0 that only full processing resolves ({@code @vocab}, {@code @base}, null terms, cycles...). */
  record NeedsProcessing(String why) implements InlineContext {}

  /** A JSON-LD 1.1 feature jsonld-java cannot process faithfully ({@code @protected}, scoped contexts...). */
  record Unsupported(String feature) implements InlineContext {}
}
