package dev.fedgate.signatures.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Raw member text of an RFC 8941 Dictionary, so that RFC 9421 {@code @signature-params} uses the exact received
 * serialization. This only finds where each member's key and value are; the structured-fields library then parses
 * the member that is used, strictly.
 */
public final class StructuredFields {
  /** RFC 8941 §3.2 key. */
  private static final Pattern KEY = Pattern.compile("[a-z*][a-z0-9_.*-]*");

  private StructuredFields() {}

  /**
   * Member keys to their raw value text (after {@code key=}), in order.
   *
   * @throws ComponentException when a key repeats (we refuse rather than let the last one win silently)
   */
  public static Map<String, String> rawMembers(String dictionary) throws ComponentException {
    Map<String, String> out = new LinkedHashMap<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i <= dictionary.length(); i++) {
      char c = i < dictionary.length() ? dictionary.charAt(i) : ',';
      if (quoted) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          quoted = false;
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        addMember(dictionary.substring(start, Math.min(i, dictionary.length())), out);
        start = i + 1;
      }
    }
    return out;
  }

  private static void addMember(String member, Map<String, String> out) throws ComponentException {
    String trimmed = member.strip();
    if (trimmed.isEmpty()) {
      return;
    }
    int eq = trimmed.indexOf('=');
    int semi = trimmed.indexOf(';');
    boolean hasValue = eq > 0 && (semi < 0 || eq < semi);
    String key = hasValue ? trimmed.substring(0, eq) : (semi < 0 ? trimmed : trimmed.substring(0, semi));
    if (!KEY.matcher(key).matches()) {
      throw ComponentException.malformed("bad dictionary key");
    }
    if (out.put(key, hasValue ? trimmed.substring(eq + 1) : "?1") != null) {
      throw ComponentException.malformed("duplicate dictionary member " + key);
    }
  }
}
