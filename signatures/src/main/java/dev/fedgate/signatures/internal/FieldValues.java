package dev.fedgate.signatures.internal;

import java.util.List;

/** Header value canonicalisation shared by draft-cavage §2.3 and RFC 9421 §2.1. */
public final class FieldValues {
  private FieldValues() {}

  /** Each line trimmed of OWS with obs-fold collapsed to one space, then all joined with ", ". */
  public static String canonical(List<String> lines) {
    if (lines.size() == 1) {
      return canonical(lines.get(0));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(canonical(lines.get(i)));
    }
    return sb.toString();
  }

  private static String canonical(String line) {
    String value = line;
    if (value.indexOf('\n') >= 0) {
      // obs-fold: CRLF (or LF) followed by spaces or tabs becomes a single space.
      value = value.replaceAll("\\r?\\n[ \\t]+", " ");
    }
    return strip(value);
  }

  private static String strip(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isOws(s.charAt(start))) {
      start++;
    }
    while (end > start && isOws(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isOws(char c) {
    return c == ' ' || c == '\t';
  }
}
