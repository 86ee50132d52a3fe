package dev.fedgate.gateway.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.Verified;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpRemoteFetcherTest {
  private final OutboundFixture fixture = new OutboundFixture();
  private final LoopbackPeer peer = LoopbackPeer.start(fixture.vertx,
      fixture.publicKey(LocalUrls.INSTANCE_ACTOR_NAME), fixture.clock);

  @AfterEach
  void close() {
    peer.close();
    fixture.close();
  }

  private HttpRemoteFetcher fetcher(OutboundHttp http) {
    return new HttpRemoteFetcher(fixture.vertx, http, fixture.signer, Duration.ofSeconds(5), 64 * 1024);
  }

  private HttpRemoteFetcher loopbackFetcher() {
    return fetcher(fixture.http(true));
  }

  private void serveDocument(String path, String id) {
    peer.on(path, (r, response) -> response.putHeader("Content-Type", "application/activity+json")
        .end("{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + id + "\",\"type\":\"Person\"}"));
  }

  private static FetchedDocument await(Future<FetchedDocument> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static FetchFailure failureOf(Future<FetchedDocument> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(FetchException.class);
      return ((FetchException) e.getCause()).failure();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("the fetch succeeded");
  }

  @Test
  void fetch_returnsDocument_signedAsInstanceActorWithActivityPubAccept() {
    URI actor = peer.url("/users/bob");
    serveDocument("/users/bob", actor.toString());

    FetchedDocument document = await(loopbackFetcher().fetch(actor, FetchBudget.perRequest()));

    assertThat(document.url()).isEqualTo(actor);
    assertThat(new String(document.body(), StandardCharsets.UTF_8)).contains("\"type\":\"Person\"");
    LoopbackPeer.Received got = peer.next();
    assertThat(got.request().method()).isEqualTo("GET");
    assertThat(got.request().headers().first("Accept")).hasValue(HttpRemoteFetcher.ACCEPT);
    assertThat(got.verification()).isInstanceOfSatisfying(Verified.class, v -> {
      assertThat(v.scheme()).isEqualTo(SignatureScheme.CAVAGE_12);
      assertThat(v.keyId()).isEqualTo(OutboundFixture.BASE + "/accounts/peertube#main-key");
      assertThat(v.coveredComponents()).containsExactly("(request-target)", "host", "date");
    });
  }

  @Test
  void fetch_followsSameOriginRedirect_andReportsWhereTheDocumentLives() {
    URI canonical = peer.url("/users/bob");
    serveDocument("/users/bob", canonical.toString());
    peer.on("/@bob", (r, response) -> response.setStatusCode(301).putHeader("Location", "/users/bob").end());

    FetchedDocument document = await(loopbackFetcher().fetch(peer.url("/@bob"), FetchBudget.perRequest()));

    assertThat(document.url()).isEqualTo(canonical);
  }

  @Test
  void fetch_refusesRedirectToAnotherHost() {
    serveDocument("/users/bob", "http://localhost:" + peer.port() + "/users/bob");
    peer.on("/hop", (r, response) -> response.setStatusCode(302)
        .putHeader("Location", "http://localhost:" + peer.port() + "/users/bob").end());

    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/hop"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.ID_MISMATCH);
  }

  @Test
  void fetch_refusesEndlessRedirects() {
    peer.on("/loop", (r, response) -> response.setStatusCode(302).putHeader("Location", "/loop").end());

    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/loop"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.TOO_MANY_REDIRECTS);
  }

  @Test
  void fetch_refusesDocumentWhoseIdIsAnotherUrl() {
    serveDocument("/users/bob", "http://127.0.0.1:" + peer.port() + "/users/mallory");

    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/users/bob"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.ID_MISMATCH);
  }

  @Test
  void fetch_refusesDocumentWithTwoTopLevelIds() {
    URI actor = peer.url("/users/bob");
    peer.on("/users/bob", (r, response) -> response.putHeader("Content-Type", "application/activity+json")
        .end("{\"id\":\"" + actor + "\",\"type\":\"Person\",\"id\":\"" + peer.url("/users/mallory") + "\"}"));

    assertThat(failureOf(loopbackFetcher().fetch(actor, FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.ID_MISMATCH);
  }

  @Test
  void fetch_ofKeyId_fetchesItsActorWithoutTheFragment() {
    URI actor = peer.url("/users/bob");
    serveDocument("/users/bob", actor.toString());

    FetchedDocument document = await(loopbackFetcher().fetch(URI.create(actor + "#main-key"),
        FetchBudget.perRequest()));

    assertThat(document.url()).isEqualTo(actor);
    assertThat(peer.next().request().pathAndQuery()).isEqualTo("/users/bob");
  }

  @Test
  void fetch_stopsReadingOversizeBody() {
    peer.on("/big", (r, response) -> {
      response.setChunked(true).putHeader("Content-Type", "application/activity+json");
      byte[] chunk = new byte[32 * 1024];
      for (int i = 0; i < 4; i++) {
        response.write(Buffer.buffer(chunk));
      }
      response.end();
    });

    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/big"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.TOO_LARGE);
  }

  @Test
  void fetch_refusesNonActivityPubContentType() {
    peer.on("/page", (r, response) -> response.putHeader("Content-Type", "text/html")
        .end("{\"id\":\"" + peer.url("/page") + "\"}"));

    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/page"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.BAD_CONTENT_TYPE);
  }

  @Test
  void fetch_mapsStatusesToFailures() {
    peer.answer("/gone", 410);
    peer.answer("/missing", 404);
    peer.answer("/secure", 401);
    peer.answer("/down", 503);

    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/gone"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.GONE);
    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/missing"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.NOT_FOUND);
    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/secure"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.REFUSED);
    assertThat(failureOf(loopbackFetcher().fetch(peer.url("/down"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.NETWORK);
  }

  @Test
  void fetch_timesOutOnSilentRemote() {
    peer.on("/silent", (r, response) -> { });
    HttpRemoteFetcher fetcher = new HttpRemoteFetcher(fixture.vertx, fixture.http(true), fixture.signer,
        Duration.ofMillis(300), 64 * 1024);

    assertThat(failureOf(fetcher.fetch(peer.url("/silent"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.TIMEOUT);
  }

  @Test
  void fetch_consumesBudget_andRefusesWhenSpent() {
    URI actor = peer.url("/users/bob");
    serveDocument("/users/bob", actor.toString());
    FetchBudget budget = FetchBudget.of(1);

    await(loopbackFetcher().fetch(actor, budget));

    assertThat(failureOf(loopbackFetcher().fetch(actor, budget))).isEqualTo(FetchFailure.BUDGET_EXHAUSTED);
  }

  @Test
  void fetch_refusesLoopbackAddress_whenPrivateAddressesAreNotAllowed() {
    serveDocument("/users/bob", "https://127.0.0.1:" + peer.port() + "/users/bob");
    HttpRemoteFetcher fetcher = fetcher(fixture.http(false));

    assertThat(failureOf(fetcher.fetch(URI.create("https://127.0.0.1:" + peer.port() + "/users/bob"),
        FetchBudget.perRequest()))).isEqualTo(FetchFailure.FORBIDDEN_ADDRESS);
    assertThat(peer.pending()).isZero();
  }

  @Test
  void fetch_refusesHostnameResolvingToLoopback() {
    AddressGuard guard = AddressGuard.create(host -> Future.succeededFuture(
        List.of(InetAddress.getLoopbackAddress())), false);
    HttpRemoteFetcher fetcher = fetcher(fixture.http(guard));

    assertThat(failureOf(fetcher.fetch(URI.create("https://rebound.example:" + peer.port() + "/users/bob"),
        FetchBudget.perRequest()))).isEqualTo(FetchFailure.FORBIDDEN_ADDRESS);
    assertThat(peer.pending()).isZero();
  }

  @Test
  void fetch_refusesPlainHttp_whenPrivateAddressesAreNotAllowed() {
    HttpRemoteFetcher fetcher = fetcher(fixture.http(false));

    assertThat(failureOf(fetcher.fetch(peer.url("/users/bob"), FetchBudget.perRequest())))
        .isEqualTo(FetchFailure.BAD_URL);
  }

  @Test
  void fetch_connectsToTheCheckedAddress_withTheNameAsHost() {
    URI actor = URI.create("http://fediverse.test:" + peer.port() + "/users/bob");
    serveDocument("/users/bob", actor.toString());
    AddressGuard guard = AddressGuard.create(host -> Future.succeededFuture(
        List.of(InetAddress.getLoopbackAddress())), true);

    FetchedDocument document = await(fetcher(fixture.http(guard)).fetch(actor, FetchBudget.perRequest()));

    assertThat(document.url()).isEqualTo(actor);
    LoopbackPeer.Received got = peer.next();
    assertThat(got.request().headers().first("Host")).hasValue("fediverse.test:" + peer.port());
    assertThat(got.verification()).isInstanceOf(Verified.class);
  }
}
