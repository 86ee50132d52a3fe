package dev.fedgate.signatures.proof.internal;

import dev.fedgate.signatures.internal.Base58;
import java.util.Optional;

/** Multibase base58btc ({@code z} prefix, Bitcoin alphabet), as FEP-8b32 {@code proofValue} uses it. */
public final class Base58Btc {
  /** Longer inputs are refused before any arithmetic: base conversion is quadratic in the length. */
  public static final int MAX_ENCODED_LENGTH = 512;

  private Base58Btc() {}

  /** {@code z} followed by the base58btc digits of {@code bytes}. */
  public static String encodeMultibase(byte[] bytes) {
    return "z" + Base58.encode(bytes);
  }

  /** The bytes of a {@code z}-prefixed base58btc string; empty when it is not one or is over the length bound. */
  public static Optional<byte[]> decodeMultibase(String encoded) {
    if (encoded.length() < 2 || encoded.length() > MAX_ENCODED_LENGTH || encoded.charAt(0) != 'z') {
      return Optional.empty();
    }
    try {
      return Optional.of(Base58.decode(encoded.substring(1)));
    } catch (IllegalArgumentException notBase58) {
      return Optional.empty();
    }
  }
}
