package dev.fedgate.signatures.proof;

import com.google.crypto.tink.PublicKeyVerify;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Optional;

/** What every proof format shares once read: its suite, key id, creation time and signature bytes. */
abstract sealed class SignedProof implements ParsedProof permits DataIntegrityProof, RsaSignature2017 {
  private final ProofSuite suite;
  private final URI keyId;
  private final Optional<Instant> created;
  private final byte[] signature;

  SignedProof(ProofSuite suite, URI keyId, Optional<Instant> created, byte[] signature) {
    this.suite = suite;
    this.keyId = keyId;
    this.created = created;
    this.signature = signature;
  }

  @Override
  public final ProofSuite suite() {
    return suite;
  }

  @Override
  public final URI keyId() {
    return keyId;
  }

  @Override
  public final Optional<Instant> created() {
    return created;
  }

  /** Whether the signature verifies over {@code data} with {@code key}. */
  final boolean signs(PublicKeyVerify key, byte[] data) {
    try {
      key.verify(signature, data);
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** For a proof whose signature verified: refused when its creation time is too far ahead, else verified. */
  final ProofResult verifiedAt(Instant now) {
    // The times are judged only once they are known to be signed.
    Optional<ProofResult.Rejected> time = DocumentProofs.timeProblem(created, now);
    return time.isPresent() ? time.get() : new ProofResult.Verified(keyId, suite, created);
  }
}
