package dev.fedgate.signatures.proof.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.jsonldjava.core.JsonLdConsts;
import com.github.jsonldjava.core.JsonLdOptions;
import com.github.jsonldjava.core.JsonLdProcessor;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * URDNA2015 canonical N-Quads of a JSON-LD document, by jsonld-java with bundled contexts only, written the way
 * jsonld.js (which Mastodon's signatures are checked against) writes them.
 *
 * <p>Two differences of jsonld-java 0.13.4 are corrected. Literals: it escapes characters outside the BMP as
 * {@code \U0001f3ac} and tab, backspace, form feed and other controls as escapes, where canonical N-Quads (and
 * jsonld.js) escape only {@code "}, {@code \}, LF and CR; every escape is decoded and re-written that way and the
 * lines re-sorted. Numbers: jsonld.js cannot tell {@code 1.0} from {@code 1} and writes any integral number below
 * 1e21 as an {@code xsd:integer}; integral numbers are handed to jsonld-java as integers to match.
 *
 * <p>Known limit: URDNA2015 orders blank nodes by hashes of their N-Quads, which jsonld-java computes over its own
 * escaping. When two or more blank nodes carry literals with such characters the labels may be ordered differently
 * from jsonld.js, and a genuine signature over such a document fails to verify (a refusal, never a false accept).
 */
public final class CanonicalNQuads {
  private static final BigDecimal INTEGER_LIMIT = new BigDecimal("1e21");

  private CanonicalNQuads() {}

  /**
   * The canonical N-Quads of {@code document} (maps and lists as {@link #toJsonLd} makes them).
   *
   * @throws RuntimeException whatever jsonld-java throws for a document it cannot process (callers turn it into a
   *     refusal)
   */
  public static String of(Object document) {
    JsonLdOptions options = OfflineContexts.options();
    options.format = JsonLdConsts.APPLICATION_NQUADS;
    Object normalized = JsonLdProcessor.normalize(document, options);
    return asJsonLdJs(normalized == null ? "" : normalized.toString());
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

  /** Re-escapes every literal as jsonld.js does and re-sorts the lines (code-unit order, as jsonld.js sorts). */
  static String asJsonLdJs(String nquads) {
    if (nquads.isEmpty()) {
      return nquads;
    }
    String[] lines = nquads.split("\n");
    for (int i = 0; i < lines.length; i++) {
      lines[i] = rewriteLiterals(lines[i]);
    }
    Arrays.sort(lines);
    return String.join("\n", lines) + "\n";
  }

  private static String rewriteLiterals(String line) {
    StringBuilder out = new StringBuilder(line.length());
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '<') {
        int end = line.indexOf('>', i);
        end = end < 0 ? line.length() - 1 : end;
        out.append(line, i, end + 1);
        i = end + 1;
      } else if (c == '"') {
        i = rewriteLiteral(line, i + 1, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** Decodes the literal from {@code start} (after its quote), writes it re-escaped, returns the index after it. */
  private static int rewriteLiteral(String line, int start, StringBuilder out) {
    StringBuilder raw = new StringBuilder();
    int i = start;
    while (i < line.length() && line.charAt(i) != '"') {
      char c = line.charAt(i);
      if (c != '\\' || i + 1 >= line.length()) {
        raw.append(c);
        i++;
        continue;
      }
      char kind = line.charAt(i + 1);
      int hexLength = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
      if (hexLength > 0 && i + 2 + hexLength <= line.length()) {
        raw.appendCodePoint(Integer.parseInt(line.substring(i + 2, i + 2 + hexLength), 16));
        i += 2 + hexLength;
      } else {
        raw.append(unescape(kind));
        i += 2;
      }
    }
    out.append('"');
    raw.codePoints().forEach(cp -> {
      switch (cp) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        default:
          out.appendCodePoint(cp);
      }
    });
    out.append('"');
    return i + 1;
  }

  private static char unescape(char kind) {
    switch (kind) {
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 'f':
        return '\f';
      default:
        return kind;
    }
  }
}
