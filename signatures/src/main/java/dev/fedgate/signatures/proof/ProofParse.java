package dev.fedgate.signatures.proof;

/**
 * What reading a document's proof gives: a {@link ParsedProof} whose key id the caller resolves before verifying,
 * or a {@link ProofResult.Rejected} when the document can already be refused.
 */
public sealed interface ProofParse permits ParsedProof, ProofResult.Rejected {}
