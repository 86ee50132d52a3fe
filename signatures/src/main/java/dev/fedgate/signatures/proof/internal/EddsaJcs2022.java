package dev.fedgate.signatures.proof.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The hashing of the {@code eddsa-jcs-2022} cryptosuite (W3C Data Integrity EdDSA Cryptosuites, FEP-8b32). */
public final class EddsaJcs2022 {
  /** The cryptosuite name. */
  public static final String CRYPTOSUITE = "eddsa-jcs-2022";
  /** The proof type that carries it. */
  public static final String PROOF_TYPE = "DataIntegrityProof";
  /** The only proof purpose FEP-8b32 uses. */
  public static final String PROOF_PURPOSE = "assertionMethod";
  /** Length of an Ed25519 signature. */
  public static final int SIGNATURE_LENGTH = 64;

  private EddsaJcs2022() {}

  /**
   * The 64 bytes that are signed: SHA-256 of the canonical proof configuration (the proof without
   * {@code proofValue}), then SHA-256 of the canonical document without {@code proof}. The proof hash comes first.
   *
   * @throws IllegalArgumentException when either holds what JCS refuses (a lone surrogate)
   */
  public static byte[] hashData(ObjectNode proofConfig, ObjectNode unsignedDocument) {
    byte[] proofHash = Sha256.digest(Jcs.canonicalize(proofConfig));
    byte[] documentHash = Sha256.digest(Jcs.canonicalize(unsignedDocument));
    byte[] out = new byte[proofHash.length + documentHash.length];
    System.arraycopy(proofHash, 0, out, 0, proofHash.length);
    System.arraycopy(documentHash, 0, out, proofHash.length, documentHash.length);
    return out;
  }
}
