package dev.fedgate.vocab.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.jsonld.TermDefinition.Shape;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads one context object the way JSON-LD 1.0 creates term definitions, for the plain forms peers use (a string, or
 * an object with {@code @id}, {@code @type}, {@code @container}). Anything else is reported, never guessed: full
 * processing handles 1.0 features, and 1.1 features are refused.
 */
final class ContextParser {
  private static final Set<String> KEYWORD_ALIASES = Set.of("@id", "@type");
  private static final Set<String> UNSUPPORTED_CONTEXT_KEYS =
      Set.of("@version", "@protected", "@propagate", "@import", "@direction");
  private static final Set<String> UNSUPPORTED_DEFINITION_KEYS =
      Set.of("@context", "@protected", "@prefix", "@nest", "@direction", "@index");

  private final ObjectNode context;
  private final ActiveTerms outer;
  private final boolean trusted;
  private final Map<String, TermDefinition> defined = new HashMap<>();
  private final Set<String> defining = new HashSet<>();
  private String vocab;

  private ContextParser(ObjectNode context, ActiveTerms outer, boolean trusted) {
    this.context = context;
    this.outer = outer;
    this.trusted = trusted;
    this.vocab = outer == null ? null : outer.vocab();
  }

  /**
   * Reads {@code context} on top of {@code outer} (may be {@code null}). A {@code trusted} context (one we bundle)
   * may set {@code @vocab}; a document's may not take the fast path with it.
   */
  static InlineContext parse(ObjectNode context, ActiveTerms outer, boolean trusted) {
    ContextParser parser = new ContextParser(context, outer, trusted);
    try {
      return new InlineContext.Simple(parser.run());
    } catch (Outcome outcome) {
      return outcome.result;
    }
  }

  private ContextLayer run() {
    for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().startsWith("@")) {
        readKeyword(entry.getKey(), entry.getValue());
      }
    }
    for (Iterator<String> it = context.fieldNames(); it.hasNext(); ) {
      String term = it.next();
      if (!term.startsWith("@")) {
        define(term);
      }
    }
    return new ContextLayer(defined, trusted ? vocab : null);
  }

  private void readKeyword(String key, JsonNode value) {
    if (UNSUPPORTED_CONTEXT_KEYS.contains(key)) {
      throw new Outcome(new InlineContext.Unsupported(key));
    }
    if (key.equals("@language")) {
      return; // default languages are ignored on both paths: peers read plain strings (see JsonLdCompactor)
    }
    if (key.equals("@vocab") && trusted && value.isTextual()) {
      vocab = value.textValue();
      return;
    }
    throw new Outcome(new InlineContext.NeedsProcessing(key));
  }

  private TermDefinition define(String term) {
    TermDefinition done = defined.get(term);
    if (done != null) {
      return done;
    }
    if (!defining.add(term)) {
      throw needsProcessing("cyclic definition of " + term);
    }
    if (term.contains(":")) {
      throw needsProcessing("compact IRI used as a term: " + term);
    }
    TermDefinition definition = definitionOf(term, context.get(term));
    defined.put(term, definition);
    return definition;
  }

  private TermDefinition definitionOf(String term, JsonNode value) {
    if (value.isTextual()) {
      return new TermDefinition(expand(value.textValue()), Shape.PLAIN);
    }
    if (!(value instanceof ObjectNode object)) {
      throw needsProcessing("term " + term + " is not defined by a string or an object");
    }
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (UNSUPPORTED_DEFINITION_KEYS.contains(key)) {
        throw new Outcome(new InlineContext.Unsupported(key + " in the definition of " + term));
      }
      if (!key.equals("@id") && !key.equals("@type") && !key.equals("@container")) {
        throw needsProcessing(key + " in the definition of " + term);
      }
    }
    JsonNode type = object.get("@type");
    if (type != null && !type.isTextual()) {
      throw needsProcessing("@type of " + term);
    }
    return new TermDefinition(iriOf(term, object.get("@id")), shapeOf(term, object.get("@container")));
  }

  private String iriOf(String term, JsonNode id) {
    if (id == null) {
      if (vocab == null) {
        throw needsProcessing("no @id and no @vocab for " + term);
      }
      return vocab + term;
    }
    if (!id.isTextual()) {
      throw needsProcessing("@id of " + term);
    }
    return expand(id.textValue());
  }

  private Shape shapeOf(String term, JsonNode container) {
    if (container == null) {
      return Shape.PLAIN;
    }
    if (!container.isTextual()) {
      throw new Outcome(new InlineContext.Unsupported("@container array in the definition of " + term));
    }
    switch (container.textValue()) {
      case "@set":
        return Shape.PLAIN;
      case "@list":
        return Shape.LIST;
      case "@language":
        return Shape.LANGUAGE_MAP;
      case "@index":
        return Shape.INDEX_MAP;
      default:
        throw new Outcome(new InlineContext.Unsupported("@container " + container.textValue() + " of " + term));
    }
  }

  private String expand(String value) {
    if (value.startsWith("@")) {
      if (KEYWORD_ALIASES.contains(value)) {
        return value;
      }
      throw needsProcessing("alias of " + value);
    }
    int colon = value.indexOf(':');
    if (colon < 0) {
      TermDefinition term = termNamed(value);
      if (term != null) {
        return term.iri();
      }
      if (vocab == null) {
        throw needsProcessing("relative IRI " + value);
      }
      return vocab + value;
    }
    String prefix = value.substring(0, colon);
    String suffix = value.substring(colon + 1);
    if (suffix.startsWith("//") || prefix.equals("_")) {
      return IriAliases.normalize(value);
    }
    TermDefinition prefixTerm = termNamed(prefix);
    if (prefixTerm == null || prefixTerm.isKeyword()) {
      return IriAliases.normalize(value);
    }
    return IriAliases.normalize(prefixTerm.iri() + suffix);
  }

  private TermDefinition termNamed(String name) {
    if (context.has(name)) {
      return define(name);
    }
    return outer == null ? null : outer.lookup(name);
  }

  private static Outcome needsProcessing(String why) {
    return new Outcome(new InlineContext.NeedsProcessing(why));
  }

  /** Ends parsing early with a result other than a simple layer. */
  private static final class Outcome extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient InlineContext result;

    Outcome(InlineContext result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
