package dev.fedgate.signatures.keys;

import dev.fedgate.signatures.internal.Der;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;
import java.util.List;

/** The ASN.1 structures around keys: algorithm identifiers and conversions between SPKI, PKCS#1, PKCS#8 and SEC1. */
final class Asn1Keys {
  static final byte[] OID_RSA = hex("2a864886f70d010101");
  static final byte[] OID_RSA_PSS = hex("2a864886f70d01010a");
  static final byte[] OID_EC = hex("2a8648ce3d0201");
  static final byte[] OID_P256 = hex("2a8648ce3d030107");
  static final byte[] OID_ED25519 = hex("2b6570");
  static final ECParameterSpec P256 = p256();

  private Asn1Keys() {}

  /** The algorithm OID of an AlgorithmIdentifier element. */
  static byte[] algorithmOid(Der.Element algorithmIdentifier) {
    List<Der.Element> parts = algorithmIdentifier.children();
    if (parts.isEmpty() || parts.get(0).tag() != Der.OID) {
      throw new IllegalArgumentException("bad AlgorithmIdentifier");
    }
    return parts.get(0).content();
  }

  /** Whether an AlgorithmIdentifier names P-256 as its curve. */
  static boolean isP256(Der.Element algorithmIdentifier) {
    List<Der.Element> parts = algorithmIdentifier.children();
    return parts.size() == 2 && Arrays.equals(parts.get(1).content(), OID_P256);
  }

  static byte[] rsaAlgorithmId() {
    return Der.write(Der.SEQUENCE, Der.write(Der.OID, OID_RSA), Der.write(Der.NULL));
  }

  static byte[] ecAlgorithmId() {
    return Der.write(Der.SEQUENCE, Der.write(Der.OID, OID_EC), Der.write(Der.OID, OID_P256));
  }

  static byte[] ed25519AlgorithmId() {
    return Der.write(Der.SEQUENCE, Der.write(Der.OID, OID_ED25519));
  }

  /** SubjectPublicKeyInfo from an algorithm identifier and the key bits. */
  static byte[] spki(byte[] algorithmId, byte[] keyBits) {
    byte[] bitString = new byte[keyBits.length + 1];
    System.arraycopy(keyBits, 0, bitString, 1, keyBits.length);
    return Der.write(Der.SEQUENCE, algorithmId, Der.write(Der.BIT_STRING, bitString));
  }

  /** PKCS#8 PrivateKeyInfo (version 0) from an algorithm identifier and the inner private key bytes. */
  static byte[] pkcs8(byte[] algorithmId, byte[] privateKey) {
    return Der.write(Der.SEQUENCE, Der.integer(BigInteger.ZERO), algorithmId, Der.write(Der.OCTET_STRING, privateKey));
  }

  /** PKCS#1 RSAPublicKey. */
  static byte[] pkcs1Public(BigInteger modulus, BigInteger exponent) {
    return Der.write(Der.SEQUENCE, Der.integer(modulus), Der.integer(exponent));
  }

  /** The key bits of an SPKI's BIT STRING, without the unused-bits byte. */
  static byte[] spkiKeyBits(Der.Element spki) {
    List<Der.Element> parts = spki.children();
    if (parts.size() != 2 || parts.get(1).tag() != Der.BIT_STRING || parts.get(1).content().length < 1) {
      throw new IllegalArgumentException("bad SubjectPublicKeyInfo");
    }
    byte[] bits = parts.get(1).content();
    return Arrays.copyOfRange(bits, 1, bits.length);
  }

  /** Unsigned big-endian bytes of exactly {@code length} bytes (for JWK and raw EC coordinates). */
  static byte[] fixedLength(BigInteger value, int length) {
    byte[] raw = value.toByteArray();
    if (raw.length == length) {
      return raw;
    }
    byte[] out = new byte[length];
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  /** Unsigned big-endian bytes without a sign byte. */
  static byte[] unsigned(BigInteger value) {
    byte[] raw = value.toByteArray();
    return raw.length > 1 && raw[0] == 0 ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec("secp256r1"));
      return params.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new TinkBug("the JDK lacks P-256", e);
    }
  }

  private static byte[] hex(String h) {
    byte[] out = new byte[h.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }
}
