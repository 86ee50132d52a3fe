package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.PublicKeyVerify;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.keys.PublicKeyResolver;
import dev.fedgate.gateway.keys.ResolvedKey;
import dev.fedgate.signatures.keys.KeyType;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import dev.fedgate.signatures.proof.DocumentProofs;
import dev.fedgate.signatures.proof.ParsedProof;
import dev.fedgate.signatures.proof.ProofParse;
import dev.fedgate.signatures.proof.ProofResult;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.activity.ObjectActivity;
import dev.fedgate.vocab.activity.Update;
import dev.fedgate.vocab.json.VocabReader;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Forwarded activities (HTTP signer differs from the activity's {@code actor}, e.g. a reply forwarded to a thread's
 * followers): accepted only with a document proof by the actor (FEP-8b32 or RsaSignature2017), or, for a Create or
 * Update of a Note, after fetching the note from its origin and finding it attributed to the actor; the fetched copy
 * then replaces the embedded one, so nothing unverified is stored.
 */
final class ForwardCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final PublicKeyResolver keys;
  private final RemoteFetcher fetcher;
  private final VocabReader reader;
  private final InstantSource clock;
  private final Executor cpu;

  ForwardCheck(PublicKeyResolver keys, RemoteFetcher fetcher, VocabReader reader, InstantSource clock, Executor cpu) {
    this.keys = keys;
    this.fetcher = fetcher;
    this.reader = reader;
    this.clock = clock;
    this.cpu = cpu;
  }

  /** The activity document to store (the body's, or with the object refetched), or a refusal. */
  Future<ObjectNode> verify(byte[] body, ObjectNode tree, ApObject activity, URI actor, FetchBudget budget) {
    ProofParse proof = DocumentProofs.parse(body);
    if (proof instanceof ParsedProof parsed) {
      return keys.resolve(parsed.keyId(), budget)
          .recover(failure -> Future.failedFuture(SignatureCheck.keyFailure(failure)))
          .compose(key -> {
            if (!key.owner().equals(actor)) {
              return Future.failedFuture(refused("the document proof is not by the activity's actor"));
            }
            return Future.fromCompletionStage(CompletableFuture.supplyAsync(
                () -> parsed.verify(verifier(key), clock.instant()), cpu));
          })
          .compose(result -> result instanceof ProofResult.Verified ? Future.succeededFuture(tree)
              : Future.failedFuture(refused("the document proof does not verify")));
    }
    if (activity instanceof Create || activity instanceof Update) {
      return refetchNote(tree, actor, ((ObjectActivity) activity).object().id(), budget);
    }
    return Future.failedFuture(refused("a forwarded activity needs a document proof by its actor"));
  }

  private Future<ObjectNode> refetchNote(ObjectNode tree, URI actor, URI objectId, FetchBudget budget) {
    return fetcher.fetch(objectId, budget)
        .recover(failure -> Future.failedFuture(refused("the forwarded object cannot be fetched from its origin")))
        .compose(document -> {
          try {
            JsonNode fetched = JSON.readTree(document.body());
            ApObject object = reader.read(fetched);
            if (!(object instanceof Note note) || !note.id().equals(objectId) || note.attributedTo().isEmpty()
                || !note.attributedTo().get(0).id().equals(actor)) {
              return Future.failedFuture(refused("the origin's copy is not a note by the activity's actor"));
            }
            ObjectNode verified = tree.deepCopy();
            verified.set("object", fetched);
            return Future.succeededFuture(verified);
          } catch (IOException | VocabException e) {
            return Future.failedFuture(refused("the origin's copy cannot be read"));
          }
        });
  }

  /** Tink's verifier over our key material, for the algorithm the key's type implies. */
  private static PublicKeyVerify verifier(ResolvedKey key) {
    SignatureAlgorithm algorithm = key.key().type() == KeyType.ED25519
        ? SignatureAlgorithm.ED25519 : SignatureAlgorithm.RSA_V1_5_SHA256;
    return (signature, data) -> {
      if (key.key().type() != algorithm.keyType() || !key.key().verify(algorithm, data, signature)) {
        throw new GeneralSecurityException("signature does not verify");
      }
    };
  }

  private static RefusalException refused(String detail) {
    return new RefusalException(InboxRefusal.FORWARD_UNVERIFIED, detail);
  }
}
