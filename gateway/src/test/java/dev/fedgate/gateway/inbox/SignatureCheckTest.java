package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.keys.PublicKeyResolver;
import dev.fedgate.gateway.keys.RemoteActorLoader;
import dev.fedgate.gateway.keys.ResolvedKey;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.testdata.SharedData;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The signature step on Mastodon's own signed-request vectors (../shared/fixtures/mastodon/signature-vectors,
 * "now" 2023-12-20T10:00:00Z as its specs travel to): the key is fetched by key id from a served actor document.
 */
class SignatureCheckTest {
  private static final String DIR = "mastodon/signature-vectors/";
  private static final URI BOB = URI.create("https://remote.domain/users/bob");
  private static final InstantSource NOW = InstantSource.fixed(Instant.parse("2023-12-20T10:00:00Z"));

  private final ExecutorService cpu = Executors.newSingleThreadExecutor();
  private final MapFetcher fetcher = new MapFetcher();
  private StorageBackend storage;
  private SignatureCheck check;

  @BeforeEach
  void setUp() throws IOException {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:sig-" + UUID.randomUUID()).build()));
    String pem = text("remote-domain-bob-rsa-public.pem").replace("\n", "\\n");
    fetcher.serve(BOB, """
        {"@context":["https://www.w3.org/ns/activitystreams","https://w3id.org/security/v1"],"id":"%1$s",
         "type":"Person","inbox":"%1$s/inbox","publicKey":{"id":"%1$s#main-key","owner":"%1$s","publicKeyPem":"%2$s"}}
        """.formatted(BOB, pem));
    VocabReader reader = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);
    RemoteActorLoader actors = new RemoteActorLoader(storage.remoteActors(), fetcher, reader, NOW);
    PublicKeyResolver keys = new PublicKeyResolver(storage.remoteActors(), actors, () -> 0L);
    check = new SignatureCheck(keys, VerificationPolicy.MASTODON_COMPATIBLE, DomainBlocks.NONE, NOW, cpu);
  }

  @AfterEach
  void tearDown() {
    await(storage.close());
    cpu.shutdown();
  }

  private static String text(String file) throws IOException {
    return Files.readString(SharedData.fixture(DIR + file), StandardCharsets.UTF_8);
  }

  /** A raw request file (CRLF lines, blank line, body) as the inbox sees it. */
  private static InboxRequest request(String file) throws IOException {
    String raw = text(file);
    int split = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, split).split("\r\n");
    HttpHeaders.Builder headers = HttpHeaders.builder();
    String host = "";
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.add(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
      host = lines[i].regionMatches(true, 0, "Host:", 0, 5) ? lines[i].substring(colon + 1).strip() : host;
    }
    URI target = URI.create("https://" + host + lines[0].split(" ")[1]);
    return new InboxRequest(target, headers.build(), raw.substring(split + 4).getBytes(StandardCharsets.UTF_8),
        Optional.empty());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "cavage-post.http, VERIFIED",
      "rfc9421-post.http, VERIFIED",
      "cavage-post-digest-not-signed.http, SIGNATURE_INVALID",
  })
  void mastodonVector_givesMastodonsOutcome(String file, String outcome) throws IOException {
    Future<ResolvedKey> result = check.verify(request(file), FetchBudget.perRequest());
    InboxHarness.join(result.otherwiseEmpty());

    if (outcome.equals("VERIFIED")) {
      assertThat(result.result().owner()).isEqualTo(BOB);
      assertThat(fetcher.fetched()).containsExactly(BOB);
    } else {
      assertThat(result.cause()).isInstanceOfSatisfying(RefusalException.class,
          refusal -> assertThat(refusal.refused().refusal()).isEqualTo(InboxRefusal.valueOf(outcome)));
    }
  }
}
