package dev.fedgate.signatures.internal;

import java.math.BigInteger;

/** Bitcoin base58 alphabet, as multibase `z` (base58btc) uses it for FEP-521a Multikeys. */
public final class Base58 {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  /** Multikeys are at most a few hundred characters (RSA-4096 about 760); refuse silly inputs early. */
  private static final int MAX_INPUT = 2048;

  private Base58() {}

  /** Encodes bytes, keeping leading zero bytes as '1'. */
  public static String encode(byte[] data) {
    StringBuilder sb = new StringBuilder();
    BigInteger n = new BigInteger(1, data);
    while (n.signum() > 0) {
      BigInteger[] qr = n.divideAndRemainder(BASE);
      sb.append(ALPHABET.charAt(qr[1].intValue()));
      n = qr[0];
    }
    for (int i = 0; i < data.length && data[i] == 0; i++) {
      sb.append('1');
    }
    return sb.reverse().toString();
  }

  /** Decodes; throws IllegalArgumentException on a character outside the alphabet. */
  public static byte[] decode(String text) {
    if (text.length() > MAX_INPUT) {
      throw new IllegalArgumentException("base58 input too long");
    }
    BigInteger n = BigInteger.ZERO;
    for (int i = 0; i < text.length(); i++) {
      int digit = ALPHABET.indexOf(text.charAt(i));
      if (digit < 0) {
        throw new IllegalArgumentException("not base58");
      }
      n = n.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    int zeros = 0;
    while (zeros < text.length() && text.charAt(zeros) == '1') {
      zeros++;
    }
    byte[] magnitude = n.signum() == 0 ? new byte[0] : n.toByteArray();
    int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
    byte[] out = new byte[zeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, zeros, magnitude.length - skip);
    return out;
  }
}
