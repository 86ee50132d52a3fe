package dev.fedgate.gateway.fetch;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebFingerClientTest {
  private final Vertx vertx = Vertx.vertx();
  private HttpServer server;
  private WebFingerClient client;
  private String host;

  @BeforeEach
  void start() {
    server = await(vertx.createHttpServer().requestHandler(request -> {
      String resource = request.getParam("resource");
      if (!("acct:bob@" + host).equals(resource)) {
        request.response().setStatusCode(404).end();
        return;
      }
      request.response().putHeader("Content-Type", "application/jrd+json").end("""
          {"subject":"%s","links":[
           {"rel":"http://webfinger.net/rel/profile-page","type":"text/html","href":"https://%s/@bob"},
           {"rel":"self","type":"application/activity+json","href":"https://%s/users/bob"}]}"""
          .formatted(resource, host, host));
    }).listen(0, "127.0.0.1").toCompletionStage());
    host = "127.0.0.1:" + server.actualPort();
    // Loopback is refused unless allowed, as in production; the test serves plain HTTP.
    client = new WebFingerClient(OutboundHttp.create(vertx, AddressGuard.create(HostResolver.system(vertx), true),
        OutboundHttp.DEFAULT_CONNECT_TIMEOUT, "test"), "http");
  }

  @AfterEach
  void stop() {
    await(vertx.close().toCompletionStage());
  }

  @Test
  void resolve_handle_isTheSelfLinkOfAnActivityPubType() {
    assertThat(await(client.resolve("@bob@" + host).toCompletionStage()))
        .isEqualTo(URI.create("https://" + host + "/users/bob"));
  }

  @Test
  void resolve_unknownOrMalformedHandle_failsWithTheReason() {
    assertFailure("@nobody@" + host, FetchFailure.NOT_FOUND);
    assertFailure("not a handle", FetchFailure.BAD_URL);
  }

  private void assertFailure(String handle, FetchFailure failure) {
    assertThatThrownBy(() -> client.resolve(handle).toCompletionStage().toCompletableFuture().join())
        .isInstanceOf(CompletionException.class).cause()
        .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.failure()).isEqualTo(failure));
  }
}
