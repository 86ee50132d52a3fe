package dev.fedgate.signatures.proof;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import dev.fedgate.signatures.proof.internal.CanonicalNQuads;
import dev.fedgate.signatures.proof.internal.LdSignatureInput;
import dev.fedgate.signatures.proof.internal.OfflineContexts;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs as Mastodon's {@code LinkedDataSignature#sign!} does (over the graph of the document's own context), and
 * checks as a naive verifier would: the tests use it to show that an attack keeps such a signature valid.
 */
final class LdTestSigner {
  private LdTestSigner() {}

  static ObjectNode sign(ObjectNode unsigned, String creator, String created, PublicKeySign key)
      throws GeneralSecurityException {
    byte[] signature = key.sign(LdSignatureInput.toBeSigned(optionsNQuads(creator, created), ownNQuads(unsigned)));
    ObjectNode signed = unsigned.deepCopy();
    signed.putObject("signature").put("type", "RsaSignature2017").put("creator", creator).put("created", created)
        .put("signatureValue", Base64.getEncoder().encodeToString(signature));
    return signed;
  }

  /** Whether a verifier that checks only the graph of the document's own context accepts {@code signed}. */
  static boolean naiveVerifierAccepts(ObjectNode signed, PublicKeyVerify key) {
    ObjectNode unsigned = signed.deepCopy();
    ObjectNode signature = (ObjectNode) unsigned.remove("signature");
    try {
      key.verify(Base64.getDecoder().decode(signature.get("signatureValue").asText()), LdSignatureInput.toBeSigned(
          optionsNQuads(signature.get("creator").asText(), signature.get("created").asText()), ownNQuads(unsigned)));
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String optionsNQuads(String creator, String created) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("@context", OfflineContexts.IDENTITY_V1);
    options.put("creator", creator);
    options.put("created", created);
    return CanonicalNQuads.of(options);
  }

  private static String ownNQuads(ObjectNode document) {
    return CanonicalNQuads.of(CanonicalNQuads.toJsonLd(document));
  }
}
