package dev.fedgate.signatures.keys;

import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.subtle.EcdsaVerifyJce;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.google.crypto.tink.subtle.EllipticCurves;
import com.google.crypto.tink.subtle.Enums;
import com.google.crypto.tink.subtle.RsaSsaPkcs1VerifyJce;
import com.google.crypto.tink.subtle.RsaSsaPssVerifyJce;
import dev.fedgate.signatures.internal.Der;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A public key (RSA, P-256 or Ed25519): import from SPKI/PKCS#1 PEM, JWK or Multikey, export to each, verify on Tink.
 *
 * <p>RSA keys from 1024 bits are importable so that a verifier can refuse a legacy key with its own reason
 * ({@code KEY_TOO_WEAK}); Tink verifies only from 2048 bits.
 */
public final class PublicKeyMaterial implements VerifyingKey {
  /** Smallest RSA modulus we read at all; below it the bytes are not a fediverse key. */
  public static final int MIN_IMPORT_RSA_BITS = 1024;
  /** Largest RSA modulus we read (bounds the cost of a hostile key). */
  public static final int MAX_RSA_BITS = 8192;

  private final KeyType type;
  private final byte[] spki;
  private final RSAPublicKey rsa;
  private final ECPublicKey ec;
  private final byte[] ed25519;
  private final Map<SignatureAlgorithm, PublicKeyVerify> verifiers = new EnumMap<>(SignatureAlgorithm.class);

  private PublicKeyMaterial(KeyType type, byte[] spki, RSAPublicKey rsa, ECPublicKey ec, byte[] ed25519) {
    this.type = type;
    this.spki = spki;
    this.rsa = rsa;
    this.ec = ec;
    this.ed25519 = ed25519;
  }

  /** Reads {@code BEGIN PUBLIC KEY} (SPKI, as in actors' {@code publicKeyPem}) or {@code BEGIN RSA PUBLIC KEY} (PKCS#1). */
  public static PublicKeyMaterial fromPem(String pem) throws KeyFormatException {
    Pem.Block block = Pem.decode(pem);
    if (block.label().equals("PUBLIC KEY")) {
      return fromSpki(block.der());
    }
    if (block.label().equals("RSA PUBLIC KEY")) {
      return fromPkcs1(block.der());
    }
    throw new KeyFormatException("unsupported PEM label " + block.label());
  }

  /** Reads a DER SubjectPublicKeyInfo. */
  public static PublicKeyMaterial fromSpki(byte[] der) throws KeyFormatException {
    try {
      Der.Element spki = Der.readSingle(der);
      List<Der.Element> parts = spki.children();
      if (parts.size() != 2) {
        throw new KeyFormatException("bad SubjectPublicKeyInfo");
      }
      byte[] oid = Asn1Keys.algorithmOid(parts.get(0));
      byte[] bits = Asn1Keys.spkiKeyBits(spki);
      if (Arrays.equals(oid, Asn1Keys.OID_RSA) || Arrays.equals(oid, Asn1Keys.OID_RSA_PSS)) {
        return fromPkcs1(bits);
      }
      if (Arrays.equals(oid, Asn1Keys.OID_ED25519)) {
        return fromEd25519(bits);
      }
      if (Arrays.equals(oid, Asn1Keys.OID_EC) && Asn1Keys.isP256(parts.get(0))) {
        ECPoint point = EllipticCurves.pointDecode(EllipticCurves.CurveType.NIST_P256,
            EllipticCurves.PointFormatType.UNCOMPRESSED, bits);
        return fromEcPoint(point.getAffineX(), point.getAffineY());
      }
      throw new KeyFormatException("unsupported public key algorithm");
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new KeyFormatException("malformed public key", e);
    }
  }

  /** Reads a DER PKCS#1 RSAPublicKey. */
  public static PublicKeyMaterial fromPkcs1(byte[] der) throws KeyFormatException {
    try {
      List<Der.Element> parts = Der.readSingle(der).children();
      if (parts.size() != 2) {
        throw new KeyFormatException("bad RSAPublicKey");
      }
      return fromRsa(parts.get(0).integer(), parts.get(1).integer());
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("malformed RSA public key", e);
    }
  }

  /** An RSA key from modulus and public exponent. */
  public static PublicKeyMaterial fromRsa(BigInteger modulus, BigInteger exponent) throws KeyFormatException {
    int bits = modulus.bitLength();
    if (modulus.signum() <= 0 || bits < MIN_IMPORT_RSA_BITS || bits > MAX_RSA_BITS) {
      throw new KeyFormatException("RSA modulus of " + bits + " bits is outside " + MIN_IMPORT_RSA_BITS + ".." + MAX_RSA_BITS);
    }
    if (!exponent.testBit(0) || exponent.compareTo(BigInteger.valueOf(3)) < 0 || exponent.bitLength() > 64) {
      throw new KeyFormatException("bad RSA public exponent");
    }
    try {
      RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
      byte[] spki = Asn1Keys.spki(Asn1Keys.rsaAlgorithmId(), Asn1Keys.pkcs1Public(modulus, exponent));
      return new PublicKeyMaterial(KeyType.RSA, spki, key, null, null);
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("unusable RSA key", e);
    }
  }

