package dev.fedgate.gateway.http;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.Gateway;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.inbox.MapFetcher;
import dev.fedgate.gateway.inbox.RemotePeer;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.SignedRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authorized-fetch mode: documents need a valid signature from a fetchable actor; discovery stays open. */
class AuthorizedFetchTest {
  private final HttpClient client = TestGateway.httpClient();
  private final MapFetcher fetcher = new MapFetcher();
  private final RemotePeer peer = new RemotePeer("mastodon.example", "bob");
  private Gateway gateway;

  @BeforeEach
  void start(@TempDir Path dir) {
    fetcher.serve(peer.id(), peer.actorJson());
    GatewayConfig config = GatewayConfig.builder().port(0).dataDirectory(dir).authorizedFetch(true).build();
    gateway = await(Gateway.start(config, InstantSource.system(), fetcher));
    await(gateway.storage().localActors().upsertAccount(new Account("alice", "Alice", "",
        URI.create("https://site.example/@alice"), Optional.empty(), Optional.empty())));
    await(gateway.keys().ensureKeys("alice"));
  }

  @AfterEach
  void stop() {
    await(gateway.stop());
  }

  private HttpResponse<String> get(String path, Optional<RemotePeer> signer) {
    URI target = gateway.listenUrl().resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(target).header("Accept", "application/activity+json");
    signer.ifPresent(peer -> {
      SignedRequest signed = peer.signGet(target, Instant.now());
      for (HttpHeaders.Field field : signed.addedHeaders().fields()) {
        if (!field.name().equalsIgnoreCase("Host")) {
          request.header(field.name(), field.value());
        }
      }
    });
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void unsignedFetch_is401Problem() {
    HttpResponse<String> response = get("/accounts/alice", Optional.empty());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(get("/accounts/alice/outbox", Optional.empty()).statusCode()).isEqualTo(401);
  }

  @Test
  void signedFetch_byAFetchableActor_isServed() {
    HttpResponse<String> response = get("/accounts/alice", Optional.of(peer));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"preferredUsername\":\"alice\"");
    assertThat(fetcher.fetched()).contains(peer.id());
  }

  @Test
  void signatureFromAnUnknownKey_is401() {
    RemotePeer stranger = new RemotePeer("elsewhere.example", "eve");
    assertThat(get("/accounts/alice", Optional.of(stranger)).statusCode()).isEqualTo(401);
  }

  @Test
  void discoveryAndTheInstanceActor_stayOpen() {
    assertThat(get("/accounts/peertube", Optional.empty()).statusCode()).isEqualTo(200);
    assertThat(get("/.well-known/nodeinfo", Optional.empty()).statusCode()).isEqualTo(200);
    assertThat(get("/.well-known/webfinger?resource=acct:alice@localhost:" + gateway.port(), Optional.empty())
        .statusCode()).isEqualTo(200);
  }
}
