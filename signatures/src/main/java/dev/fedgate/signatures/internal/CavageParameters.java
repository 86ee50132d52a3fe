package dev.fedgate.signatures.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parser for the draft-cavage-12 parameter list ({@code keyId="…",algorithm="…",created=123,…}).
 * Duplicate parameters are refused (§2.2); names compare case-sensitively, as in the draft.
 */
public final class CavageParameters {
  /** Bounds the work a hostile header can cause. */
  public static final int MAX_CHARS = 8192;
  private static final int MAX_PARAMETERS = 16;
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern NUMBER = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,9})?");

  private CavageParameters() {}

  /** Parameter names to raw values (quotes removed). */
  public static Map<String, String> parse(String header) throws ComponentException {
    if (header.length() > MAX_CHARS) {
      throw ComponentException.malformed("Signature header too long");
    }
    Map<String, String> out = new LinkedHashMap<>();
    int pos = skipSpaces(header, 0);
    while (pos < header.length()) {
      int eq = header.indexOf('=', pos);
      if (eq <= pos || !NAME.matcher(header.substring(pos, eq).trim()).matches()) {
        throw ComponentException.malformed("expected name=value at " + pos);
      }
      String name = header.substring(pos, eq).trim();
      int end = valueEnd(header, eq + 1);
      String value = header.charAt(eq + 1 < header.length() ? eq + 1 : eq) == '"'
          ? header.substring(eq + 2, end - 1) : header.substring(eq + 1, end).trim();
      if (out.put(name, value) != null) {
        throw ComponentException.malformed("duplicate parameter " + name);
      }
      if (out.size() > MAX_PARAMETERS) {
        throw ComponentException.malformed("too many parameters");
      }
      pos = skipSpaces(header, end);
      if (pos < header.length()) {
        if (header.charAt(pos) != ',') {
          throw ComponentException.malformed("expected ',' at " + pos);
        }
        pos = skipSpaces(header, pos + 1);
      }
    }
    return out;
  }

  /** End (exclusive) of the value starting at {@code start}: after the closing quote, or before the next comma. */
  private static int valueEnd(String header, int start) throws ComponentException {
    if (start < header.length() && header.charAt(start) == '"') {
      int close = header.indexOf('"', start + 1);
      if (close < 0) {
        throw ComponentException.malformed("unterminated quoted value");
      }
      return close + 1;
    }
    int comma = header.indexOf(',', start);
    int end = comma < 0 ? header.length() : comma;
    if (!NUMBER.matcher(header.substring(start, end).trim()).matches()) {
      throw ComponentException.malformed("unquoted value must be a number");
    }
    return end;
  }

  private static int skipSpaces(String s, int pos) {
    int p = pos;
    while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }
}
