package dev.fedgate.vocab.jsonld;

import java.util.Optional;

/** Where context documents come from: only ever bundled copies, looked up by the URL a document names. */
interface ContextSource {
  /** The bundled context a document means by {@code url}, or empty when we do not know it. */
  Optional<BundledContext> find(String url);
}
