package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpVerifier;
import dev.fedgate.signatures.ParseResult;
import dev.fedgate.signatures.ParsedSignature;
import dev.fedgate.signatures.Rejected;
import dev.fedgate.signatures.SignatureParser;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.signatures.VerificationResult;
import java.time.InstantSource;

/** Checks the signature of a request that reached a simulated instance, with Mastodon's policy and a fetched key. */
final class RequestVerifier {
  private final KeyFetcher keys;
  private final InstantSource clock;

  RequestVerifier(KeyFetcher keys, InstantSource clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** Verified, or why not; blocks while the signer's key is fetched. */
  VerificationResult verify(HttpRequest request) {
    ParseResult parsed = SignatureParser.parse(request);
    if (parsed instanceof Rejected rejected) {
      return rejected;
    }
    ParsedSignature signature = (ParsedSignature) parsed;
    return keys.fetch(signature.keyId())
        .map(key -> HttpVerifier.create(key, VerificationPolicy.MASTODON_COMPATIBLE)
            .verify(request, signature, clock.instant()))
        .orElseGet(() -> Rejected.unknownKey(signature.keyId()));
  }
}
