package dev.fedgate.signatures.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeySign;
import dev.fedgate.signatures.proof.ProofResult.Rejected;
import dev.fedgate.signatures.proof.internal.Base58Btc;
import dev.fedgate.signatures.proof.internal.BoundedJson;
import dev.fedgate.signatures.proof.internal.EddsaJcs2022;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Document proofs: reading and verifying FEP-8b32 {@code eddsa-jcs-2022} proofs and Mastodon
 * {@code RsaSignature2017} signatures, and creating FEP-8b32 proofs.
 *
 * <pre>{@code
 * ProofParse parsed = DocumentProofs.parse(body);
 * if (parsed instanceof ProofResult.Rejected rejected) { ... refuse ... }
 * ParsedProof proof = (ParsedProof) parsed;
 * PublicKeyVerify key = keys.resolve(proof.keyId(), proof.suite());   // the caller's key lookup
 * ProofResult result = proof.verify(key, clock.instant());
 * }</pre>
 *
 * Input is bounded ({@link BoundedJson#MAX_DOCUMENT_BYTES}, {@link BoundedJson#MAX_NESTING_DEPTH}); no input makes
 * these methods throw, except the {@link NullPointerException} of a null argument.
 */
public final class DocumentProofs {
  /**
   * How far in the future a proof's {@code created} may be: one hour, Mastodon's clock-skew margin for HTTP
   * signatures. A proof has no lifetime of its own (forwarded activities are old by design), so nothing else ages it.
   */
  public static final Duration CLOCK_SKEW = Duration.ofHours(1);

  private DocumentProofs() {}

  /**
   * Reads the proof of a JSON document. A FEP-8b32 {@code proof} with cryptosuite {@code eddsa-jcs-2022} is preferred;
   * otherwise a {@code signature} of type {@code RsaSignature2017} is read (Fedify-based servers send both).
   */
  public static ProofParse parse(byte[] json) {
    Objects.requireNonNull(json, "json");
    Optional<ObjectNode> read = BoundedJson.readObject(json);
    if (read.isEmpty()) {
      return json.length > BoundedJson.MAX_DOCUMENT_BYTES
          ? new Rejected(ProofRejectReason.LIMIT_EXCEEDED, "document over " + BoundedJson.MAX_DOCUMENT_BYTES + " bytes")
          : new Rejected(ProofRejectReason.MALFORMED, "not a JSON object within the parser's bounds");
    }
    ObjectNode document = read.get();
    boolean hasProof = present(document.get("proof"));
    boolean hasSignature = present(document.get("signature"));
    if (hasProof) {
      ProofParse proof = DataIntegrityProof.parse(document);
      boolean tryLdSignature = hasSignature && proof instanceof Rejected rejected
          && rejected.reason() == ProofRejectReason.UNSUPPORTED_SUITE;
      if (!tryLdSignature) {
        return proof;
      }
    }
    if (hasSignature) {
      return RsaSignature2017.parse(document);
    }
    return new Rejected(ProofRejectReason.NO_PROOF, "no proof and no signature member");
  }

  /**
   * Adds a FEP-8b32 proof ({@code DataIntegrityProof}, {@code eddsa-jcs-2022}, purpose {@code assertionMethod}) to a
   * JSON object and returns the signed document. The proof copies the document's {@code @context}, as FEP-8b32 does.
   *
   * @param json the document, without a {@code proof}
   * @param ed25519 the signer of the Ed25519 key that {@code verificationMethod} names
   * @param verificationMethod the key's id (a FEP-521a Multikey id, e.g. {@code https://example/actor#ed25519-key})
   * @param created the proof's creation time; written to whole seconds
   * @throws IllegalArgumentException when {@code json} is not a JSON object within bounds, already has a proof, or
   *     holds what JCS refuses (a lone surrogate)
   * @throws GeneralSecurityException when the signer fails
   */
  public static byte[] sign(byte[] json, PublicKeySign ed25519, URI verificationMethod, Instant created)
      throws GeneralSecurityException {
    Objects.requireNonNull(ed25519, "ed25519");
    Objects.requireNonNull(verificationMethod, "verificationMethod");
    Objects.requireNonNull(created, "created");
    ObjectNode document = BoundedJson.readObject(Objects.requireNonNull(json, "json"))
        .orElseThrow(() -> new IllegalArgumentException("not a JSON object within bounds"));
    if (document.has("proof")) {
      throw new IllegalArgumentException("document already has a proof");
    }
    ObjectNode proof = BoundedJson.newObject();
    if (document.has("@context")) {
      proof.set("@context", document.get("@context").deepCopy());
    }
    proof.put("type", EddsaJcs2022.PROOF_TYPE);
    proof.put("cryptosuite", EddsaJcs2022.CRYPTOSUITE);
    proof.put("verificationMethod", verificationMethod.toString());
    proof.put("proofPurpose", EddsaJcs2022.PROOF_PURPOSE);
    proof.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
    byte[] signature = ed25519.sign(EddsaJcs2022.hashData(proof, document));
    proof.put("proofValue", Base58Btc.encodeMultibase(signature));
    document.set("proof", proof);
    return BoundedJson.write(document);
  }

  /** A refusal when {@code created} is later than {@code now} plus {@link #CLOCK_SKEW}. */
  static Optional<Rejected> timeProblem(Optional<Instant> created, Instant now) {
    if (created.isPresent() && created.get().isAfter(now.plus(CLOCK_SKEW))) {
      return Optional.of(new Rejected(ProofRejectReason.CREATED_IN_FUTURE, "proof created at " + created.get()));
    }
    return Optional.empty();
  }

  private static boolean present(JsonNode member) {
    return member != null && !member.isNull();
  }
}
