package dev.fedgate.signatures.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeyVerify;
import dev.fedgate.signatures.proof.ProofResult.Rejected;
import dev.fedgate.signatures.proof.internal.CanonicalNQuads;
import dev.fedgate.signatures.proof.internal.LdReading;
import dev.fedgate.signatures.proof.internal.LdSignatureInput;
import dev.fedgate.signatures.proof.internal.OfflineContexts;
import dev.fedgate.signatures.proof.internal.Urdna2015;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Mastodon's Linked Data Signature ({@code "signature": {"type": "RsaSignature2017", …}}) read from a document.
 *
 * <p>Mastodon signs {@code hex(SHA-256(URDNA2015(options))) ‖ hex(SHA-256(URDNA2015(document without signature)))}
 * with RSASSA-PKCS1-v1_5/SHA-256, where the options are the {@code signature} object without {@code type},
 * {@code id} and {@code signatureValue}, under the identity v1 context. Because that signs an RDF graph, not the
 * JSON, a signature is accepted only when the JSON as Fedgate reads it is that graph: the rules are in
 * {@link LdReading}; structural ones are checked when parsing, so a restructured document is refused before its key
 * is fetched.
 */
final class RsaSignature2017 extends SignedProof {
  /** The signature type. */
  static final String TYPE = "RsaSignature2017";
  /**
   * The signature members that enter the signed options (Mastodon sends {@code creator} and {@code created};
   * {@code domain} and {@code nonce} are the other options of the LD signature drafts). Anything else is refused:
   * an option JSON-LD ignores would be unsigned.
   */
  private static final Set<String> OPTION_NAMES = Set.of("creator", "created", "domain", "nonce");
  /** Longest signature value accepted, in bytes (RSA-8192). */
  private static final int MAX_SIGNATURE_BYTES = 1024;

  private final Map<String, Object> options;
  private final LdReading reading;

  private RsaSignature2017(URI keyId, Optional<Instant> created, Map<String, Object> options, LdReading reading,
      byte[] signature) {
    super(ProofSuite.RSA_SIGNATURE_2017, keyId, created, signature);
    this.options = options;
    this.reading = reading;
  }

  /** Reads the {@code signature} of {@code document} and checks the document's shape. */
  static ProofParse parse(ObjectNode document) {
    JsonNode signatureNode = document.get("signature");
    if (!(signatureNode instanceof ObjectNode signature)) {
      return new Rejected(ProofRejectReason.MALFORMED, "signature is not an object");
    }
    if (!ProofFields.is(signature, "type", TYPE)) {
      return new Rejected(ProofRejectReason.UNSUPPORTED_SUITE, "signature type is not RsaSignature2017");
    }
    Optional<URI> creator = ProofFields.absoluteUri(signature, "creator");
    if (creator.isEmpty()) {
      return new Rejected(ProofRejectReason.MALFORMED, "creator is not an absolute URI");
    }
    if (!ProofFields.instantOrAbsent(signature, "created")) {
      return new Rejected(ProofRejectReason.MALFORMED, "created is not a date-time with a zone");
    }
    Optional<byte[]> value = signatureValue(signature.get("signatureValue"));
    if (value.isEmpty()) {
      return new Rejected(ProofRejectReason.MALFORMED, "signatureValue is not base64 of at most 1024 bytes");
    }
    Optional<Map<String, Object>> options = options(signature);
    if (options.isEmpty()) {
      return new Rejected(ProofRejectReason.MALFORMED, "signature has a member that is not a string or not one of "
          + "type, id, creator, created, domain, nonce, signatureValue");
    }
    ObjectNode unsigned = document.deepCopy();
    // A proof is another signature's envelope, not content, and may be added after this one (Fedify sends both);
    // no bundled context defines it, so a graph signed with it present leaves it out as well.
    unsigned.remove(List.of("signature", "proof"));
    LdReading reading = LdReading.of(unsigned);
    Optional<Rejected> problem = reading.problem();
    if (problem.isPresent()) {
      return problem.get();
    }
    return new RsaSignature2017(creator.get(), ProofFields.instant(signature, "created"), options.get(), reading,
        value.get());
  }

  /**
   * The signed options: the signature without {@code type}, {@code id}, {@code signatureValue} and {@code @context},
   * under the identity v1 context; empty when a member is not a string or not one of {@link #OPTION_NAMES}.
   */
  private static Optional<Map<String, Object>> options(ObjectNode signature) {
    JsonNode id = signature.get("id");
    if (id != null && !id.isTextual()) {
      return Optional.empty();
    }
    ObjectNode optionsNode = signature.deepCopy();
    // Mastodon replaces any @context of the signature by identity v1, as here.
    optionsNode.remove(List.of("type", "id", "signatureValue", "@context"));
    for (Map.Entry<String, JsonNode> option : optionsNode.properties()) {
      if (!OPTION_NAMES.contains(option.getKey()) || !option.getValue().isTextual()) {
        return Optional.empty();
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> options = (Map<String, Object>) CanonicalNQuads.toJsonLd(optionsNode);
    options.put("@context", OfflineContexts.IDENTITY_V1);
    return Optional.of(options);
  }

  private static Optional<byte[]> signatureValue(JsonNode node) {
    if (node == null || !node.isTextual() || node.textValue().length() > MAX_SIGNATURE_BYTES * 2) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Base64.getDecoder().decode(node.textValue());
      return bytes.length == 0 || bytes.length > MAX_SIGNATURE_BYTES ? Optional.empty() : Optional.of(bytes);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public ProofResult verify(PublicKeyVerify key, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(now, "now");
    String optionsNQuads;
    String readingNQuads;
    String ownNQuads;
    try {
      optionsNQuads = CanonicalNQuads.of(options);
      readingNQuads = reading.readingNQuads();
      ownNQuads = reading.ownNQuads();
    } catch (Urdna2015.LimitExceeded e) {
      return new Rejected(ProofRejectReason.LIMIT_EXCEEDED, e.getMessage());
    } catch (RuntimeException e) {
      // jsonld-java signals documents it cannot process with runtime exceptions; for untrusted input, a refusal.
      return new Rejected(ProofRejectReason.MALFORMED, "JSON-LD normalization failed: " + e.getMessage());
    }
    boolean readingSigned = signs(key, LdSignatureInput.toBeSigned(optionsNQuads, readingNQuads));
    if (readingSigned && ownNQuads.equals(readingNQuads)) {
      return verifiedAt(now);
    }
    if (readingSigned || signs(key, LdSignatureInput.toBeSigned(optionsNQuads, ownNQuads))) {
      return new Rejected(ProofRejectReason.RESTRUCTURED,
          "the document's own @context and the known terms give different graphs; only one was signed");
    }
    return new Rejected(ProofRejectReason.BAD_SIGNATURE, "RsaSignature2017 does not verify with " + keyId());
  }
}
