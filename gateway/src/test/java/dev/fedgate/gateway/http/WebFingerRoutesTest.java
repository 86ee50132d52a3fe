package dev.fedgate.gateway.http;

import static dev.fedgate.gateway.TestGateway.await;
import static dev.fedgate.gateway.TestGateway.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.LocalActorStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebFingerRoutesTest {
  @TempDir static Path dataDirectory;
  private static TestGateway test;
  private static String host;
  private static URI base;

  @BeforeAll
  static void start() {
    test = TestGateway.start(dataDirectory);
    base = test.gateway().publicUrl();
    host = base.getHost() + ":" + base.getPort();
    LocalActorStore actors = test.gateway().storage().localActors();
    await(actors.upsertAccount(new Account("alice", "Alice", "", URI.create("https://site.example/@alice"),
        Optional.empty(), Optional.empty())));
    await(actors.upsertChannel(new Channel("cooking", "alice", "Cooking", "", URI.create("https://site.example/c/cooking"),
        Optional.empty(), Optional.empty())));
  }

  @AfterAll
  static void stop() {
    test.close();
  }

  private static HttpResponse<String> webfinger(String resource) {
    return test.get("/.well-known/webfinger?resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8),
        "Accept", "application/jrd+json, application/json");
  }

  /** What Mastodon checks: a subject equal to the query, and a self link of exactly application/activity+json. */
  @Test
  void channel_resolvesAsMastodonExpects() {
    HttpResponse<String> response = webfinger("acct:cooking@" + host);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/jrd+json");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    JsonNode jrd = json(response);
    assertThat(jrd.get("subject").asText()).isEqualTo("acct:cooking@" + host);
    assertThat(jrd.get("aliases").get(0).asText()).isEqualTo(base + "/video-channels/cooking");
    assertThat(jrd.get("aliases").get(1).asText()).isEqualTo("https://site.example/c/cooking");
    JsonNode self = link(jrd, "self");
    assertThat(self.get("type").asText()).isEqualTo("application/activity+json");
    assertThat(self.get("href").asText()).isEqualTo(base + "/video-channels/cooking");
    assertThat(link(jrd, "http://webfinger.net/rel/profile-page").get("href").asText())
        .isEqualTo("https://site.example/c/cooking");
    assertThat(link(jrd, "http://ostatus.org/schema/1.0/subscribe").get("template").asText())
        .isEqualTo(base + "/remote-interaction?uri={uri}");
  }

  @Test
  void account_byHandleAndByActorUrl_giveTheSameSubject() {
    JsonNode byHandle = json(webfinger("alice@" + host));
    JsonNode byUrl = json(webfinger(base + "/accounts/alice"));
    assertThat(byHandle.get("subject").asText()).isEqualTo("acct:alice@" + host);
    assertThat(byUrl).isEqualTo(byHandle);
    assertThat(link(byHandle, "self").get("href").asText()).isEqualTo(base + "/accounts/alice");
  }

  @Test
  void instanceActor_resolves() {
    JsonNode jrd = json(webfinger("acct:peertube@" + host));
    assertThat(link(jrd, "self").get("href").asText()).isEqualTo(base + "/accounts/peertube");
  }

  @Test
  void unknownNameOrOtherHost_is404_malformed_is400() {
    assertThat(webfinger("acct:nobody@" + host).statusCode()).isEqualTo(404);
    assertThat(webfinger("acct:alice@elsewhere.example").statusCode()).isEqualTo(404);
    HttpResponse<String> malformed = webfinger("acct:alice");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).get("field").asText()).isEqualTo("resource");
    assertThat(test.get("/.well-known/webfinger").statusCode()).isEqualTo(400);
  }

  @Test
  void hostMeta_pointsToWebFinger_inXrdAndJson() {
    HttpResponse<String> xrd = test.get("/.well-known/host-meta");
    assertThat(xrd.statusCode()).isEqualTo(200);
    assertThat(xrd.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xrd+xml");
    assertThat(xrd.body()).contains("rel=\"lrdd\"")
        .contains("template=\"" + base + "/.well-known/webfinger?resource={uri}\"");
    JsonNode json = json(test.get("/.well-known/host-meta.json"));
    assertThat(json.at("/links/0/template").asText()).isEqualTo(base + "/.well-known/webfinger?resource={uri}");
  }

  @Test
  void remoteInteraction_redirectsOnlyToOurOwnIds() {
    HttpResponse<String> local = test.get("/remote-interaction?uri="
        + URLEncoder.encode(base + "/video-channels/cooking", StandardCharsets.UTF_8));
    assertThat(local.statusCode()).isEqualTo(303);
    assertThat(local.headers().firstValue("Location")).contains(base + "/video-channels/cooking");
    HttpResponse<String> foreign = test.get("/remote-interaction?uri="
        + URLEncoder.encode("https://evil.example/phish", StandardCharsets.UTF_8));
    assertThat(foreign.statusCode()).isEqualTo(400);
  }

  private static JsonNode link(JsonNode jrd, String rel) {
    for (JsonNode link : jrd.get("links")) {
      if (link.get("rel").asText().equals(rel)) {
        return link;
      }
    }
    throw new AssertionError("no link " + rel + " in " + jrd);
  }
}
