package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.FetchException;
import dev.fedgate.gateway.fetch.FetchFailure;
import dev.fedgate.gateway.fetch.WebFingerLookup;
import dev.fedgate.gateway.keys.PublicKeyResolver;
import dev.fedgate.gateway.keys.ResolvedKey;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpVerifier;
import dev.fedgate.signatures.ParseResult;
import dev.fedgate.signatures.ParsedSignature;
import dev.fedgate.signatures.RejectReason;
import dev.fedgate.signatures.Rejected;
import dev.fedgate.signatures.SignatureParser;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.Verified;
import io.vertx.core.Future;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The signature step: parse the HTTP signature (draft-cavage or RFC 9421), refuse a blocked key host before fetching,
 * resolve the key, verify on the CPU executor (RSA is too slow for an event loop), and on a bad signature with a
 * cached key refetch the key once (rotation) and verify again.
 */
final class SignatureCheck {
  private final PublicKeyResolver keys;
  private final VerificationPolicy policy;
  private final DomainBlocks blocks;
  private final InstantSource clock;
  private final Executor cpu;

  SignatureCheck(PublicKeyResolver keys, VerificationPolicy policy, DomainBlocks blocks, InstantSource clock,
      Executor cpu) {
    this.keys = keys;
    this.policy = policy;
    this.blocks = blocks;
    this.clock = clock;
    this.cpu = cpu;
  }

  /**
   * The verified signing key, or a failure: {@link RefusalException}, or {@link GoneSigner} when the key's actor is
   * gone.
   */
  Future<ResolvedKey> verify(InboxRequest request, FetchBudget budget) {
    return verify(HttpRequest.of("POST", request.target(), request.headers(), request.body()), budget);
  }

  /** The same check for any request: an inbox POST, or a GET under authorized fetch. */
  Future<ResolvedKey> verify(HttpRequest http, FetchBudget budget) {
    ParseResult parsed = SignatureParser.parse(http);
    if (parsed instanceof Rejected rejected) {
      return Future.failedFuture(new RefusalException(InboxRefusal.SIGNATURE_MISSING, rejected.detail()));
    }
    ParsedSignature signature = (ParsedSignature) parsed;
    URI keyId;
    try {
      keyId = new URI(signature.keyId());
    } catch (URISyntaxException e) {
      return Future.failedFuture(new RefusalException(InboxRefusal.KEY_UNKNOWN, "keyId is not a URL"));
    }
    Optional<URI> keyHome = home(keyId);
    if (keyHome.isEmpty()) {
      return Future.failedFuture(new RefusalException(InboxRefusal.KEY_UNKNOWN,
          "keyId must be an http(s) URL or acct:user@host"));
    }
    if (blocks.blocks(keyHome.get())) {
      return Future.failedFuture(new RefusalException(InboxRefusal.DOMAIN_BLOCKED, "the signer's domain is blocked"));
    }
    return keys.resolve(keyId, budget)
        .recover(failure -> Future.failedFuture(keyFailure(failure)))
        .compose(key -> check(http, signature, key).compose(result -> {
          if (result instanceof Rejected rejected && rejected.reason() == RejectReason.BAD_SIGNATURE && !key.fresh()) {
            return keys.refresh(keyId, budget)
                .recover(failure -> Future.failedFuture(keyFailure(failure)))
                .compose(refreshed -> check(http, signature, refreshed).compose(again -> outcome(again, refreshed)));
          }
          return outcome(result, key);
        }));
  }

  /** Where the key lives: an http(s) key id itself, or the WebFinger URL of an {@code acct:user@host} key id. */
  private static Optional<URI> home(URI keyId) {
    String scheme = String.valueOf(keyId.getScheme()).toLowerCase(Locale.ROOT);
    if (scheme.equals("acct")) {
      return WebFingerLookup.url(keyId.getSchemeSpecificPart());
    }
    return (scheme.equals("https") || scheme.equals("http")) && keyId.getHost() != null
        ? Optional.of(keyId) : Optional.empty();
  }

  private Future<VerificationResult> check(HttpRequest http, ParsedSignature signature, ResolvedKey key) {
    return Future.fromCompletionStage(CompletableFuture.supplyAsync(
        () -> HttpVerifier.create(key.key(), policy).verify(http, signature, clock.instant()), cpu));
  }

  private static Future<ResolvedKey> outcome(VerificationResult result, ResolvedKey key) {
    if (result instanceof Verified) {
      return Future.succeededFuture(key);
    }
    Rejected rejected = (Rejected) result;
    return Future.failedFuture(new RefusalException(InboxRefusal.SIGNATURE_INVALID,
        rejected.reason().name().toLowerCase(Locale.ROOT) + ": " + rejected.detail()));
  }

  /** Network trouble is retryable (503); a deleted actor is dropped (202); anything else is an unknown key (401). */
  static Throwable keyFailure(Throwable failure) {
    if (failure instanceof FetchException fetch) {
      if (fetch.failure().retryable()) {
        return new RefusalException(InboxRefusal.KEY_UNAVAILABLE, "the signing key cannot be fetched now");
      }
      if (fetch.failure() == FetchFailure.GONE) {
        return new GoneSigner();
      }
      return new RefusalException(InboxRefusal.KEY_UNKNOWN, "the signing key cannot be found: "
          + fetch.failure().name().toLowerCase(Locale.ROOT));
    }
    return failure instanceof RefusalException ? failure
        : new RefusalException(InboxRefusal.STORAGE_UNAVAILABLE, "the key cache is not answering");
  }

  /** The signing key's actor answered 410 and we hold no key of it. */
  static final class GoneSigner extends RuntimeException {
    private static final long serialVersionUID = 1L;

    GoneSigner() {
      super("the signer is gone", null, false, false);
    }
  }
}
