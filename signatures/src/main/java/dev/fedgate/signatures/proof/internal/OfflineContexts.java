package dev.fedgate.signatures.proof.internal;

import com.github.jsonldjava.core.DocumentLoader;
import com.github.jsonldjava.core.JsonLdError;
import com.github.jsonldjava.core.JsonLdOptions;
import com.github.jsonldjava.core.RemoteDocument;
import com.github.jsonldjava.utils.JsonUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON-LD contexts jsonld-java may use, all bundled in the jar. Its loader answers only these and fails for any
 * other URL: a verifier that fetched contexts named by the sender would let any sender make it fetch anything
 * (SSRF) and would let the meaning of a signed document change with a remote file.
 */
public final class OfflineContexts {
  /** ActivityStreams 2.0. */
  public static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
  /** Security vocabulary v1 (keys, signatures), in every Mastodon activity. */
  public static final String SECURITY_V1 = "https://w3id.org/security/v1";
  /** Identity v1: the context of RsaSignature2017 signature options. */
  public static final String IDENTITY_V1 = "https://w3id.org/identity/v1";

  /** The same context at its http URL, which ActivityStreams says to treat as the https one (older Mastodon). */
  public static final String ACTIVITY_STREAMS_HTTP = "http://www.w3.org/ns/activitystreams";

  private static final Object ACTIVITY_STREAMS_DOCUMENT = load("contexts/activitystreams.jsonld");
  private static final Map<String, Object> DOCUMENTS = Map.of(
      ACTIVITY_STREAMS, ACTIVITY_STREAMS_DOCUMENT,
      ACTIVITY_STREAMS_HTTP, ACTIVITY_STREAMS_DOCUMENT,
      SECURITY_V1, load("contexts/security-v1.jsonld"),
      IDENTITY_V1, load("contexts/identity-v1.jsonld"));
  private static final Map<String, Object> KNOWN_TERMS = termDefinitions(load("known-terms.jsonld"));

  private static final DocumentLoader LOADER = new DocumentLoader() {
    @Override
    public RemoteDocument loadDocument(String url) {
      Object document = DOCUMENTS.get(url);
      if (document == null) {
        throw new JsonLdError(JsonLdError.Error.LOADING_REMOTE_CONTEXT_FAILED, "not a bundled context: " + url);
      }
      return new RemoteDocument(url, document);
    }
  };

  private OfflineContexts() {}

  /** Whether {@code url} names a bundled context. */
  public static boolean isBundled(String url) {
    return DOCUMENTS.containsKey(url);
  }

  /** Fresh jsonld-java options (they are mutable) whose loader serves only bundled contexts. */
  public static JsonLdOptions options() {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(LOADER);
    return options;
  }

  /** The term definitions of a bundled context, as parsed JSON (unmodifiable). */
  public static Map<String, Object> termDefinitions(String url) {
    return termDefinitions(DOCUMENTS.get(url));
  }

  /** Our fixed meanings for common extension terms ({@code known-terms.jsonld}), as parsed JSON (unmodifiable). */
  public static Map<String, Object> knownTerms() {
    return KNOWN_TERMS;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> termDefinitions(Object document) {
    Object context = ((Map<String, Object>) document).get("@context");
    return Collections.unmodifiableMap(new LinkedHashMap<>((Map<String, Object>) context));
  }

  private static Object load(String resource) {
    try (InputStream in = OfflineContexts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("bundled JSON-LD context missing from the jar: " + resource);
      }
      return JsonUtils.fromInputStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException("bundled JSON-LD context unreadable: " + resource, e);
    }
  }
}
