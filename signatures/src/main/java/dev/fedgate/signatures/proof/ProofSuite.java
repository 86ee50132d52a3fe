package dev.fedgate.signatures.proof;

/** The document proof formats we handle, and the key each needs. */
public enum ProofSuite {
  /**
   * FEP-8b32 Object Integrity Proof, {@code DataIntegrityProof} with cryptosuite {@code eddsa-jcs-2022}: created
   * and verified. The key is Ed25519 (a FEP-521a Multikey, {@code publicKeyMultibase} {@code z6Mk…}).
   */
  EDDSA_JCS_2022,
  /**
   * Mastodon's Linked Data Signature {@code RsaSignature2017}: verified only (it is deprecated, and we put no
   * {@code signature} in our documents). The key is the actor's RSA {@code publicKeyPem}, used as
   * RSASSA-PKCS1-v1_5 with SHA-256.
   */
  RSA_SIGNATURE_2017
}
