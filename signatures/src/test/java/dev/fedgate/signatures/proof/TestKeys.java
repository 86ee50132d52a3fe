package dev.fedgate.signatures.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.signature.Ed25519PrivateKey;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.RsaSsaPkcs1Parameters;
import com.google.crypto.tink.signature.RsaSsaPkcs1PrivateKey;
import com.google.crypto.tink.signature.RsaSsaPkcs1PublicKey;
import com.google.crypto.tink.subtle.Ed25519Sign;
import com.google.crypto.tink.subtle.Ed25519Verify;
import com.google.crypto.tink.subtle.RsaSsaPkcs1SignJce;
import com.google.crypto.tink.subtle.RsaSsaPkcs1VerifyJce;
import com.google.crypto.tink.util.SecretBigInteger;
import com.google.crypto.tink.util.SecretBytes;
import dev.fedgate.testdata.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/** Tink primitives for the published test keys (the key layer hands these out in production). */
final class TestKeys {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestKeys() {}

  /** The Ed25519 signer of the FEP-8b32 / vc-di-eddsa test key. */
  static PublicKeySign fepSigner() throws GeneralSecurityException {
    JsonNode key = vector("fep-8b32-eddsa-jcs-2022.json").get("key");
    Ed25519PublicKey publicKey = ed25519Public(key.get("public_hex").asText());
    return Ed25519Sign.create(Ed25519PrivateKey.create(publicKey, SecretBytes.copyFrom(
        HexFormat.of().parseHex(key.get("seed_hex").asText()), InsecureSecretKeyAccess.get())));
  }

  /** The Ed25519 verifier of the FEP-8b32 / vc-di-eddsa test key. */
  static PublicKeyVerify fepVerifier() throws GeneralSecurityException {
    JsonNode key = vector("fep-8b32-eddsa-jcs-2022.json").get("key");
    return Ed25519Verify.create(ed25519Public(key.get("public_hex").asText()));
  }

  /** An Ed25519 verifier of another key (the FEP-521a sample key). */
  static PublicKeyVerify otherEd25519Verifier() throws GeneralSecurityException {
    JsonNode sample = vector("fep-8b32-eddsa-jcs-2022.json").get("fep_521a").get(0);
    return Ed25519Verify.create(ed25519Public(sample.get("input_ed25519_public_hex").asText()));
  }

  /** The RSA verifier of RFC 9421 {@code test-key-rsa} (the key of the RsaSignature2017 vector). */
  static PublicKeyVerify rsaVerifier() throws GeneralSecurityException {
    return RsaSsaPkcs1VerifyJce.create(rsaPublic(rsaJwk()));
  }

  /** The RSA signer of RFC 9421 {@code test-key-rsa}. */
  static PublicKeySign rsaSigner() throws GeneralSecurityException {
    JsonNode jwk = rsaJwk();
    RsaSsaPkcs1PrivateKey privateKey = RsaSsaPkcs1PrivateKey.builder()
        .setPublicKey(rsaPublic(jwk))
        .setPrimes(secret(jwk, "p"), secret(jwk, "q"))
        .setPrivateExponent(secret(jwk, "d"))
        .setPrimeExponents(secret(jwk, "dp"), secret(jwk, "dq"))
        .setCrtCoefficient(secret(jwk, "qi"))
        .build();
    return RsaSsaPkcs1SignJce.create(privateKey);
  }

  /** The RSA verifier of an SPKI PEM public key. */
  static PublicKeyVerify rsaVerifierFromPem(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    RSAPublicKey key = (RSAPublicKey) KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    return RsaSsaPkcs1VerifyJce.create(rsaPublic(key.getModulus()));
  }

  /** A parsed file of {@code ../shared/vectors}. */
  static JsonNode vector(String name) {
    try {
      return JSON.readTree(Files.readString(SharedData.vector(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Ed25519PublicKey ed25519Public(String hex) throws GeneralSecurityException {
    return Ed25519PublicKey.create(com.google.crypto.tink.util.Bytes.copyFrom(HexFormat.of().parseHex(hex)));
  }

  private static JsonNode rsaJwk() {
    return vector("rfc9421.json").get("keys").get("test-key-rsa").get("jwk");
  }

  private static RsaSsaPkcs1PublicKey rsaPublic(JsonNode jwk) throws GeneralSecurityException {
    return rsaPublic(unsigned(jwk, "n"));
  }

  private static RsaSsaPkcs1PublicKey rsaPublic(BigInteger modulus) throws GeneralSecurityException {
    RsaSsaPkcs1Parameters parameters = RsaSsaPkcs1Parameters.builder()
        .setModulusSizeBits(modulus.bitLength())
        .setPublicExponent(RsaSsaPkcs1Parameters.F4)
        .setHashType(RsaSsaPkcs1Parameters.HashType.SHA256)
        .setVariant(RsaSsaPkcs1Parameters.Variant.NO_PREFIX)
        .build();
    return RsaSsaPkcs1PublicKey.builder().setParameters(parameters).setModulus(modulus).build();
  }

  private static SecretBigInteger secret(JsonNode jwk, String member) {
    return SecretBigInteger.fromBigInteger(unsigned(jwk, member), InsecureSecretKeyAccess.get());
  }

  private static BigInteger unsigned(JsonNode jwk, String member) {
    return new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get(member).asText()));
  }
}
