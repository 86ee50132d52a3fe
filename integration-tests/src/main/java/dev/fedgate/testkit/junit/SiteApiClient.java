package dev.fedgate.testkit.junit;

import dev.fedgate.testkit.peers.HttpResult;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * A small blocking client of a gateway's Site API ({@code docs/site-api.md}): {@code PUT}s of accounts, channels and
 * videos, reads and deletes, with the bearer token. Answers are returned as they come; tests assert on the status.
 */
public final class SiteApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** A client of the gateway listening at {@code base}, authenticating with {@code token}. */
  public SiteApiClient(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  /** {@code PUT /api/v1/accounts/{name}}. */
  public HttpResult putAccount(String name, JsonObject account) {
    return send("PUT", "/api/v1/accounts/" + name, account);
  }

  /** {@code PUT /api/v1/channels/{name}}. */
  public HttpResult putChannel(String name, JsonObject channel) {
    return send("PUT", "/api/v1/channels/" + name, channel);
  }

  /** {@code PUT /api/v1/videos/{uuid}}. */
  public HttpResult putVideo(UUID uuid, JsonObject video) {
    return send("PUT", "/api/v1/videos/" + uuid, video);
  }

  /** {@code DELETE /api/v1/videos/{uuid}}. */
  public HttpResult deleteVideo(UUID uuid) {
    return send("DELETE", "/api/v1/videos/" + uuid, null);
  }

  /** {@code GET} of any Site API path, e.g. {@code /api/v1/channels/cooking/followers}. */
  public HttpResult get(String path) {
    return send("GET", path, null);
  }

  private HttpResult send(String method, String path, JsonObject body) {
    URI target = base.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? BodyPublishers.noBody()
            : BodyPublishers.ofString(body.encode(), StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new HttpResult(target, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + target + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " " + target + " interrupted", e);
    }
  }
}
