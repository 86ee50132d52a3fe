package dev.fedgate.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.config.GatewayConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A real gateway on a free loopback port with its embedded store in a test's folder, and a plain HTTP client. */
public final class TestGateway implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = httpClient();
  private Gateway gateway;

  private TestGateway(Gateway gateway) {
    this.gateway = gateway;
  }

  /**
   * A client for tests: HTTP/1.1 only (the JDK client's h2c upgrade of a plain-http request has hung against Vert.x
   * under load) and a connect timeout, so a broken server fails a test instead of hanging the build.
   */
  public static HttpClient httpClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Starts a gateway with its data in {@code dataDirectory}. */
  public static TestGateway start(Path dataDirectory) {
    return start(GatewayConfig.builder().port(0).dataDirectory(dataDirectory).shutdownGrace(Duration.ofSeconds(2))
        .build());
  }

  /** Starts a gateway with {@code config}. */
  public static TestGateway start(GatewayConfig config) {
    return new TestGateway(await(Gateway.start(config, InstantSource.system())));
  }

  /** The running gateway. */
  public Gateway gateway() {
    return gateway;
  }

  /** Waits (bounded) for a stage, failing the test with its cause. */
  public static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("did not complete: " + e, e);
    }
  }

  /** A GET of {@code path} with optional header pairs. */
  public HttpResponse<String> get(String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(gateway.listenUrl().resolve(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.build());
  }

  /** Sends any request to the gateway. */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A request builder for {@code path} on this gateway. */
  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(gateway.listenUrl().resolve(path));
  }

  /** Parses a response body as JSON. */
  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }

  /** The listening URL. */
  public URI listenUrl() {
    return gateway.listenUrl();
  }

  /** Stops the gateway (idempotent). */
  @Override
  public void close() {
    if (gateway != null) {
      Gateway stopping = gateway;
      gateway = null;
      await(stopping.stop());
    }
  }
}
