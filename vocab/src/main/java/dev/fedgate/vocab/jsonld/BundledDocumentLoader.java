package dev.fedgate.vocab.jsonld;

import com.github.jsonldjava.core.DocumentLoader;
import com.github.jsonldjava.core.JsonLdError;
import com.github.jsonldjava.core.RemoteDocument;

/**
 * jsonld-java's document loader, answering only from bundled contexts. It never calls the network-capable parent:
 * a URL we do not bundle fails the processing.
 */
final class BundledDocumentLoader extends DocumentLoader {
  private final ContextSource contexts;

  BundledDocumentLoader(ContextSource contexts) {
    this.contexts = contexts;
  }

  @Override
  public RemoteDocument loadDocument(String url) {
    BundledContext bundled = contexts.find(url)
        .orElseThrow(() -> new JsonLdError(JsonLdError.Error.LOADING_REMOTE_CONTEXT_FAILED, url));
    // a fresh copy each time: jsonld-java may keep or change what it is given
    return new RemoteDocument(url, PlainJson.toJava(bundled.document()));
  }
}
