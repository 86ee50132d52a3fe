package dev.fedgate.signatures.keys;

import dev.fedgate.signatures.internal.Base58;
import java.util.Arrays;

/** FEP-521a Multikey ({@code publicKeyMultibase}): {@code z} + base58btc(multicodec prefix + key bytes). */
final class Multikey {
  private static final byte[] ED25519_PUB = {(byte) 0xed, 0x01};
  private static final byte[] RSA_PUB = {(byte) 0x85, 0x24};

  private Multikey() {}

  static PublicKeyMaterial decodePublic(String multibase) throws KeyFormatException {
    if (multibase == null || multibase.length() < 2 || multibase.charAt(0) != 'z') {
      throw new KeyFormatException("Multikey must be base58btc (z...)");
    }
    byte[] bytes;
    try {
      bytes = Base58.decode(multibase.substring(1));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("Multikey is not base58btc", e);
    }
    if (startsWith(bytes, ED25519_PUB)) {
      return PublicKeyMaterial.fromEd25519(Arrays.copyOfRange(bytes, 2, bytes.length));
    }
    if (startsWith(bytes, RSA_PUB)) {
      return PublicKeyMaterial.fromPkcs1(Arrays.copyOfRange(bytes, 2, bytes.length));
    }
    throw new KeyFormatException("unsupported Multikey codec");
  }

  static String encodePublic(PublicKeyMaterial key) {
    switch (key.type()) {
      case ED25519:
        return "z" + Base58.encode(concat(ED25519_PUB, key.ed25519()));
      case RSA:
        return "z" + Base58.encode(concat(RSA_PUB, key.pkcs1()));
      default:
        throw new IllegalStateException("Multikey export supports Ed25519 and RSA keys");
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length > prefix.length && bytes[0] == prefix[0] && bytes[1] == prefix[1];
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
