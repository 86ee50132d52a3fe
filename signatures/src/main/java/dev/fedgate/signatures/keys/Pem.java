package dev.fedgate.signatures.keys;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** PEM armor: one labelled Base64 block. */
final class Pem {
  /** Remote actors' PEMs are a few kilobytes; larger text is not a key. */
  private static final int MAX_PEM_CHARS = 16 * 1024;
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");

  /** A decoded block. */
  record Block(String label, byte[] der) {}

  private Pem() {}

  static Block decode(String text) throws KeyFormatException {
    if (text == null || text.length() > MAX_PEM_CHARS) {
      throw new KeyFormatException("not a PEM key");
    }
    Matcher m = BLOCK.matcher(text);
    if (!m.find()) {
      throw new KeyFormatException("not a PEM key");
    }
    try {
      return new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2)));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("PEM body is not Base64", e);
    }
  }

  static String encode(String label, byte[] der) {
    String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + b64 + "\n-----END " + label + "-----\n";
  }
}