  /** A P-256 key from its affine coordinates; the point must lie on the curve. */
  public static PublicKeyMaterial fromEcPoint(BigInteger x, BigInteger y) throws KeyFormatException {
    if (x.signum() < 0 || y.signum() < 0 || x.bitLength() > 256 || y.bitLength() > 256) {
      throw new KeyFormatException("invalid P-256 point");
    }
    byte[] encoded = new byte[65];
    encoded[0] = 0x04;
    System.arraycopy(Asn1Keys.fixedLength(x, 32), 0, encoded, 1, 32);
    System.arraycopy(Asn1Keys.fixedLength(y, 32), 0, encoded, 33, 32);
    try {
      // getEcPublicKey decodes the point and checks that it lies on the curve.
      ECPublicKey key = EllipticCurves.getEcPublicKey(EllipticCurves.CurveType.NIST_P256,
          EllipticCurves.PointFormatType.UNCOMPRESSED, encoded);
      return new PublicKeyMaterial(KeyType.EC_P256, Asn1Keys.spki(Asn1Keys.ecAlgorithmId(), encoded), null, key, null);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new KeyFormatException("invalid P-256 point", e);
    }
  }

  /** An Ed25519 key from its 32 raw bytes. */
  public static PublicKeyMaterial fromEd25519(byte[] raw) throws KeyFormatException {
    if (raw == null || raw.length != Ed25519Verify.PUBLIC_KEY_LEN) {
      throw new KeyFormatException("Ed25519 public key must be 32 bytes");
    }
    byte[] copy = raw.clone();
    return new PublicKeyMaterial(KeyType.ED25519, Asn1Keys.spki(Asn1Keys.ed25519AlgorithmId(), copy), null, null, copy);
  }

  /** Reads a public JWK (RSA, EC P-256 or OKP Ed25519); private members, if any, are ignored. */
  public static PublicKeyMaterial fromJwk(String json) throws KeyFormatException {
    return Jwk.readPublic(json);
  }

  /** Reads a FEP-521a {@code publicKeyMultibase} value (Ed25519 or RSA). */
  public static PublicKeyMaterial fromMultikey(String multibase) throws KeyFormatException {
    return Multikey.decodePublic(multibase);
  }

  @Override
  public KeyType type() {
    return type;
  }

  @Override
  public int sizeBits() {
    return type == KeyType.RSA ? rsa.getModulus().bitLength() : 256;
  }

  /** DER SubjectPublicKeyInfo. */
  public byte[] toSpki() {
    return spki.clone();
  }

  /** SPKI PEM ({@code BEGIN PUBLIC KEY}), what an actor's {@code publicKeyPem} holds. */
  public String toPem() {
    return Pem.encode("PUBLIC KEY", spki);
  }

  /** PKCS#1 PEM ({@code BEGIN RSA PUBLIC KEY}); RSA keys only. */
  public String toPkcs1Pem() {
    requireRsa();
    return Pem.encode("RSA PUBLIC KEY", pkcs1());
  }

  /** Public JWK as compact JSON. */
  public String toJwk() {
    return Jwk.writePublic(this);
  }

  /** FEP-521a {@code publicKeyMultibase}; Ed25519 and RSA keys only. */
  public String toMultikey() {
    return Multikey.encodePublic(this);
  }

  @Override
  public boolean verify(SignatureAlgorithm algorithm, byte[] data, byte[] signature) {
    TinkBug.requireType(type, algorithm);
    PublicKeyVerify verifier = verifier(algorithm);
    if (verifier == null) {
      return false;
    }
    try {
      verifier.verify(signature, data);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  RSAPublicKey rsa() {
    return rsa;
  }

  ECPublicKey ec() {
    return ec;
  }

  byte[] ed25519() {
    return ed25519.clone();
  }

  byte[] pkcs1() {
    return Asn1Keys.pkcs1Public(rsa.getModulus(), rsa.getPublicExponent());
  }

  private void requireRsa() {
    if (type != KeyType.RSA) {
      throw new IllegalStateException("not an RSA key");
    }
  }

  /** The Tink primitive for the algorithm, built once; null when Tink refuses the key (e.g. RSA under 2048 bits). */
  private PublicKeyVerify verifier(SignatureAlgorithm algorithm) {
    synchronized (verifiers) {
      if (!verifiers.containsKey(algorithm)) {
        verifiers.put(algorithm, buildVerifier(algorithm));
      }
      return verifiers.get(algorithm);
    }
  }

  private PublicKeyVerify buildVerifier(SignatureAlgorithm algorithm) {
    try {
      switch (algorithm) {
        case RSA_V1_5_SHA256:
          return new RsaSsaPkcs1VerifyJce(rsa, Enums.HashType.SHA256);
        case RSA_PSS_SHA512:
          return new RsaSsaPssVerifyJce(rsa, Enums.HashType.SHA512, Enums.HashType.SHA512, 64);
        case ECDSA_P256_SHA256:
          return new EcdsaVerifyJce(ec, Enums.HashType.SHA256, EllipticCurves.EcdsaEncoding.IEEE_P1363);
        case ED25519:
          return new Ed25519Verify(ed25519);
        default:
          throw new IllegalArgumentException("not a public-key algorithm: " + algorithm);
      }
    } catch (GeneralSecurityException e) {
      return null;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKeyMaterial other && Arrays.equals(spki, other.spki);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(spki);
  }

  @Override
  public String toString() {
    return "PublicKeyMaterial[" + type + ", " + sizeBits() + " bits]";
  }
}
