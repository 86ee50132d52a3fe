package dev.fedgate.signatures.keys;

import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.subtle.EcdsaSignJce;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.EllipticCurves;
import com.google.crypto.tink.subtle.Enums;
import com.google.crypto.tink.subtle.RsaSsaPkcs1SignJce;
import com.google.crypto.tink.subtle.RsaSsaPssSignJce;
import dev.fedgate.signatures.internal.Der;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A private key (RSA at least 2048 bits, P-256 or Ed25519) that signs on Tink. {@link #toString()} is redacted and
 * the key bytes leave only through exports that take {@link KeyExport#UNSAFE}.
 */
public final class PrivateKeyMaterial implements SigningKey {
  /** Smallest RSA key we sign with: Tink's floor, and the fediverse default. */
  public static final int MIN_RSA_BITS = 2048;

  private final KeyType type;
  private final PublicKeyMaterial publicKey;
  private final RSAPrivateCrtKey rsa;
  private final ECPrivateKey ec;
  private final byte[] ed25519Seed;
  private final Map<SignatureAlgorithm, PublicKeySign> signers = new EnumMap<>(SignatureAlgorithm.class);

  private PrivateKeyMaterial(KeyType type, PublicKeyMaterial publicKey, RSAPrivateCrtKey rsa, ECPrivateKey ec, byte[] seed) {
    this.type = type;
    this.publicKey = publicKey;
    this.rsa = rsa;
    this.ec = ec;
    this.ed25519Seed = seed;
  }

  /** Generates an RSA key of {@code bits} (at least 2048) with exponent 65537. */
  public static PrivateKeyMaterial generateRsa(int bits) {
    if (bits < MIN_RSA_BITS || bits > PublicKeyMaterial.MAX_RSA_BITS) {
      throw new IllegalArgumentException("RSA size must be " + MIN_RSA_BITS + ".." + PublicKeyMaterial.MAX_RSA_BITS);
    }
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(new RSAKeyGenParameterSpec(bits, RSAKeyGenParameterSpec.F4));
      return fromRsa((RSAPrivateCrtKey) gen.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException | KeyFormatException e) {
      throw new TinkBug("RSA generation failed", e);
    }
  }

  /** Generates an Ed25519 key. */
  public static PrivateKeyMaterial generateEd25519() {
    try {
      return fromEd25519Seed(Ed25519Sign.KeyPair.newKeyPair().getPrivateKey());
    } catch (GeneralSecurityException | KeyFormatException e) {
      throw new TinkBug("Ed25519 generation failed", e);
    }
  }

  /** Generates a P-256 key. */
  public static PrivateKeyMaterial generateEcP256() {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(Asn1Keys.P256);
      java.security.KeyPair pair = gen.generateKeyPair();
      ECPublicKey pub = (ECPublicKey) pair.getPublic();
      return fromEc(((ECPrivateKey) pair.getPrivate()).getS(),
          PublicKeyMaterial.fromEcPoint(pub.getW().getAffineX(), pub.getW().getAffineY()));
    } catch (GeneralSecurityException | KeyFormatException e) {
      throw new TinkBug("P-256 generation failed", e);
    }
  }

  /** Reads {@code BEGIN PRIVATE KEY} (PKCS#8), {@code BEGIN RSA PRIVATE KEY} (PKCS#1) or {@code BEGIN EC PRIVATE KEY} (SEC1). */
  public static PrivateKeyMaterial fromPem(String pem) throws KeyFormatException {
    Pem.Block block = Pem.decode(pem);
    switch (block.label()) {
      case "PRIVATE KEY":
        return fromPkcs8(block.der());
      case "RSA PRIVATE KEY":
        return fromPkcs1(block.der());
      case "EC PRIVATE KEY":
        return fromSec1(block.der());
      default:
        throw new KeyFormatException("unsupported PEM label " + block.label());
    }
  }

  /** Reads DER PKCS#8 PrivateKeyInfo (RSA, RSASSA-PSS-tagged RSA, P-256, Ed25519). */
  public static PrivateKeyMaterial fromPkcs8(byte[] der) throws KeyFormatException {
    try {
      List<Der.Element> parts = Der.readSingle(der).children();
      if (parts.size() < 3 || parts.get(2).tag() != Der.OCTET_STRING) {
        throw new KeyFormatException("bad PrivateKeyInfo");
      }
      byte[] oid = Asn1Keys.algorithmOid(parts.get(1));
      byte[] inner = parts.get(2).content();
      if (Arrays.equals(oid, Asn1Keys.OID_RSA) || Arrays.equals(oid, Asn1Keys.OID_RSA_PSS)) {
        return fromPkcs1(inner);
      }
      if (Arrays.equals(oid, Asn1Keys.OID_EC) && Asn1Keys.isP256(parts.get(1))) {
        return fromSec1(inner);
      }
      if (Arrays.equals(oid, Asn1Keys.OID_ED25519)) {
        Der.Element seed = Der.readSingle(inner);
        if (seed.tag() != Der.OCTET_STRING) {
          throw new KeyFormatException("bad Ed25519 private key");
        }
        return fromEd25519Seed(seed.content());
      }
      throw new KeyFormatException("unsupported private key algorithm");
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("malformed private key", e);
    }
  }

  /** Reads a private JWK (RSA with CRT members, EC P-256 with x/y/d, OKP Ed25519 with x/d). */
  public static PrivateKeyMaterial fromJwk(String json) throws KeyFormatException {
    return Jwk.readPrivate(json);
  }

  /** An Ed25519 key from its 32-byte seed. */
  public static PrivateKeyMaterial fromEd25519Seed(byte[] seed) throws KeyFormatException {
    if (seed == null || seed.length != Ed25519Sign.SECRET_KEY_LEN) {
      throw new KeyFormatException("Ed25519 seed must be 32 bytes");
    }
    try {
      byte[] pub = Ed25519Sign.KeyPair.newKeyPairFromSeed(seed).getPublicKey();
      return new PrivateKeyMaterial(KeyType.ED25519, PublicKeyMaterial.fromEd25519(pub), null, null, seed.clone());
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("bad Ed25519 seed", e);
    }
  }

  static PrivateKeyMaterial fromRsa(RSAPrivateCrtKey key) throws KeyFormatException {
    if (key.getModulus().bitLength() < MIN_RSA_BITS) {
      throw new KeyFormatException("RSA private key under " + MIN_RSA_BITS + " bits");
    }
    PublicKeyMaterial pub = PublicKeyMaterial.fromRsa(key.getModulus(), key.getPublicExponent());
    return new PrivateKeyMaterial(KeyType.RSA, pub, key, null, null);
  }

  static PrivateKeyMaterial fromRsaComponents(BigInteger[] nedpqDpDqQi) throws KeyFormatException {
    BigInteger[] v = nedpqDpDqQi;
    try {
      RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(spec);
      // A CRT key whose primes do not multiply to the modulus would sign garbage: check the pair now.
      if (!v[3].multiply(v[4]).equals(v[0])) {
        throw new KeyFormatException("RSA primes do not match the modulus");
      }
      return fromRsa(key);
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("unusable RSA private key", e);
    }
  }

  static PrivateKeyMaterial fromEc(BigInteger s, PublicKeyMaterial pub) throws KeyFormatException {
    try {
      ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, Asn1Keys.P256));
      PrivateKeyMaterial candidate = new PrivateKeyMaterial(KeyType.EC_P256, pub, null, key, null);
      KeyPair.checkConsistent(candidate, pub);
      return candidate;
    } catch (GeneralSecurityException e) {
      throw new KeyFormatException("unusable P-256 private key", e);
    }
  }

  private static PrivateKeyMaterial fromPkcs1(byte[] der) throws KeyFormatException {
    List<Der.Element> parts = Der.readSingle(der).children();
    if (parts.size() < 9) {
      throw new KeyFormatException("bad RSAPrivateKey");
    }
    BigInteger[] v = new BigInteger[8];
    for (int i = 0; i < 8; i++) {
      v[i] = parts.get(i + 1).integer();
    }
    return fromRsaComponents(v);
  }

  private static PrivateKeyMaterial fromSec1(byte[] der) throws KeyFormatException {
    List<Der.Element> parts = Der.readSingle(der).children();
    if (parts.size() < 2 || parts.get(1).tag() != Der.OCTET_STRING) {
      throw new KeyFormatException("bad ECPrivateKey");
    }
    BigInteger s = new BigInteger(1, parts.get(1).content());
    for (Der.Element part : parts) {
      if (part.tag() == 0xa1) {
        Der.Element bits = Der.readSingle(part.content());
        byte[] point = Arrays.copyOfRange(bits.content(), 1, bits.content().length);
        byte[] spki = Asn1Keys.spki(Asn1Keys.ecAlgorithmId(), point);
        return fromEc(s, PublicKeyMaterial.fromSpki(spki));
      }
    }
    throw new KeyFormatException("EC private key without its public point");
  }

  @Override
  public KeyType type() {
    return type;
  }

  /** The matching public key. */
  public PublicKeyMaterial publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(SignatureAlgorithm algorithm, byte[] data) {
    TinkBug.requireType(type, algorithm);
    try {
      return signer(algorithm).sign(data);
    } catch (GeneralSecurityException e) {
      throw new TinkBug("signing with a checked key failed", e);
    }
  }

  /** DER PKCS#8 PrivateKeyInfo, for storage. */
  public byte[] toPkcs8(KeyExport token) {
    KeyExport.check(token);
    switch (type) {
      case RSA:
        return rsa.getEncoded();
      case EC_P256:
        return Asn1Keys.pkcs8(Asn1Keys.ecAlgorithmId(), sec1());
      default:
        return Asn1Keys.pkcs8(Asn1Keys.ed25519AlgorithmId(), Der.write(Der.OCTET_STRING, ed25519Seed));
    }
  }

  /** PKCS#8 PEM ({@code BEGIN PRIVATE KEY}), for storage or interop. */
  public String toPkcs8Pem(KeyExport token) {
    return Pem.encode("PRIVATE KEY", toPkcs8(token));
  }

  /** Private JWK as compact JSON. */
  public String toJwk(KeyExport token) {
    KeyExport.check(token);
    return Jwk.writePrivate(this);
  }

  RSAPrivateCrtKey rsa() {
    return rsa;
  }

  ECPrivateKey ec() {
    return ec;
  }

  byte[] ed25519Seed() {
    return ed25519Seed.clone();
  }

  private byte[] sec1() {
    byte[] point = Asn1Keys.spkiKeyBits(Der.readSingle(publicKey.toSpki()));
    byte[] bits = new byte[point.length + 1];
    System.arraycopy(point, 0, bits, 1, point.length);
    return Der.write(Der.SEQUENCE, Der.integer(BigInteger.ONE),
        Der.write(Der.OCTET_STRING, Asn1Keys.fixedLength(ec.getS(), 32)),
        Der.write(0xa1, Der.write(Der.BIT_STRING, bits)));
  }

  private PublicKeySign signer(SignatureAlgorithm algorithm) throws GeneralSecurityException {
    synchronized (signers) {
      PublicKeySign signer = signers.get(algorithm);
      if (signer == null) {
        signer = buildSigner(algorithm);
        signers.put(algorithm, signer);
      }
      return signer;
    }
  }

  private PublicKeySign buildSigner(SignatureAlgorithm algorithm) throws GeneralSecurityException {
    switch (algorithm) {
      case RSA_V1_5_SHA256:
        return new RsaSsaPkcs1SignJce(rsa, Enums.HashType.SHA256);
      case RSA_PSS_SHA512:
        return new RsaSsaPssSignJce(rsa, Enums.HashType.SHA512, Enums.HashType.SHA512, 64);
      case ECDSA_P256_SHA256:
        return new EcdsaSignJce(ec, Enums.HashType.SHA256, EllipticCurves.EcdsaEncoding.IEEE_P1363);
      case ED25519:
        return new Ed25519Sign(ed25519Seed);
      default:
        throw new IllegalArgumentException("not a public-key algorithm: " + algorithm);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PrivateKeyMaterial other && publicKey.equals(other.publicKey)
        && java.security.MessageDigest.isEqual(toPkcs8(KeyExport.UNSAFE), other.toPkcs8(KeyExport.UNSAFE));
  }

  @Override
  public int hashCode() {
    return publicKey.hashCode();
  }

  /** Redacted: names the type and public half only. */
  @Override
  public String toString() {
    return "PrivateKeyMaterial[" + type + ", " + publicKey.sizeBits() + " bits, <redacted>]";
  }
}
