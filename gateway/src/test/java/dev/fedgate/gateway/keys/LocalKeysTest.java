package dev.fedgate.gateway.keys;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.ActorKey;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpVerifier;
import dev.fedgate.signatures.ParseResult;
import dev.fedgate.signatures.ParsedSignature;
import dev.fedgate.signatures.SignatureParser;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.SignedRequest;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.Verified;
import dev.fedgate.signatures.keys.KeyType;
import dev.fedgate.signatures.keys.KeyWrapper;
import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalKeysTest {
  private final ExecutorService cpu = Executors.newFixedThreadPool(2);
  private StorageBackend storage;

  @BeforeEach
  void open() {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:keys-" + UUID.randomUUID()).build()));
    await(storage.localActors().upsertAccount(new Account("alice", "Alice", "", URI.create("https://site.example/a"),
        Optional.empty(), Optional.empty())));
  }

  @AfterEach
  void close() {
    await(storage.close());
    cpu.shutdown();
  }

  private static String randomKek() {
    byte[] kek = new byte[32];
    new SecureRandom().nextBytes(kek);
    return Base64.getEncoder().encodeToString(kek);
  }

  @Test
  void ensureKeys_createsRsa2048AndEd25519_once() {
    LocalKeys keys = new LocalKeys(storage.localActors(), Optional.empty(), cpu);
    await(keys.ensureKeys("alice"));
    List<ActorKey> first = await(storage.localActors().findKeys("alice"));
    assertThat(first).extracting(ActorKey::algorithm).containsExactlyInAnyOrder("RSA", "Ed25519");

    await(keys.ensureKeys("alice"));
    assertThat(await(storage.localActors().findKeys("alice"))).isEqualTo(first);

    LocalKeys.ActorPublicKeys published = await(keys.publicKeys("alice"));
    assertThat(published.rsa().type()).isEqualTo(KeyType.RSA);
    assertThat(published.rsa().sizeBits()).isEqualTo(2048);
    assertThat(published.ed25519()).hasValueSatisfying(k -> assertThat(k.type()).isEqualTo(KeyType.ED25519));
  }

  @Test
  void concurrentEnsureKeys_keepOneKeyPerAlgorithm() {
    LocalKeys keys = new LocalKeys(storage.localActors(), Optional.empty(), cpu);
    List<CompletionStage<Void>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(keys.ensureKeys("alice"));
    }
    calls.forEach(call -> await(call));
    assertThat(await(storage.localActors().findKeys("alice"))).hasSize(2);
  }

  @Test
  void signer_signsWithTheMainKey_andThePublishedKeyVerifies() {
    LocalKeys keys = new LocalKeys(storage.localActors(), Optional.empty(), cpu);
    await(keys.ensureKeys("alice"));
    URI actor = URI.create("https://video.example/accounts/alice");
    Instant now = Instant.parse("2026-11-25T10:00:00Z");
    HttpRequest request = HttpRequest.of("GET", URI.create("https://remote.example/users/bob"), HttpHeaders.empty());
    SignedRequest signed = await(keys.signer("alice", actor, SignatureScheme.CAVAGE_12)).sign(request, now);

    ParseResult parsed = SignatureParser.parse(signed.request());
    assertThat(parsed).isInstanceOf(ParsedSignature.class);
    VerificationResult result = HttpVerifier.create(await(keys.publicKeys("alice")).rsa(),
        VerificationPolicy.MASTODON_COMPATIBLE).verify(signed.request(), (ParsedSignature) parsed, now);
    assertThat(result).isInstanceOfSatisfying(Verified.class,
        v -> assertThat(v.keyId()).isEqualTo(actor + "#main-key"));
  }

  @Test
  void withKeyEncryptionKey_privateKeysAreSealed_andOpenOnlyWithThatKey() throws Exception {
    LocalKeys sealed = new LocalKeys(storage.localActors(), Optional.of(KeyWrapper.fromBase64(randomKek())), cpu);
    await(sealed.ensureKeys("alice"));
    for (ActorKey key : await(storage.localActors().findKeys("alice"))) {
      assertThatThrownBy(() -> PrivateKeyMaterial.fromPkcs8(key.privateKey()))
          .as("stored private bytes are not plain PKCS#8").isInstanceOf(Exception.class);
    }
    assertThat(await(sealed.signer("alice", URI.create("https://v.example/accounts/alice"), SignatureScheme.CAVAGE_12)))
        .isNotNull();

    LocalKeys wrongKek = new LocalKeys(storage.localActors(), Optional.of(KeyWrapper.fromBase64(randomKek())), cpu);
    assertThatThrownBy(() -> await(wrongKek.signer("alice", URI.create("https://v.example/accounts/alice"),
        SignatureScheme.CAVAGE_12))).hasMessageContaining("wrong key-encryption key");
  }

  @Test
  void ensureKeys_forUnknownActor_fails() {
    LocalKeys keys = new LocalKeys(storage.localActors(), Optional.empty(), cpu);
    assertThatThrownBy(() -> await(keys.ensureKeys("nobody"))).hasMessageContaining("no local actor named nobody");
  }
}
