package dev.fedgate.signatures.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/** JSON Web Key (RFC 7517/7518/8037) reading and writing for RSA, EC P-256 and OKP Ed25519. */
final class Jwk {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_JWK_CHARS = 16 * 1024;
  private static final String[] RSA_PRIVATE = {"n", "e", "d", "p", "q", "dp", "dq", "qi"};

  private Jwk() {}

  static PublicKeyMaterial readPublic(String json) throws KeyFormatException {
    JsonNode jwk = parse(json);
    switch (text(jwk, "kty")) {
      case "RSA":
        return PublicKeyMaterial.fromRsa(integer(jwk, "n"), integer(jwk, "e"));
      case "EC":
        requireP256(jwk);
        return PublicKeyMaterial.fromEcPoint(integer(jwk, "x"), integer(jwk, "y"));
      case "OKP":
        if (!"Ed25519".equals(jwk.path("crv").asText())) {
          throw new KeyFormatException("unsupported OKP curve");
        }
        return PublicKeyMaterial.fromEd25519(bytes(jwk, "x"));
      default:
        throw new KeyFormatException("unsupported kty");
    }
  }

  static PrivateKeyMaterial readPrivate(String json) throws KeyFormatException {
    JsonNode jwk = parse(json);
    switch (text(jwk, "kty")) {
      case "RSA":
        BigInteger[] values = new BigInteger[RSA_PRIVATE.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = integer(jwk, RSA_PRIVATE[i]);
        }
        return PrivateKeyMaterial.fromRsaComponents(values);
      case "EC":
        requireP256(jwk);
        return PrivateKeyMaterial.fromEc(integer(jwk, "d"), readPublic(json));
      case "OKP":
        PrivateKeyMaterial key = PrivateKeyMaterial.fromEd25519Seed(bytes(jwk, "d"));
        return KeyPair.of(key, readPublic(json)).privateKey();
      default:
        throw new KeyFormatException("unsupported kty");
    }
  }

  static String writePublic(PublicKeyMaterial key) {
    return publicNode(key).toString();
  }

  static String writePrivate(PrivateKeyMaterial key) {
    ObjectNode node = publicNode(key.publicKey());
    switch (key.type()) {
      case RSA:
        RSAPrivateCrtKey rsa = key.rsa();
        node.put("d", b64(rsa.getPrivateExponent()));
        node.put("p", b64(rsa.getPrimeP()));
        node.put("q", b64(rsa.getPrimeQ()));
        node.put("dp", b64(rsa.getPrimeExponentP()));
        node.put("dq", b64(rsa.getPrimeExponentQ()));
        node.put("qi", b64(rsa.getCrtCoefficient()));
        break;
      case EC_P256:
        node.put("d", b64(Asn1Keys.fixedLength(key.ec().getS(), 32)));
        break;
      default:
        node.put("d", b64(key.ed25519Seed()));
    }
    return node.toString();
  }

  private static ObjectNode publicNode(PublicKeyMaterial key) {
    ObjectNode node = JSON.createObjectNode();
    switch (key.type()) {
      case RSA:
        RSAPublicKey rsa = key.rsa();
        node.put("kty", "RSA").put("n", b64(rsa.getModulus())).put("e", b64(rsa.getPublicExponent()));
        break;
      case EC_P256:
        ECPublicKey ec = key.ec();
        node.put("kty", "EC").put("crv", "P-256")
            .put("x", b64(Asn1Keys.fixedLength(ec.getW().getAffineX(), 32)))
            .put("y", b64(Asn1Keys.fixedLength(ec.getW().getAffineY(), 32)));
        break;
      default:
        node.put("kty", "OKP").put("crv", "Ed25519").put("x", b64(key.ed25519()));
    }
    return node;
  }

  private static JsonNode parse(String json) throws KeyFormatException {
    if (json == null || json.length() > MAX_JWK_CHARS) {
      throw new KeyFormatException("not a JWK");
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new KeyFormatException("JWK must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new KeyFormatException("JWK is not JSON", e);
    }
  }

  private static void requireP256(JsonNode jwk) throws KeyFormatException {
    if (!"P-256".equals(jwk.path("crv").asText())) {
      throw new KeyFormatException("unsupported EC curve");
    }
  }

  private static String text(JsonNode jwk, String member) throws KeyFormatException {
    JsonNode v = jwk.get(member);
    if (v == null || !v.isTextual()) {
      throw new KeyFormatException("JWK member " + member + " missing");
    }
    return v.asText();
  }

  private static byte[] bytes(JsonNode jwk, String member) throws KeyFormatException {
    try {
      return Base64.getUrlDecoder().decode(text(jwk, member));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("JWK member " + member + " is not base64url", e);
    }
  }

  private static BigInteger integer(JsonNode jwk, String member) throws KeyFormatException {
    return new BigInteger(1, bytes(jwk, member));
  }

  private static String b64(BigInteger value) {
    return b64(Asn1Keys.unsigned(value));
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
