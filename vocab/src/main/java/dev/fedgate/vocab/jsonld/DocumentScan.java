package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One pass over a document, before any JSON-LD processing: enforces the limits, refuses context URLs we do not
 * bundle and JSON-LD 1.1 features, and decides whether the document can be read as it is (the fast path).
 *
 * <p>The fast-path rule: every key and every {@code type} value the document uses means, under the document's own
 * contexts (with ActivityStreams implied first, AS2 Core §2.1), what it means under the canonical context; or it is a
 * name the canonical context does not have, for an IRI the canonical context does not name (an extension, read under
 * its own name on both paths). Context keywords that change how every term or IRI resolves ({@code @vocab},
 * {@code @base}, a {@code null} reset) and keys written as keywords or as compact or absolute IRIs of terms we read
 * always take the JSON-LD path.
 */
final class DocumentScan {
  /**
   * Key and type names whose verdict is remembered per cached context: a peer's documents use the same hundred or so,
   * and remembering them turns three map lookups and a definition comparison per key into one lookup.
   */
  static final int REMEMBERED_NAMES = 1024;

  private final ResolvedContexts resolvedContexts = new ResolvedContexts();
  private final ContextSource contexts;
  private final CanonicalTerms canonical;
  private final ActiveTerms implied;
  private final ScanLimits limits;

  DocumentScan(ContextSource contexts, CanonicalTerms canonical, ScanLimits limits) {
    this.contexts = contexts;
    this.canonical = canonical;
    this.limits = limits;
    BundledContext activityStreams = contexts.find(BundledContexts.ACTIVITY_STREAMS)
        .orElseThrow(() -> new IllegalStateException("the ActivityStreams context must be bundled"));
    this.implied = ActiveTerms.of(activityStreams.terms());
  }

  /**
   * Whether {@code document} reads the same as its canonical compaction.
   *
   * @throws VocabException {@code LIMIT_EXCEEDED}, {@code UNKNOWN_CONTEXT} or {@code INVALID_CONTEXT}
   */
  boolean readableAsIs(ObjectNode document) {
    Walk walk = new Walk();
    walk.node(document, implied, 1, 0, Pointer.ROOT);
    return walk.fast;
  }

  /**
   * The same answer as {@link #readableAsIs(ObjectNode)}, from what the parser recorded: with no nested context every
   * key is read under the top-level context, so each distinct key is judged once. A document the scan cannot settle
   * (a nested context, a limit exceeded, a key other than {@code type} standing for {@code @type}) is walked.
   *
   * @throws VocabException {@code LIMIT_EXCEEDED}, {@code UNKNOWN_CONTEXT} or {@code INVALID_CONTEXT}
   */
  boolean readableAsIs(ObjectNode document, ParseScan parsed) {
    if (parsed.nestedContext() || parsed.nodes() > limits.maxNodes() || parsed.depth() > limits.maxDepth()) {
      return readableAsIs(document);
    }
    Walk walk = new Walk();
    ActiveTerms active = parsed.knownContext() != null && parsed.knownContext() == document.get("@context")
        ? walk.knownContext(parsed.knownContext()) : walk.topContext(document);
    for (String key : parsed.keys()) {
      if (!walk.fast) {
        return false;
      }
      KeyVerdict verdict = walk.remembered(active, Resolved::keys, key, () -> walk.keyVerdict(key, active));
      if (verdict == KeyVerdict.TYPE_KEY && !key.equals(ParseScan.TYPE)) {
        return readableAsIs(document);
      }
      walk.fast = verdict == KeyVerdict.AS_IS || verdict == KeyVerdict.TYPE_KEY && walk.typesReadAsIs(parsed, active);
    }
    return walk.fast;
  }

  /** The state of one pass: counters against the limits, and whether the fast path still holds. */
  private final class Walk {
    private int nodes;
    private int contextEntries;
    private int termDefinitions;
    private boolean fast = true;
    /** The document's top-level context, once resolved: its verdicts are remembered. */
    private Resolved document;

