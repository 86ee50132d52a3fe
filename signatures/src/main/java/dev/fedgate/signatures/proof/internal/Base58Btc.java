package dev.fedgate.signatures.proof.internal;

import java.math.BigInteger;
import java.util.Optional;

/** Multibase base58btc ({@code z} prefix, Bitcoin alphabet), as FEP-8b32 {@code proofValue} uses it. */
public final class Base58Btc {
  private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final BigInteger BASE = BigInteger.valueOf(58);
  /** Longer inputs are refused before any arithmetic: base conversion is quadratic in the length. */
  public static final int MAX_ENCODED_LENGTH = 512;

  private Base58Btc() {}

  /** {@code z} followed by the base58btc digits of {@code bytes}. */
  public static String encodeMultibase(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, bytes);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(BASE);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
      out.append('1');
    }
    return "z" + out.reverse();
  }

  /** The bytes of a {@code z}-prefixed base58btc string; empty when it is not one or is over the length bound. */
  public static Optional<byte[]> decodeMultibase(String encoded) {
    if (encoded.length() < 2 || encoded.length() > MAX_ENCODED_LENGTH || encoded.charAt(0) != 'z') {
      return Optional.empty();
    }
    BigInteger value = BigInteger.ZERO;
    int leadingZeros = 0;
    boolean leading = true;
    for (int i = 1; i < encoded.length(); i++) {
      int digit = ALPHABET.indexOf(encoded.charAt(i));
      if (digit < 0) {
        return Optional.empty();
      }
      if (leading && digit == 0) {
        leadingZeros++;
      } else {
        leading = false;
      }
      value = value.multiply(BASE).add(BigInteger.valueOf(digit));
    }
    byte[] magnitude = value.toByteArray();
    int skip = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
    if (value.signum() == 0) {
      skip = magnitude.length;
    }
    byte[] out = new byte[leadingZeros + magnitude.length - skip];
    System.arraycopy(magnitude, skip, out, leadingZeros, magnitude.length - skip);
    return Optional.of(out);
  }
}
