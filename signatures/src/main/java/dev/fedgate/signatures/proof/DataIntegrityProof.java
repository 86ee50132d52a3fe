package dev.fedgate.signatures.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeyVerify;
import dev.fedgate.signatures.proof.ProofResult.Rejected;
import dev.fedgate.signatures.proof.internal.Base58Btc;
import dev.fedgate.signatures.proof.internal.EddsaJcs2022;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A FEP-8b32 Object Integrity Proof ({@code DataIntegrityProof}, cryptosuite {@code eddsa-jcs-2022}) read from a
 * document, with the bytes it signs already computed.
 *
 * <p>The proof signs the JSON itself (RFC 8785 canonical form), not an RDF graph, so no JSON-LD restructuring can keep
 * it valid. One stricter rule than the W3C algorithm: when the proof carries an {@code @context} it must equal the
 * document's (the W3C text accepts a document context that merely starts with it, leaving the rest unsigned).
 */
final class DataIntegrityProof extends SignedProof {
  private final Optional<Instant> expires;
  private final byte[] hashData;

  private DataIntegrityProof(URI keyId, Optional<Instant> created, Optional<Instant> expires, byte[] hashData,
      byte[] signature) {
    super(ProofSuite.EDDSA_JCS_2022, keyId, created, signature);
    this.expires = expires;
    this.hashData = hashData;
  }

  /** Reads the {@code proof} of {@code document} (a single proof, or the first eddsa-jcs-2022 one of a set). */
  static ProofParse parse(ObjectNode document) {
    JsonNode proof = chooseProof(document.get("proof"));
    if (proof == null) {
      return reject(ProofRejectReason.UNSUPPORTED_SUITE, "no DataIntegrityProof with cryptosuite eddsa-jcs-2022");
    }
    if (!ProofFields.is(proof, "type", EddsaJcs2022.PROOF_TYPE)
        || !ProofFields.is(proof, "proofPurpose", EddsaJcs2022.PROOF_PURPOSE)) {
      return reject(ProofRejectReason.UNSUPPORTED_SUITE, "proof type must be DataIntegrityProof for assertionMethod");
    }
    Optional<URI> keyId = ProofFields.absoluteUri(proof, "verificationMethod");
    if (keyId.isEmpty()) {
      return reject(ProofRejectReason.MALFORMED, "verificationMethod is not an absolute URI");
    }
    if (!ProofFields.instantOrAbsent(proof, "created") || !ProofFields.instantOrAbsent(proof, "expires")) {
      return reject(ProofRejectReason.MALFORMED, "created or expires is not a date-time with a zone");
    }
    JsonNode proofValue = proof.get("proofValue");
    Optional<byte[]> signature = proofValue != null && proofValue.isTextual()
        ? Base58Btc.decodeMultibase(proofValue.textValue()) : Optional.empty();
    if (signature.isEmpty() || signature.get().length != EddsaJcs2022.SIGNATURE_LENGTH) {
      return reject(ProofRejectReason.MALFORMED, "proofValue is not a base58btc Ed25519 signature");
    }
    JsonNode proofContext = proof.get("@context");
    if (proofContext != null && !proofContext.equals(document.get("@context"))) {
      return reject(ProofRejectReason.MALFORMED, "the proof's @context differs from the document's");
    }
    ObjectNode proofConfig = ((ObjectNode) proof).deepCopy();
    proofConfig.remove("proofValue");
    ObjectNode unsigned = document.deepCopy();
    unsigned.remove("proof");
    try {
      return new DataIntegrityProof(keyId.get(), ProofFields.instant(proof, "created"),
          ProofFields.instant(proof, "expires"), EddsaJcs2022.hashData(proofConfig, unsigned), signature.get());
    } catch (IllegalArgumentException e) {
      return reject(ProofRejectReason.MALFORMED, "not canonicalizable (RFC 8785): " + e.getMessage());
    }
  }

  private static JsonNode chooseProof(JsonNode proof) {
    if (proof != null && proof.isArray()) {
      for (JsonNode candidate : proof) {
        if (ProofFields.is(candidate, "cryptosuite", EddsaJcs2022.CRYPTOSUITE)) {
          return candidate;
        }
      }
      return null;
    }
    return proof != null && ProofFields.is(proof, "cryptosuite", EddsaJcs2022.CRYPTOSUITE) ? proof : null;
  }

  @Override
  public ProofResult verify(PublicKeyVerify key, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(now, "now");
    if (!signs(key, hashData)) {
      return reject(ProofRejectReason.BAD_SIGNATURE, "eddsa-jcs-2022 signature does not verify with " + keyId());
    }
    ProofResult result = verifiedAt(now);
    if (result instanceof ProofResult.Verified && expires.isPresent() && now.isAfter(expires.get())) {
      return reject(ProofRejectReason.EXPIRED, "proof expired at " + expires.get());
    }
    return result;
  }

  private static Rejected reject(ProofRejectReason reason, String detail) {
    return new Rejected(reason, detail);
  }
}
