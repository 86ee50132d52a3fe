package dev.fedgate.signatures.proof.internal;

import static dev.fedgate.signatures.proof.internal.LdReading.MAX_NODES;
import static dev.fedgate.signatures.proof.internal.LdReading.isSignedIri;
import static dev.fedgate.signatures.proof.internal.LdReading.refuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.signatures.proof.ProofRejectReason;
import dev.fedgate.signatures.proof.ProofResult.Rejected;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The walk over the JSON tree for {@link LdReading}'s rules 2 to 4 and its bounds. */
final class TreeCheck {
  private final TermTable terms;
  private final JsonNode topContext;
  private final Set<String> described = new HashSet<>();
  private int nodes;

  TreeCheck(TermTable terms, JsonNode topContext) {
    this.terms = terms;
    this.topContext = topContext;
  }

  Optional<Rejected> node(ObjectNode object, boolean top) {
    if (++nodes > MAX_NODES) {
      return Optional.of(refuse(ProofRejectReason.LIMIT_EXCEEDED, "more than " + MAX_NODES + " objects"));
    }
    String id = null;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      String name = member.getKey();
      // A nested @context equal to the document's changes nothing (BookWyrm repeats it on embedded objects).
      if (name.equals("@context") && (top || member.getValue().equals(topContext))) {
        continue;
      }
      Optional<Rejected> problem = member(name, member.getValue());
      if (problem.isPresent()) {
        return problem;
      }
      if (terms.resolve(name).equals("@id")) {
        id = member.getValue().textValue();
      }
    }
    if (id != null && object.size() > 1 && !described.add(id)) {
      return Optional.of(refuse(ProofRejectReason.RESTRUCTURED, "node described twice: " + id));
    }
    return Optional.empty();
  }

  private Optional<Rejected> member(String name, JsonNode value) {
    String meaning = terms.resolve(name);
    if (value.isNull() && !meaning.startsWith("@")) {
      // A null member means "absent" to JSON-LD and to our readers alike.
      return Optional.empty();
    }
    Optional<Rejected> problem = memberProblem(name, meaning, value);
    if (problem.isPresent()) {
      return problem;
    }
    // In a language map keys are language tags and values strings: each a language-tagged literal of the graph.
    return terms.isLanguageMap(name) ? languageMapProblem(name, value) : value(value);
  }

  private Optional<Rejected> value(JsonNode value) {
    if (value.isObject()) {
      return node((ObjectNode) value, false);
    }
    if (value.isArray()) {
      for (JsonNode element : value) {
        if (element.isArray() || element.isNull()) {
          // JSON-LD flattens nested arrays and drops null elements: shapes no reader expects, none of them signed.
          return Optional.of(refuse(ProofRejectReason.RESTRUCTURED, "array holding an array or a null"));
        }
        Optional<Rejected> problem = value(element);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejected> languageMapProblem(String name, JsonNode map) {
    if (!map.isObject()) {
      return Optional.of(refuse(ProofRejectReason.MALFORMED, name + " is not a language map"));
    }
    for (JsonNode text : map) {
      boolean strings = text.isTextual() || text.isNull();
      if (text.isArray()) {
        strings = true;
        for (JsonNode element : text) {
          strings &= element.isTextual();
        }
      }
      if (!strings) {
        return Optional.of(refuse(ProofRejectReason.RESTRUCTURED, name + " holds something other than text"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejected> memberProblem(String name, String meaning, JsonNode value) {
    if (meaning.equals("@id")) {
      return value.isTextual() && isSignedIri(value.textValue()) ? Optional.empty()
          : Optional.of(refuse(ProofRejectReason.RESTRUCTURED, "id is not an absolute IRI: " + value));
    }
    if (meaning.equals("@type")) {
      return Optional.empty();
    }
    if (meaning.startsWith("@")) {
      return Optional.of(refuse(ProofRejectReason.RESTRUCTURED, "member " + name + " is the keyword " + meaning));
    }
    return isSignedIri(meaning) ? Optional.empty() : Optional.of(refuse(ProofRejectReason.RESTRUCTURED,
        "member " + name + " has no meaning in a known context, so the signature does not cover it"));
  }
}
