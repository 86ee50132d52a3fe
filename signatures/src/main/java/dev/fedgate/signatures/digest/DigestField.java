package dev.fedgate.signatures.digest;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;

/**
 * The three digest header fields: RFC 3230 {@code Digest} ({@code SHA-256=<base64>}, what draft-cavage peers send)
 * and RFC 9530 {@code Content-Digest} / {@code Repr-Digest} ({@code sha-256=:<base64>:}). Always over the raw body
 * bytes as transferred; values are compared in constant time.
 */
public enum DigestField {
  /** RFC 3230 {@code Digest}. */
  DIGEST("Digest"),
  /** RFC 9530 {@code Content-Digest}: the content as transferred (after any Content-Encoding). */
  CONTENT_DIGEST("Content-Digest"),
  /** RFC 9530 {@code Repr-Digest}: the selected representation. */
  REPR_DIGEST("Repr-Digest");

  /** Longest field value we parse. */
  private static final int MAX_FIELD_CHARS = 4096;

  private final String headerName;

  DigestField(String headerName) {
    this.headerName = headerName;
  }

  /** The header field name. */
  public String headerName() {
    return headerName;
  }

  /** The field value for the body with the given algorithms, in the order given. */
  public String compute(byte[] body, DigestAlgorithm... algorithms) {
    if (algorithms.length == 0) {
      throw new IllegalArgumentException("at least one algorithm");
    }
    List<String> members = new ArrayList<>(algorithms.length);
    for (DigestAlgorithm a : algorithms) {
      String b64 = Base64.getEncoder().encodeToString(a.hash(body));
      members.add(this == DIGEST ? a.legacyName() + "=" + b64 : a.structuredName() + "=:" + b64 + ":");
    }
    return String.join(this == DIGEST ? "," : ", ", members);
  }

  /** Checks the field lines (all lines of the field, in order) against the body. Never throws on bad input. */
  public DigestCheck verify(List<String> fieldLines, byte[] body) {
    Map<DigestAlgorithm, List<byte[]>> claimed = new LinkedHashMap<>();
    String joined = String.join(", ", fieldLines);
    if (joined.length() > MAX_FIELD_CHARS || !(this == DIGEST ? parseLegacy(joined, claimed) : parseStructured(joined, claimed))) {
      return DigestCheck.MALFORMED;
    }
    if (claimed.isEmpty()) {
      return DigestCheck.NO_SUPPORTED_ALGORITHM;
    }
    for (Map.Entry<DigestAlgorithm, List<byte[]>> e : claimed.entrySet()) {
      byte[] actual = e.getKey().hash(body);
      for (byte[] value : e.getValue()) {
        if (!MessageDigest.isEqual(actual, value)) {
          return DigestCheck.MISMATCH;
        }
      }
    }
    return DigestCheck.MATCH;
  }

  private static boolean parseLegacy(String value, Map<DigestAlgorithm, List<byte[]>> out) {
    for (String member : value.split(",", -1)) {
      int eq = member.indexOf('=');
      if (eq <= 0) {
        return false;
      }
      // Unknown algorithms (e.g. MD5, SHA) are ignored as RFC 3230 allows; only ours are checked.
      var algorithm = DigestAlgorithm.byLegacyName(member.substring(0, eq));
      if (algorithm.isPresent()) {
        try {
          out.computeIfAbsent(algorithm.get(), k -> new ArrayList<>())
              .add(Base64.getDecoder().decode(member.substring(eq + 1).trim()));
        } catch (IllegalArgumentException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean parseStructured(String value, Map<DigestAlgorithm, List<byte[]>> out) {
    Dictionary dictionary;
    try {
      dictionary = Parser.parseDictionary(value);
    } catch (ParseException e) {
      return false;
    }
    for (Map.Entry<String, ListElement<? extends Object>> e : dictionary.get().entrySet()) {
      var algorithm = DigestAlgorithm.byStructuredName(e.getKey());
      if (algorithm.isPresent()) {
        if (!(e.getValue() instanceof ByteSequenceItem bytes)) {
          return false;
        }
        byte[] digest = new byte[bytes.get().remaining()];
        bytes.get().duplicate().get(digest);
        out.computeIfAbsent(algorithm.get(), k -> new ArrayList<>()).add(digest);
      }
    }
    return true;
  }
}
