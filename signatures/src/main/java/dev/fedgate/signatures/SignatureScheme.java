package dev.fedgate.signatures;

/** The two HTTP signature schemes of the fediverse. */
public enum SignatureScheme {
  /** draft-cavage-http-signatures-12: {@code Signature} (or {@code Authorization: Signature}); Mastodon, PeerTube. */
  CAVAGE_12,
  /** RFC 9421 HTTP Message Signatures: {@code Signature-Input} + {@code Signature}; Fedify, Mastodon 4.5+. */
  RFC_9421
}
