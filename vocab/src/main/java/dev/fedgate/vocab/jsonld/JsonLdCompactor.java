package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.jsonldjava.core.Context;
import com.github.jsonldjava.core.JsonLdApi;
import com.github.jsonldjava.core.JsonLdError;
import com.github.jsonldjava.core.JsonLdOptions;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON-LD path: expands a document with jsonld-java 0.13.4 (contexts from the bundle only, ActivityStreams
 * implied first), then compacts it against the canonical context and rewrites the result into peers' compact shape
 * ({@link CompactFormRewriter}).
 *
 * <p>Default languages ({@code @language} in a context) are dropped before expansion: peers read {@code name} and
 * {@code preferredUsername} as plain strings, while a default language would move them into {@code nameMap} and
 * {@code preferredUsernameMap}. The fast path ignores them the same way. The document must already have passed
 * {@link DocumentScan}, which bounds the work done here.
 */
final class JsonLdCompactor {
  private static final Set<JsonLdError.Error> CONTEXT_ERRORS = EnumSet.of(
      JsonLdError.Error.INVALID_LOCAL_CONTEXT, JsonLdError.Error.INVALID_REMOTE_CONTEXT,
      JsonLdError.Error.RECURSIVE_CONTEXT_INCLUSION, JsonLdError.Error.INVALID_BASE_IRI,
      JsonLdError.Error.INVALID_VOCAB_MAPPING, JsonLdError.Error.INVALID_DEFAULT_LANGUAGE,
      JsonLdError.Error.KEYWORD_REDEFINITION, JsonLdError.Error.INVALID_TERM_DEFINITION,
      JsonLdError.Error.INVALID_REVERSE_PROPERTY, JsonLdError.Error.INVALID_IRI_MAPPING,
      JsonLdError.Error.CYCLIC_IRI_MAPPING, JsonLdError.Error.INVALID_KEYWORD_ALIAS,
      JsonLdError.Error.INVALID_TYPE_MAPPING, JsonLdError.Error.INVALID_LANGUAGE_MAPPING,
      JsonLdError.Error.INVALID_CONTAINER_MAPPING);

  private final JsonLdOptions options;
  private final Context implied;
  private final Context canonicalContext;
  private final CompactFormRewriter rewriter;

  JsonLdCompactor(ContextSource contexts, CanonicalTerms canonical) {
    this.options = new JsonLdOptions();
    options.setProcessingMode(JsonLdOptions.JSON_LD_1_0);
    options.setDocumentLoader(new BundledDocumentLoader(contexts));
    options.setCompactArrays(true);
    this.implied = new Context(options).parse(BundledContexts.ACTIVITY_STREAMS);
    this.canonicalContext = new Context(options).parse(PlainJson.toJava(CanonicalContext.json()));
    // built now, while one thread owns it: compaction only reads it afterwards
    canonicalContext.getInverse();
    this.rewriter = new CompactFormRewriter(canonical);
  }

  /**
   * {@code document} compacted to the canonical context, with that context as its {@code @context}.
   *
   * @throws VocabException {@code UNKNOWN_CONTEXT}, {@code INVALID_CONTEXT}, or {@code INVALID_VALUE} when the
   *     document is not one object or JSON-LD processing refuses it
   */
  ObjectNode compact(ObjectNode document) {
    Object input = PlainJson.toJava(document);
    simplifyInlineContexts(input);
    Object compacted;
    try {
      JsonLdApi api = new JsonLdApi(options);
      Object expanded = ExpandedAliases.normalize(topLevelNodes(api.expand(implied, input)));
      compacted = api.compact(canonicalContext, null, expanded, true);
    } catch (JsonLdError e) {
      VocabException problem = problem(e);
      problem.initCause(e); // for logs; the rule stays safe to show the sender
      throw problem;
    }
    Map<String, Object> object = singleObject(compacted);
    ObjectNode result = PlainJson.objectNode();
    result.set("@context", CanonicalContext.json());
    rewriter.rewriteDocument(object).forEach((key, value) -> result.set(key, PlainJson.toTree(value)));
    return result;
  }

  /** A top-level {@code @graph} holds the document's nodes, as in jsonld-java's own expand(). */
  private static Object topLevelNodes(Object expanded) {
    if (expanded instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("@graph")) {
      return map.get("@graph");
    }
    return expanded;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> singleObject(Object compacted) {
    if (compacted instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    List<?> nodes = compacted instanceof List<?> list ? list : List.of();
    if (nodes.isEmpty()) {
      return new LinkedHashMap<>();
    }
    if (nodes.size() == 1 && nodes.get(0) instanceof Map<?, ?> only) {
      return (Map<String, Object>) only;
    }
    throw new VocabException(VocabProblem.INVALID_VALUE, "",
        "the document describes " + nodes.size() + " top-level objects; one is expected");
  }

  private static VocabException problem(JsonLdError e) {
    if (e.getType() == JsonLdError.Error.LOADING_REMOTE_CONTEXT_FAILED) {
      return new VocabException(VocabProblem.UNKNOWN_CONTEXT, "/@context",
          "a context is not one we know, and we never fetch");
    }
    if (CONTEXT_ERRORS.contains(e.getType())) {
      return new VocabException(VocabProblem.INVALID_CONTEXT, "/@context",
          "the context cannot be processed: " + e.getType());
    }
    return new VocabException(VocabProblem.INVALID_VALUE, "", "not processable as JSON-LD: " + e.getType());
  }

  private static void simplifyInlineContexts(Object value) {
    if (value instanceof Map<?, ?> map) {
      Object context = map.get("@context");
      if (context instanceof Map<?, ?> single) {
        simplify(single);
      } else if (context instanceof List<?> list) {
        list.forEach(entry -> {
          if (entry instanceof Map<?, ?> inline) {
            simplify(inline);
          }
        });
      }
      map.values().forEach(JsonLdCompactor::simplifyInlineContexts);
    } else if (value instanceof List<?> list) {
      list.forEach(JsonLdCompactor::simplifyInlineContexts);
    }
  }

  /**
   * Drops the default language (see the class comment) and JSON-literal coercion ({@code "@type": "@json"}, JSON-LD
   * 1.1, which jsonld-java rejects): PeerTube's live-chat plugin declares {@code peertubeLiveChat} that way, and the
   * value reads the same as plain JSON.
   */
  private static void simplify(Map<?, ?> inline) {
    inline.remove("@language");
    inline.values().forEach(definition -> {
      if (definition instanceof Map<?, ?> term && "@json".equals(term.get("@type"))) {
        term.remove("@type");
      }
    });
  }
}