    void node(JsonNode node, ActiveTerms active, int depth, int nesting, Pointer at) {
      count(depth, at);
      if (node instanceof ObjectNode object) {
        object(object, active, depth, nesting, at);
      } else if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          node(array.get(i), active, depth + 1, nesting, at.child(i));
        }
      }
    }

    private void object(ObjectNode object, ActiveTerms outer, int depth, int nesting, Pointer at) {
      ActiveTerms active = outer;
      int innerNesting = nesting;
      JsonNode context = object.get("@context");
      if (context != null) {
        innerNesting++;
        Pointer contextAt = at.child("@context");
        if (innerNesting > limits.maxContextNesting()) {
          throw limit(contextAt, "@context nested in more than " + limits.maxContextNesting() + " objects");
        }
        int shape = bounded(context, depth + 1, contextAt);
        active = nesting == 0 ? documentContext(context, shape, contextAt) : context(context, outer, contextAt);
      }
      ActiveTerms terms = active;
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String key = field.getKey();
        if (key.equals("@context")) {
          continue;
        }
        if (fast) {
          KeyVerdict verdict = remembered(terms, Resolved::keys, key, () -> keyVerdict(key, terms));
          fast = verdict != KeyVerdict.CHANGED
              && (verdict != KeyVerdict.TYPE_KEY || typesReadAsIs(field.getValue(), terms));
        }
        node(field.getValue(), terms, depth + 1, innerNesting, at.child(key));
      }
    }

    private void count(int depth, Pointer at) {
      if (++nodes > limits.maxNodes()) {
        throw limit(at, "more than " + limits.maxNodes() + " JSON values");
      }
      if (depth > limits.maxDepth()) {
        throw limit(at, "nested deeper than " + limits.maxDepth());
      }
    }

    /**
     * Counts a context's values against the size and depth limits, before anything recurses into it; returns its
     * shape, a hash that leaves out the middle of each string (hashing them all cost more than the rest of the walk).
     */
    private int bounded(JsonNode node, int depth, Pointer at) {
      count(depth, at);
      if (node.isTextual()) {
        String text = node.textValue();
        return text.isEmpty() ? 0 : 31 * (31 * text.length() + text.charAt(0)) + text.charAt(text.length() - 1);
      }
      if (!node.isContainerNode()) {
        return node.hashCode();
      }
      int hash = node.size();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        hash = 31 * (31 * hash + field.getKey().hashCode())
            + bounded(field.getValue(), depth + 1, at.child(field.getKey()));
      }
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          hash = 31 * hash + bounded(node.get(i), depth + 1, at.child(i));
        }
      }
      return hash;
    }

    /** The terms in force under the document's own top-level context, if any. */
    ActiveTerms topContext(ObjectNode document) {
      JsonNode context = document.get("@context");
      if (context == null) {
        return implied;
      }
      Pointer at = Pointer.ROOT.child("@context");
      return documentContext(context, bounded(context, 2, at), at);
    }

    /** Like {@link #topContext} for a context the parser handed whole: resolved once, then found by identity. */
    ActiveTerms knownContext(JsonNode context) {
      Resolved known = resolvedContexts.byIdentity(context);
      if (known != null) {
        return use(known);
      }
      Pointer at = Pointer.ROOT.child("@context");
      ActiveTerms active = documentContext(context, bounded(context, 2, at), at);
      resolvedContexts.rememberByIdentity(context, document);
      return active;
    }

    /** Whether every {@code type} value the parser recorded reads as it is. */
    boolean typesReadAsIs(ParseScan parsed, ActiveTerms active) {
      for (String name : parsed.typeNames()) {
        if (!typeReadsAsIs(name, active)) {
          return false;
        }
      }
      for (JsonNode types : parsed.otherTypes()) {
        if (!typesReadAsIs(types, active)) {
          return false;
        }
      }
      return true;
    }

    private ActiveTerms documentContext(JsonNode context, int shape, Pointer at) {
      Resolved resolved = resolvedContexts.recall(context, shape);
      if (resolved == null) {
        Walk alone = new Walk();
        // flattened: one lookup per key instead of one per layer
        ActiveTerms active = ActiveTerms.of(alone.context(context, implied, at).flatten());
        resolved = new Resolved(active, alone.fast, alone.contextEntries, alone.termDefinitions,
            new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        resolvedContexts.remember(shape, context, resolved);
      }
      return use(resolved);
    }

    private ActiveTerms use(Resolved resolved) {
      contextEntries += resolved.contextEntries();
      termDefinitions += resolved.termDefinitions();
      fast &= resolved.fast();
      document = resolved;
      return resolved.active();
    }

    private ActiveTerms context(JsonNode context, ActiveTerms outer, Pointer at) {
      if (context instanceof ArrayNode array) {
        ActiveTerms active = outer;
        for (int i = 0; i < array.size(); i++) {
          active = contextEntry(array.get(i), active, at);
        }
        return active;
      }
      return contextEntry(context, outer, at);
    }

    private ActiveTerms contextEntry(JsonNode entry, ActiveTerms active, Pointer at) {
      if (++contextEntries > limits.maxContexts()) {
        throw limit(at, "more than " + limits.maxContexts() + " contexts");
      }
      if (entry.isTextual()) {
        String url = entry.textValue();
        BundledContext bundled = contexts.find(url).orElseThrow(() -> new VocabException(
            VocabProblem.UNKNOWN_CONTEXT, at.toString(), "context " + url + " is not one we know, and we never fetch"));
        return active.push(bundled.terms());
      }
      if (entry.isNull()) {
        fast = false; // a null resets every definition, the implied ActivityStreams ones included
        return active;
      }
      if (!(entry instanceof ObjectNode object)) {
        throw new VocabException(VocabProblem.INVALID_CONTEXT, at.toString(),
            "a context must be a URL, an object, or an array of them");
      }
      termDefinitions += object.size();
      if (termDefinitions > limits.maxTermDefinitions()) {
        throw limit(at, "more than " + limits.maxTermDefinitions() + " term definitions");
      }
      InlineContext parsed = ContextParser.parse(object, active, false);
      if (parsed instanceof InlineContext.Unsupported unsupported) {
        throw new VocabException(VocabProblem.INVALID_CONTEXT, at.toString(),
            "JSON-LD 1.1 " + unsupported.feature() + " is not supported");
      }
      if (parsed instanceof InlineContext.Simple simple) {
        return active.push(simple.layer());
      }
      fast = false;
      return active;
    }

    /**
     * {@code compute}'s answer for {@code name}, remembered when {@code active} is the document's cached top-level
     * context (an answer depends only on the name and the context).
     */
    private <V> V remembered(ActiveTerms active, Function<Resolved, Map<String, V>> memo, String name,
        Supplier<V> compute) {
      if (document == null || active != document.active()) {
        return compute.get();
      }
      Map<String, V> known = memo.apply(document);
      V verdict = known.get(name);
      if (verdict == null) {
        verdict = compute.get();
        if (known.size() < REMEMBERED_NAMES) {
          known.put(name, verdict);
        }
      }
      return verdict;
    }

    private KeyVerdict keyVerdict(String key, ActiveTerms active) {
      if (key.startsWith("@")) {
        return KeyVerdict.CHANGED;
      }
      TermDefinition definition = active.lookup(key);
      if (definition == null) {
        // undefined: a bare name reads under its own name on both paths; a prefixed one must not name a term we read
        boolean asIs = key.indexOf(':') < 0 || canonical.termFor(active.expandPrefixed(key)) == null;
        return asIs ? KeyVerdict.AS_IS : KeyVerdict.CHANGED;
      }
      if (!meansTheSame(key, definition)) {
        return KeyVerdict.CHANGED;
      }
      return definition.iri().equals("@type") ? KeyVerdict.TYPE_KEY : KeyVerdict.AS_IS;
    }

    private boolean typesReadAsIs(JsonNode types, ActiveTerms active) {
      if (types.isTextual()) {
        return typeReadsAsIs(types.textValue(), active);
      }
      if (!types.isArray()) {
        return false;
      }
      for (JsonNode type : types) {
        if (!type.isTextual() || !typeReadsAsIs(type.textValue(), active)) {
          return false;
        }
      }
      return true;
    }

    private boolean typeReadsAsIs(String type, ActiveTerms active) {
      return remembered(active, Resolved::types, type, () -> typeMeansTheSame(type, active));
    }

    private boolean typeMeansTheSame(String type, ActiveTerms active) {
      TermDefinition definition = active.lookup(type);
      if (definition == null) {
        return type.indexOf(':') < 0 || canonical.termFor(active.expandPrefixed(type)) == null;
      }
      return meansTheSame(type, definition);
    }

    private boolean meansTheSame(String term, TermDefinition definition) {
      TermDefinition expected = canonical.get(term);
      if (expected != null) {
        return expected.equals(definition);
      }
      return !definition.isKeyword() && canonical.termFor(definition.iri()) == null;
    }
  }

  /**
   * A top-level context resolved once: its terms, whether it allows the fast path, what it counts against limits, and
   * the verdicts on key and type names met so far.
   */
  record Resolved(ActiveTerms active, boolean fast, int contextEntries, int termDefinitions,
      Map<String, KeyVerdict> keys, Map<String, Boolean> types) {}

  /** A key under a context: means what the canonical context says, means that and is {@code type}, or not. */
  enum KeyVerdict { AS_IS, TYPE_KEY, CHANGED }

  private static VocabException limit(Pointer at, String rule) {
    return new VocabException(VocabProblem.LIMIT_EXCEEDED, at.toString(), rule);
  }
}
