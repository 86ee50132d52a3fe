package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings a JSON-LD document into the compact form, under our canonical context, that the vocab reader reads term by
 * term.
 *
 * <p>A document whose contexts are all known and which redefines none of their terms is returned as it is (the fast
 * path). Any other document is compacted against the canonical context with contexts loaded only from bundled copies;
 * nothing is ever fetched.
 */
public interface ContextNormalizer {
  /**
   * Returns {@code document} itself when it can be read directly, or a compacted copy; {@code document} is never
   * changed (the reader shares the trees of contexts it knows between documents).
   *
   * @throws dev.fedgate.vocab.VocabException {@code UNKNOWN_CONTEXT} naming the context URL, {@code INVALID_CONTEXT},
   *     or {@code LIMIT_EXCEEDED}
   */
  ObjectNode normalize(ObjectNode document);

  /**
   * Like {@link #normalize(ObjectNode)} for a document just parsed, {@code scan} being what its parser recorded: an
   * implementation may decide from the scan instead of walking the tree again. The answer is the same.
   */
  default ObjectNode normalize(ObjectNode document, ParseScan scan) {
    return normalize(document);
  }
}
