package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The {@link ContextNormalizer} of the vocab reader: returns a document unchanged when every key and type it uses
 * means what the canonical context says (the fast path, for what PeerTube, Mastodon and most peers send), and
 * otherwise compacts it against {@link CanonicalContext} with jsonld-java, loading contexts only from the bundle.
 *
 * <p>Every document is first checked against limits (depth, JSON values, contexts, term definitions, context
 * nesting), so a hostile context cannot make the JSON-LD path expensive. Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * ContextNormalizer normalizer = JsonLdContextNormalizer.create();
 * ObjectNode readable = normalizer.normalize(document); // == document on the fast path
 * }</pre>
 */
public final class JsonLdContextNormalizer implements ContextNormalizer {
  /** Nesting depth of JSON values; real documents stay under 10 (a PeerTube Video's {@code url} tags). */
  public static final int DEFAULT_MAX_DEPTH = 32;
  /** JSON values in one document; a PeerTube Video with every file and playlist has about a thousand. */
  public static final int DEFAULT_MAX_NODES = 20_000;
  /** Context entries (URLs and objects) in one document; Mitra sends 6, the most among the peers we know. */
  public static final int DEFAULT_MAX_CONTEXTS = 16;
  /** Inline term definitions in one document; PeerTube's Video context has about 60, Mastodon's about 40. */
  public static final int DEFAULT_MAX_TERM_DEFINITIONS = 256;
  /** Objects on one path that carry their own {@code @context}; peers embed at most one such object. */
  public static final int DEFAULT_MAX_CONTEXT_NESTING = 4;

  private final DocumentScan scan;
  private final JsonLdCompactor compactor;

  private JsonLdContextNormalizer(ContextSource contexts, CanonicalTerms canonical, ScanLimits limits) {
    this.scan = new DocumentScan(contexts, canonical, limits);
    this.compactor = new JsonLdCompactor(contexts, canonical);
  }

  /** A normalizer with the default limits. */
  public static JsonLdContextNormalizer create() {
    return builder().build();
  }

  /** A builder to set limits; each unset limit takes its {@code DEFAULT_*} value. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ObjectNode normalize(ObjectNode document) {
    Objects.requireNonNull(document, "document");
    return scan.readableAsIs(document) ? document : compactor.compact(document);
  }

  @Override
  public ObjectNode normalize(ObjectNode document, ParseScan parsed) {
    Objects.requireNonNull(document, "document");
    return scan.readableAsIs(document, Objects.requireNonNull(parsed, "parsed")) ? document
        : compactor.compact(document);
  }

  /** Configures a {@link JsonLdContextNormalizer}; every option may be set once, to a positive value. */
  public static final class Builder {
    private Integer maxDepth;
    private Integer maxNodes;
    private Integer maxContexts;
    private Integer maxTermDefinitions;
    private Integer maxContextNesting;
    private ContextSource contexts;

    private Builder() {}

    /** Deepest nesting of JSON values allowed. */
    public Builder maxDepth(int value) {
      maxDepth = once("maxDepth", maxDepth, value);
      return this;
    }

    /** Most JSON values (objects, arrays, scalars) in one document. */
    public Builder maxNodes(int value) {
      maxNodes = once("maxNodes", maxNodes, value);
      return this;
    }

    /** Most context entries (URLs and objects, over every {@code @context} of the document). */
    public Builder maxContexts(int value) {
      maxContexts = once("maxContexts", maxContexts, value);
      return this;
    }

    /** Most inline term definitions over every {@code @context} of the document. */
    public Builder maxTermDefinitions(int value) {
      maxTermDefinitions = once("maxTermDefinitions", maxTermDefinitions, value);
      return this;
    }

    /** Most objects along one path that carry their own {@code @context}. */
    public Builder maxContextNesting(int value) {
      maxContextNesting = once("maxContextNesting", maxContextNesting, value);
      return this;
    }

    /** Where contexts come from; tests wrap the bundle to watch what is asked for. */
    Builder contexts(ContextSource source) {
      if (contexts != null) {
        throw new IllegalStateException("contexts was already set");
      }
      contexts = Objects.requireNonNull(source, "source");
      return this;
    }

    /** The normalizer. */
    public JsonLdContextNormalizer build() {
      ScanLimits limits = new ScanLimits(
          valueOr(maxDepth, DEFAULT_MAX_DEPTH),
          valueOr(maxNodes, DEFAULT_MAX_NODES),
          valueOr(maxContexts, DEFAULT_MAX_CONTEXTS),
          valueOr(maxTermDefinitions, DEFAULT_MAX_TERM_DEFINITIONS),
          valueOr(maxContextNesting, DEFAULT_MAX_CONTEXT_NESTING));
      BundledContexts shipped = BundledContexts.shipped();
      return new JsonLdContextNormalizer(contexts == null ? shipped : contexts, CanonicalTerms.shipped(), limits);
    }

    private static Integer once(String name, Integer current, int value) {
      if (current != null) {
        throw new IllegalStateException(name + " was already set to " + current);
      }
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be positive, was " + value);
      }
      return value;
    }

    private static int valueOr(Integer value, int fallback) {
      return value == null ? fallback : value;
    }
  }
}
