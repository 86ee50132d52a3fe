package dev.fedgate.signatures.proof.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 JSON Canonicalization Scheme over a Jackson tree.
 *
 * <p>Written here rather than taken from {@code io.github.erdtman:java-json-canonicalization} 1.1: that library
 * parses its own JSON text (we already hold a bounded, duplicate-checked Jackson tree) and has had no release since
 * 1.1. The rules are small: members sorted by UTF-16 code units ({@link String#compareTo} is exactly that), strings
 * escaped as ECMAScript's {@code JSON.stringify} does, numbers as ECMAScript's {@code Number.prototype.toString}.
 */
public final class Jcs {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Jcs() {}

  /**
   * The canonical UTF-8 bytes of {@code node}.
   *
   * @throws IllegalArgumentException when the tree holds what I-JSON forbids: a lone surrogate in a string or a
   *     non-finite number
   */
  public static byte[] canonicalize(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> members = new ArrayList<>(node.properties());
      members.sort(Map.Entry.comparingByKey());
      out.append('{');
      for (int i = 0; i < members.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeString(members.get(i).getKey(), out);
        out.append(':');
        write(members.get(i).getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      Iterator<JsonNode> elements = node.elements();
      boolean first = true;
      while (elements.hasNext()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(elements.next(), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      writeString(node.textValue(), out);
    } else if (node.isNumber()) {
      out.append(number(node.doubleValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNull()) {
      out.append("null");
    } else {
      throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("lone surrogate in a string");
      } else if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        appendControl(c, out);
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void appendControl(char c, StringBuilder out) {
    switch (c) {
      case '\b':
        out.append("\\b");
        break;
      case '\t':
        out.append("\\t");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\f':
        out.append("\\f");
        break;
      case '\r':
        out.append("\\r");
        break;
      default:
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
  }

  /**
   * ECMAScript's {@code Number.prototype.toString} for a double (ECMA-262 §7.1.12.1, as RFC 8785 §3.2.2.3 requires).
   *
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot carry
   */
  public static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("non-finite number");
    }
    if (value == 0) {
      return "0";
    }
    BigDecimal shortest = shortestRoundTrip(Math.abs(value)).stripTrailingZeros();
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    String sign = value < 0 ? "-" : "";
    if (k <= n && n <= 21) {
      return sign + digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return sign + digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return sign + "0." + "0".repeat(-n) + digits;
    }
    int exponent = n - 1;
    String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
  }

  /**
   * The decimal with the fewest significant digits that reads back as {@code value}; among equally short ones, the
   * closest to it (ECMA-262's choice). Both neighbours at each precision are tried because the round-trip interval
   * is lopsided at powers of two, where the nearest short decimal may fall outside it while the other one does not.
   */
  private static BigDecimal shortestRoundTrip(double value) {
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean downOk = Double.parseDouble(down.toString()) == value;
      boolean upOk = Double.parseDouble(up.toString()) == value;
      if (downOk && upOk) {
        int closer = exact.subtract(down).compareTo(up.subtract(exact));
        if (closer != 0) {
          return closer < 0 ? down : up;
        }
        return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      }
      if (downOk) {
        return down;
      }
      if (upOk) {
        return up;
      }
    }
    throw new AssertionError("17 significant digits always identify a double");
  }
}
