package dev.fedgate.gateway;

import static dev.fedgate.gateway.TestGateway.await;
import static dev.fedgate.gateway.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.UpsertResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayTest {
  @TempDir Path dataDirectory;
  private TestGateway test;

  @AfterEach
  void stop() {
    if (test != null) {
      test.close();
    }
  }

  @Test
  void startsOnFreePort_withDefaultPublicUrl() {
    test = TestGateway.start(dataDirectory);
    Gateway gateway = test.gateway();
    assertThat(gateway.port()).isPositive();
    assertThat(gateway.listenUrl()).isEqualTo(URI.create("http://127.0.0.1:" + gateway.port()));
    assertThat(gateway.publicUrl()).isEqualTo(URI.create("http://localhost:" + gateway.port()));
    assertThat(gateway.apiToken().file()).contains(dataDirectory.resolve("api-token"));
  }

  @Test
  void nodeInfoDiscovery_linksBothVersionsAndTheInstanceActor() {
    test = TestGateway.start(dataDirectory);
    URI base = test.gateway().publicUrl();
    HttpResponse<String> response = test.get("/.well-known/nodeinfo");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode links = json(response).get("links");
    assertThat(links).hasSize(3);
    assertThat(links.get(0).get("rel").asText()).isEqualTo("http://nodeinfo.diaspora.software/ns/schema/2.0");
    assertThat(links.get(0).get("href").asText()).isEqualTo(base + "/nodeinfo/2.0");
    assertThat(links.get(1).get("rel").asText()).isEqualTo("http://nodeinfo.diaspora.software/ns/schema/2.1");
    assertThat(links.get(1).get("href").asText()).isEqualTo(base + "/nodeinfo/2.1");
    assertThat(links.get(2).get("rel").asText()).isEqualTo("https://www.w3.org/ns/activitystreams#Application");
    assertThat(links.get(2).get("href").asText()).isEqualTo(base + "/accounts/peertube");
  }

  @Test
  void nodeInfo_bothVersions_valid() {
    test = TestGateway.start(dataDirectory);
    for (String version : new String[] {"2.0", "2.1"}) {
      HttpResponse<String> response = test.get("/nodeinfo/" + version);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type")).contains(
          "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/" + version + "#\"");
      JsonNode doc = json(response);
      assertThat(doc.get("version").asText()).isEqualTo(version);
      assertThat(doc.at("/software/name").asText()).isEqualTo("fedgate").matches("[a-z0-9-]+");
      assertThat(doc.at("/software/version").asText()).isEqualTo(GatewayVersion.get());
      assertThat(doc.get("protocols")).hasSize(1);
      assertThat(doc.at("/protocols/0").asText()).isEqualTo("activitypub");
      assertThat(doc.at("/services/inbound").isArray()).isTrue();
      assertThat(doc.at("/services/outbound").isArray()).isTrue();
      assertThat(doc.get("openRegistrations").asBoolean(true)).isFalse();
      assertThat(doc.at("/usage/users/total").asLong(-1)).isZero();
      assertThat(doc.at("/usage/localPosts").asLong(-1)).isZero();
      assertThat(doc.get("metadata").isObject()).isTrue();
    }
  }

  @Test
  void health_upWhileStoreAnswers_downWhenItDoesNot() {
    test = TestGateway.start(dataDirectory);
    HttpResponse<String> up = test.get("/health");
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(json(up).at("/storage/status").asText()).isEqualTo("up");

    await(test.gateway().storage().close());
    HttpResponse<String> down = test.get("/health");
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(json(down).at("/storage/status").asText()).isEqualTo("down");
  }

  @Test
  void metrics_showQueueDepths_andInboxRefusalsByReason() {
    test = TestGateway.start(dataDirectory);
    HttpResponse<String> refused = test.send(test.request("/inbox").header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(refused.statusCode()).isEqualTo(415);

    HttpResponse<String> metrics = test.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain; version=0.0.4");
    assertThat(metrics.body())
        .contains("fedgate_queue_jobs{queue=\"delivery\",state=\"waiting\"} 0\n")
        .contains("fedgate_queue_jobs{queue=\"inbox\",state=\"dead\"} 0\n")
        .contains("fedgate_queue_oldest_due_seconds{queue=\"webhook\"} 0.0\n")
        .contains("fedgate_inbox_requests_total{outcome=\"refused\",reason=\"unsupported-media-type\"} 1\n");
  }

  @Test
  void metrics_collectChoosesTheInMemorySeriesOrTheStoreGauges_andRefusesAnUnknownCollector() {
    test = TestGateway.start(dataDirectory);

    String process = test.get("/metrics?collect[]=process").body();
    assertThat(process).contains("fedgate_cache_requests_total{cache=\"remote-keys\",result=\"hit\"} ")
        .doesNotContain("fedgate_queue_jobs").doesNotContain("fedgate_remote_hosts");
    String store = test.get("/metrics?collect[]=store").body();
    assertThat(store).contains("fedgate_queue_jobs{queue=\"inbox\",state=\"waiting\"} 0\n")
        .contains("fedgate_remote_hosts{state=\"failing\"} 0\n").doesNotContain("fedgate_cache_requests_total");
    assertThat(test.get("/metrics?collect[]=store&collect[]=process").body())
        .contains("fedgate_queue_jobs").contains("fedgate_cache_requests_total");

    HttpResponse<String> unknown = test.get("/metrics?collect[]=everything");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(json(unknown).get("detail").asText()).contains("collect[] must be one of [process, store]");
  }

  @Test
  void metrics_showEveryCacheHostStatesAndInboxLatency_andTheyMove() {
    test = TestGateway.start(dataDirectory);
    String before = test.get("/metrics").body();
    for (String cache : List.of("remote-documents", "remote-hosts", "local-actor-ids", "local-signing-keys",
        "rendered-documents", "remote-keys", "remote-actors", "inbox-videos", "host-addresses")) {
      assertThat(before).contains("fedgate_cache_requests_total{cache=\"" + cache + "\",result=\"hit\"} ")
          .contains("fedgate_cache_requests_total{cache=\"" + cache + "\",result=\"miss\"} ")
          .contains("fedgate_cache_evictions_total{cache=\"" + cache + "\"} ");
    }
    assertThat(before).contains("fedgate_remote_hosts{state=\"failing\"} 0\n")
        .contains("fedgate_inbox_processing_seconds_count 0\n")
        .contains("fedgate_cache_requests_total{cache=\"rendered-documents\",result=\"hit\"} 0\n");

    test.get("/accounts/peertube", "Accept", "application/activity+json");
    test.get("/accounts/peertube", "Accept", "application/activity+json");
    await(test.gateway().storage().remoteHosts().recordFailure("down.example", Instant.now(), 7));

    assertThat(test.get("/metrics").body())
        .contains("fedgate_cache_requests_total{cache=\"rendered-documents\",result=\"hit\"} 1\n")
        .contains("fedgate_cache_requests_total{cache=\"rendered-documents\",result=\"miss\"} 1\n")
        .contains("fedgate_remote_hosts{state=\"failing\"} 1\n");
  }

  @Test
  void unknownPath_isProblemJson404() {
    test = TestGateway.start(dataDirectory);
    HttpResponse<String> response = test.get("/no/such/thing");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(404);
    assertThat(problem.get("reason").asText()).isEqualTo("not-found");
    assertThat(problem.get("instance").asText()).isEqualTo("/no/such/thing");
  }

  @Test
  void wrongMethod_isProblemJson405() {
    test = TestGateway.start(dataDirectory);
    HttpResponse<String> response = test.send(test.request("/health").DELETE().build());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(json(response).get("reason").asText()).isEqualTo("method-not-allowed");
  }

  @Test
  void stop_closesTheListener() {
    test = TestGateway.start(dataDirectory);
    URI health = test.listenUrl().resolve("/health");
    test.close();
    HttpClient fresh = TestGateway.httpClient();
    assertThatThrownBy(() -> fresh.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  /**
   * A request already being received when the stop begins still gets its answer; the stop waits for it. The client
   * asks for {@code 100 Continue}, so it knows the server is inside the request before the stop starts.
   */
  @Test
  void stop_letsAnInFlightRequestFinish() throws Exception {
    // A grace far beyond the request's work (it generates RSA keys, slow on a loaded machine): this test is about
    // waiting for the request, not about the bound.
    test = TestGateway.start(GatewayConfig.builder().port(0).dataDirectory(dataDirectory)
        .shutdownGrace(java.time.Duration.ofSeconds(60)).build());
    Gateway gateway = test.gateway();
    byte[] body = "{\"displayName\":\"Alice\",\"url\":\"https://site.example/@alice\"}"
        .getBytes(StandardCharsets.UTF_8);
    String head = "PUT /api/v1/accounts/alice HTTP/1.1\r\nHost: localhost\r\n"
        + "Authorization: Bearer " + gateway.apiToken().reveal() + "\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
    try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readHead(in)).startsWith("HTTP/1.1 100");

      CompletionStage<Void> stopping = gateway.stop();
      test = null;
      out.write(body);
      out.flush();
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 201");
      await(stopping);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    return head.toString();
  }

  @Test
  void restart_keepsStoredData_andTheToken() {
    test = TestGateway.start(dataDirectory);
    String token = test.gateway().apiToken().reveal();
    Account account = new Account("alice", "Alice", "", URI.create("https://site.example/alice"),
        Optional.empty(), Optional.empty());
    assertThat(await(test.gateway().storage().localActors().upsertAccount(account))).isEqualTo(UpsertResult.CREATED);
    test.close();

    test = TestGateway.start(dataDirectory);
    assertThat(test.gateway().apiToken().reveal()).isEqualTo(token);
    assertThat(await(test.gateway().storage().localActors().findAccount("alice"))).isPresent();
    assertThat(json(test.get("/nodeinfo/2.1")).at("/usage/users/total").asLong()).isEqualTo(1);
  }

  @Test
  void portInUse_failsStart_andReleasesTheStore() {
    test = TestGateway.start(dataDirectory);
    Path other = dataDirectory.resolve("other");
    GatewayConfig clash = GatewayConfig.builder().port(test.gateway().port()).dataDirectory(other).build();
    assertThatThrownBy(() -> await(Gateway.start(clash, InstantSource.system())))
        .hasRootCauseInstanceOf(java.net.BindException.class);
    // The failed start closed its store: a second start on the same directory opens it again.
    TestGateway.start(other).close();
  }
}
