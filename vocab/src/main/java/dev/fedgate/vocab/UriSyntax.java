package dev.fedgate.vocab;

/**
 * A hand-written proof that a string is an absolute URI that {@code new java.net.URI(text)} accepts, for the shapes
 * peers send: {@code scheme://host[:port][path][?query][#fragment]} (where {@code URI} finds that host) and the
 * opaque {@code scheme:part[#fragment]} of magnet links, in ASCII with well-formed {@code %XX} escapes. Anything
 * else (IPv6 literals, user info, empty authorities, trailing dots, non-ASCII) answers false and is left to
 * {@code java.net.URI}; a true answer is never given for a string {@code URI} refuses.
 *
 * <p>The character classes are {@code URI}'s (RFC 2396 with RFC 2732), narrowed: {@code [} and {@code ]} are not
 * allowed anywhere, and a host is either RFC 2396's hostname (dot-separated labels of letters, digits and inner
 * hyphens, the last one starting with a letter, so it is never an IPv4 address) or an IPv4 address in its canonical
 * dotted form (four numbers 0-255 without leading zeros), which {@code URI} reads as a server-based authority:
 * {@code getHost()} is that host, {@code getScheme()} the text before the first colon.
 */
final class UriSyntax {
  private static final String DIGITS = "0123456789";
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String UNRESERVED = LETTERS + DIGITS + "-_.!~*'()";
  private static final int SCHEME = 1;
  private static final int ALPHANUM = 2;
  private static final int DIGIT = 4;
  /** RFC 2396 path characters besides escapes: pchar, {@code ;} and {@code /}. */
  private static final int PATH = 8;
  /** RFC 2396 {@code uric} besides escapes, without {@code [ ]}: query, fragment and opaque part. */
  private static final int URIC = 16;
  private static final int HEX = 32;
  private static final int LETTER = 64;
  private static final byte[] CLASSES = new byte[128];

  static {
    mark(LETTERS + DIGITS + "+-.", SCHEME);
    mark(LETTERS + DIGITS, ALPHANUM);
    mark(DIGITS, DIGIT);
    mark(UNRESERVED + ":@&=+$,;/", PATH);
    mark(UNRESERVED + ";/?:@&=+$,", URIC);
    mark(DIGITS + "abcdefABCDEF", HEX);
    mark(LETTERS, LETTER);
  }

  private UriSyntax() {}

  /** Whether {@code text} is in the subset above (and so an absolute URI that {@code new URI(text)} accepts). */
  static boolean isCommonAbsolute(String text) {
    // One copy, then plain array reads: String.charAt costs a bounds and an encoding check per character.
    char[] s = text.toCharArray();
    int n = s.length;
    int p = afterScheme(s, n);
    if (p < 0) {
      return false;
    }
    if (p < n && s[p] == '/') {
      p = afterAuthority(s, p, n);
      if (p < 0) {
        return false;
      }
      p = run(s, p, n, PATH);
      if (p < n && s[p] == '?') {
        p = run(s, p + 1, n, URIC);
      }
    } else {
      int end = run(s, p, n, URIC);
      // URI refuses an empty scheme-specific part ("mailto:" or "x:#f").
      if (end == p) {
        return false;
      }
      p = end;
    }
    if (p < n && s[p] == '#') {
      p = run(s, p + 1, n, URIC);
    }
    return p == n;
  }

  /** The index after {@code scheme:}, or -1. */
  private static int afterScheme(char[] s, int n) {
    if (n == 0 || !is(s[0], LETTER)) {
      return -1;
    }
    int p = 1;
    while (p < n && is(s[p], SCHEME)) {
      p++;
    }
    return p < n && s[p] == ':' ? p + 1 : -1;
  }

  /** The index after {@code //host[:port]} at {@code p}, where the path, query, fragment or end must follow; or -1. */
  private static int afterAuthority(char[] s, int p, int n) {
    if (p + 1 >= n || s[p + 1] != '/') {
      return -1;
    }
    int q = afterIpv4(s, p + 2, n);
    if (q < 0) {
      q = afterHostname(s, p + 2, n);
    }
    if (q < 0) {
      return -1;
    }
    if (q < n && s[q] == ':') {
      int digits = ++q;
      while (q < n && is(s[q], DIGIT)) {
        q++;
      }
      if (q == digits || q - digits > 5) {
        return -1;
      }
    }
    return q == n || s[q] == '/' || s[q] == '?' || s[q] == '#' ? q : -1;
  }

  /**
   * The index after a canonical IPv4 address at {@code p} that the port, path, query, fragment or end follows, or -1
   * (a hostname may still start there). Loopback and private peers, test kits above all, are addressed this way.
   */
  private static int afterIpv4(char[] s, int p, int n) {
    for (int part = 0; part < 4; part++) {
      if (part > 0) {
        if (p == n || s[p] != '.') {
          return -1;
        }
        p++;
      }
      int start = p;
      int value = 0;
      while (p < n && p - start < 3 && is(s[p], DIGIT)) {
        value = value * 10 + (s[p++] - '0');
      }
      if (p == start || value > 255 || (s[start] == '0' && p - start > 1)) {
        return -1;
      }
    }
    return p == n || ":/?#".indexOf(s[p]) >= 0 ? p : -1;
  }

  /** The index after {@code label *("." label)} at {@code p}, the last label starting with a letter; or -1. */
  private static int afterHostname(char[] s, int p, int n) {
    for (;;) {
      int label = p;
      if (p == n || !is(s[p], ALPHANUM)) {
        return -1;
      }
      while (p < n && (is(s[p], ALPHANUM) || s[p] == '-')) {
        p++;
      }
      if (s[p - 1] == '-') {
        return -1;
      }
      if (p == n || s[p] != '.') {
        return is(s[label], LETTER) ? p : -1;
      }
      p++;
    }
  }

  /** The index of the first character from {@code p} that is neither in {@code type} nor a whole {@code %XX}. */
  private static int run(char[] s, int p, int n, int type) {
    while (p < n) {
      char c = s[p];
      if (is(c, type)) {
        p++;
      } else if (c == '%' && p + 2 < n && is(s[p + 1], HEX) && is(s[p + 2], HEX)) {
        p += 3;
      } else {
        return p;
      }
    }
    return p;
  }

  private static boolean is(char c, int type) {
    return c < 128 && (CLASSES[c] & type) != 0;
  }

  private static void mark(String chars, int type) {
    for (int i = 0; i < chars.length(); i++) {
      CLASSES[chars.charAt(i)] |= type;
    }
  }
}
