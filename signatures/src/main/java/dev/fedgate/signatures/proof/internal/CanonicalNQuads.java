package dev.fedgate.signatures.proof.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.jsonldjava.core.JsonLdProcessor;
import com.github.jsonldjava.core.RDFDataset;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * URDNA2015 canonical N-Quads of a JSON-LD document: jsonld-java (bundled contexts only) turns the document into RDF,
 * {@link Urdna2015} labels and writes it the way jsonld.js does.
 *
 * <p>Numbers follow jsonld.js too: it cannot tell {@code 1.0} from {@code 1} and writes any integral number below
 * 1e21 as an {@code xsd:integer}, so integral numbers are handed to jsonld-java as integers.
 */
public final class CanonicalNQuads {
  private static final BigDecimal INTEGER_LIMIT = new BigDecimal("1e21");

  private CanonicalNQuads() {}

  /**
   * The canonical N-Quads of {@code document} (maps and lists as {@link #toJsonLd} makes them).
   *
   * @throws Urdna2015.LimitExceeded when its blank nodes are too symmetric to label within the bound
   * @throws RuntimeException whatever jsonld-java throws for a document it cannot process (callers turn it into a
   *     refusal)
   */
  public static String of(Object document) {
    return Urdna2015.canonicalize((RDFDataset) JsonLdProcessor.toRDF(document, OfflineContexts.options()));
  }

  /** A Jackson tree as the maps, lists, strings, numbers and booleans jsonld-java works on. */
  public static Object toJsonLd(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.properties().forEach(e -> map.put(e.getKey(), toJsonLd(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.elements().forEachRemaining(e -> list.add(toJsonLd(e)));
      return list;
    }
    if (node.isNumber()) {
      return number(node);
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return null;
  }

  private static Object number(JsonNode node) {
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue();
    }
    double value = node.doubleValue();
    if (Double.isFinite(value) && value == Math.rint(value)
        && new BigDecimal(value).abs().compareTo(INTEGER_LIMIT) < 0) {
      return new BigDecimal(value).toBigIntegerExact();
    }
    return value;
  }
}
