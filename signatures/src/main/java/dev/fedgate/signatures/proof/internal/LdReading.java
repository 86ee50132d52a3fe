package dev.fedgate.signatures.proof.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.jsonldjava.core.JsonLdProcessor;
import dev.fedgate.signatures.proof.ProofRejectReason;
import dev.fedgate.signatures.proof.ProofResult.Rejected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How Fedgate reads a JSON-LD document, and the checks that make a Linked Data Signature over its RDF graph also
 * cover the JSON a caller acts on.
 *
 * <p>A Linked Data Signature signs the canonical graph, and JSON-LD has many JSON shapes for one graph. Every
 * ActivityPub reader, ours included, acts on the JSON tree under fixed meanings of the member names. The published
 * attacks live in that gap: {@code @graph} moves the signed activity aside and lifts its embedded object to the top
 * (GHSA-9rfg-v8g9-9367, an {@code Undo} whose {@code Announce} becomes the top-level activity), {@code @reverse}
 * turns an activity and its object around, {@code @included} hides nodes outside the tree, an inline context can
 * rename terms (swap {@code content} and {@code summary}) without changing the graph (CVE-2026-46349), and members
 * or values that JSON-LD drops are unsigned yet visible to a plain JSON reader (CVE-2026-50128: Mastodon's
 * {@code attributionDomains} was typed {@code @id}, so its bare domain names became relative IRIs and vanished from
 * the signed graph).
 *
 * <p>The rule: <b>the graph of the JSON as Fedgate reads it must be the graph that was signed, and no JSON member or
 * value may fall outside it.</b> "As Fedgate reads it" is the <i>reading context</i>: ActivityStreams, security v1,
 * our fixed meanings for common extension terms ({@code known-terms.jsonld}), and the document's own inline
 * definitions for terms none of those define, or for known terms whose IRI they keep (a sender may add terms and
 * choose how a known term's values are typed, never change what a known term means). In order:
 * <ol>
 *   <li>{@code @context}: bundled URLs only ({@link ProofRejectReason#UNKNOWN_CONTEXT}), inline term definitions
 *       only of the plain kind ({@code @id}, {@code @type}, {@code @container} {@code @list}/{@code @set}); no
 *       keyword aliases, {@code @vocab}, {@code @base} or {@code @reverse} terms; a nested context only when it
 *       repeats the document's.</li>
 *   <li>No member is a JSON-LD keyword other than {@code @id}/{@code @type} (so no {@code @graph},
 *       {@code @included}, {@code @reverse}, {@code @nest}, {@code @value}, {@code @list}…), and no array holds an
 *       array or a null (JSON-LD flattens and drops them).</li>
 *   <li>Every non-null member resolves, under the reading context, to an absolute IRI (not a blank node: the
 *       ActivityStreams context maps unknown terms to blank nodes, which RDF drops).</li>
 *   <li>Every node id is an absolute IRI and each id is described by one JSON object only (no merging of nodes the
 *       tree keeps apart).</li>
 *   <li>After expansion under the reading context, every {@code @id} and {@code @type} is an absolute IRI (catches
 *       values an {@code @id}-typed term turns into relative IRIs, and types nothing defines).</li>
 *   <li>The signature must verify over {@link #readingNQuads()}, the canonical graph of the JSON under the reading
 *       context, and the document's own context must give that same graph ({@link #ownNQuads()}), so a consumer
 *       that honours the sender's {@code @context} reads it the same way too.</li>
 * </ol>
 * Documents hold at most {@link #MAX_NODES} objects; {@link Urdna2015#MAX_WORK} bounds blank-node hashing.
 */
public final class LdReading {
  /** Most JSON objects in one document. */
  public static final int MAX_NODES = 512;

  private static final Pattern ABSOLUTE_IRI = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:\\S*");
  private static final Set<String> TERM_DEFINITION_KEYS = Set.of("@id", "@type", "@container");
  private static final Set<String> CONTAINERS = Set.of("@list", "@set");
  private static final int MAX_DETAIL = 160;

  private final ObjectNode document;
  private final Map<String, Object> extraTerms = new LinkedHashMap<>();

  private LdReading(ObjectNode document) {
    this.document = document;
  }

  /** A reading of {@code unsignedDocument} (the document without its {@code signature}); the node is copied. */
  public static LdReading of(ObjectNode unsignedDocument) {
    return new LdReading(unsignedDocument.deepCopy());
  }

  /** The first rule the document breaks, or empty when a signature over its reading graph covers its JSON. */
  public Optional<Rejected> problem() {
    Optional<Rejected> context = contextProblem();
    if (context.isPresent()) {
      return context;
    }
    TreeCheck treeCheck = new TreeCheck(new TermTable(readingTerms()), document.get("@context"));
    Optional<Rejected> tree = treeCheck.node(document, true);
    if (tree.isPresent()) {
      return tree;
    }
    try {
      return expandedProblem(JsonLdProcessor.expand(readingDocument(), OfflineContexts.options()));
    } catch (RuntimeException e) {
      // jsonld-java reports what it cannot process with runtime exceptions; for untrusted input that is a refusal.
      return Optional.of(refuse(ProofRejectReason.MALFORMED, "JSON-LD expansion failed: " + e.getMessage()));
    }
  }

  /**
   * The canonical N-Quads of the document under the reading context: the graph a caller's reading means.
   *
   * @throws RuntimeException when jsonld-java cannot process the document
   */
  public String readingNQuads() {
    return CanonicalNQuads.of(readingDocument());
  }

  /**
   * The canonical N-Quads of the document under its own {@code @context}: the graph a signer using that context
   * signed; it must equal {@link #readingNQuads()}.
   *
   * @throws RuntimeException when jsonld-java cannot process the document
   */
  public String ownNQuads() {
    return CanonicalNQuads.of(CanonicalNQuads.toJsonLd(document));
  }

  private Object readingDocument() {
    @SuppressWarnings("unchecked")
    Map<String, Object> reading = (Map<String, Object>) CanonicalNQuads.toJsonLd(document);
    // Nested contexts only repeat the document's (TreeCheck); left in, they would bring back the sender's meanings.
    reading.values().forEach(LdReading::dropContexts);
    List<Object> context = new ArrayList<>(List.of(
        OfflineContexts.ACTIVITY_STREAMS, OfflineContexts.SECURITY_V1, OfflineContexts.knownTerms()));
    if (!extraTerms.isEmpty()) {
      context.add(extraTerms);
    }
    reading.put("@context", context);
    return reading;
  }

  private static void dropContexts(Object value) {
    if (value instanceof Map<?, ?> map) {
      map.remove("@context");
      map.values().forEach(LdReading::dropContexts);
    } else if (value instanceof List<?> list) {
      list.forEach(LdReading::dropContexts);
    }
  }

  private Map<String, Object> readingTerms() {
    Map<String, Object> terms = new LinkedHashMap<>(OfflineContexts.termDefinitions(OfflineContexts.ACTIVITY_STREAMS));
    terms.putAll(OfflineContexts.termDefinitions(OfflineContexts.SECURITY_V1));
    terms.putAll(OfflineContexts.knownTerms());
    terms.putAll(extraTerms);
    return terms;
  }

  private Optional<Rejected> contextProblem() {
    JsonNode context = document.get("@context");
    if (context == null) {
      return Optional.of(refuse(ProofRejectReason.MALFORMED, "no @context"));
    }
    List<JsonNode> entries = new ArrayList<>();
    if (context.isArray()) {
      context.elements().forEachRemaining(entries::add);
    } else {
      entries.add(context);
    }
    TermTable base = new TermTable(readingTerms());
    Map<String, Object> senderView = new LinkedHashMap<>(base.definitions());
    for (JsonNode entry : entries) {
      Optional<Rejected> problem = entry.isTextual() ? urlProblem(entry.textValue())
          : entry.isObject() ? inlineProblem((ObjectNode) entry, base, senderView)
          : Optional.of(refuse(ProofRejectReason.MALFORMED, "@context entry is neither a URL nor an object"));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejected> urlProblem(String url) {
    return OfflineContexts.isBundled(url) ? Optional.empty()
        : Optional.of(refuse(ProofRejectReason.UNKNOWN_CONTEXT, "context not bundled: " + url));
  }

  /**
   * Checks one inline context object and takes into the reading the sender's definitions of new terms, and of known
   * terms whose IRI it keeps: a sender may choose how a known term's values are typed (text or IRI, list or set;
   * older Mastodon typed {@code movedTo} as text), never what the term means.
   */
  private Optional<Rejected> inlineProblem(ObjectNode inline, TermTable base, Map<String, Object> senderView) {
    for (Map.Entry<String, JsonNode> term : inline.properties()) {
      if (term.getKey().startsWith("@") || !plainDefinition(term.getValue())) {
        return Optional.of(refuse(ProofRejectReason.RESTRUCTURED,
            "inline context entry not allowed: " + term.getKey()));
      }
      senderView.put(term.getKey(), CanonicalNQuads.toJsonLd(term.getValue()));
    }
    TermTable sender = new TermTable(senderView);
    for (String name : (Iterable<String>) inline::fieldNames) {
      if (!base.definitions().containsKey(name) || sender.resolve(name).equals(base.resolve(name))) {
        extraTerms.put(name, senderView.get(name));
      }
    }
    return Optional.empty();
  }

  private static boolean plainDefinition(JsonNode definition) {
    if (definition.isTextual()) {
      return !definition.textValue().startsWith("@");
    }
    if (!definition.isObject() || definition.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> part : definition.properties()) {
      JsonNode value = part.getValue();
      boolean ok = TERM_DEFINITION_KEYS.contains(part.getKey()) && value.isTextual()
          && ("@id".equals(part.getKey()) ? !value.textValue().startsWith("@")
          : "@type".equals(part.getKey()) ? "@id".equals(value.textValue()) || !value.textValue().startsWith("@")
          : CONTAINERS.contains(value.textValue()));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static Optional<Rejected> expandedProblem(Object expanded) {
    if (expanded instanceof List<?> list) {
      for (Object element : list) {
        Optional<Rejected> problem = expandedProblem(element);
        if (problem.isPresent()) {
          return problem;
        }
      }
    } else if (expanded instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = (String) entry.getKey();
        Optional<Rejected> problem = key.equals("@id") || key.equals("@type") ? iriValuesProblem(entry.getValue())
            : key.startsWith("@") ? Optional.empty() : iriProblem(key);
        if (problem.isEmpty() && !key.equals("@value")) {
          problem = expandedProblem(entry.getValue());
        }
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejected> iriValuesProblem(Object value) {
    List<?> values = value instanceof List<?> list ? list : List.of(value);
    for (Object iri : values) {
      Optional<Rejected> problem = iri instanceof String s ? iriProblem(s)
          : Optional.of(refuse(ProofRejectReason.MALFORMED, "@id or @type is not a string"));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejected> iriProblem(String iri) {
    return isSignedIri(iri) ? Optional.empty() : Optional.of(refuse(ProofRejectReason.RESTRUCTURED,
        "not an absolute IRI, so the signed graph leaves it out: " + iri));
  }

  static boolean isSignedIri(String iri) {
    return !iri.startsWith("_:") && ABSOLUTE_IRI.matcher(iri).matches();
  }

  static Rejected refuse(ProofRejectReason reason, String detail) {
    return new Rejected(reason, detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) + "…" : detail);
  }
}
