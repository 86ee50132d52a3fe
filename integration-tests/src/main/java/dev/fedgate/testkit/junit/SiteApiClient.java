package dev.fedgate.testkit.junit;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.SignedHttpClient;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.UUID;

/**
 * A small blocking client of a gateway's Site API ({@code docs/site-api.md}): {@code PUT}s of accounts, channels and
 * videos, reads and deletes, with the bearer token. Answers are returned as they come; tests assert on the status.
 */
public final class SiteApiClient {
  private final URI base;
  private final String token;
  private final SignedHttpClient http = SignedHttpClient.create(InstantSource.system());

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

  /** {@code POST} of {@code body} to any Site API path, e.g. {@code /api/v1/channels/cooking/followers/accept}. */
  public HttpResult post(String path, JsonObject body) {
    return send("POST", path, body);
  }

  /** {@code GET} of any Site API path, e.g. {@code /api/v1/channels/cooking/followers}. */
  public HttpResult get(String path) {
    return send("GET", path, null);
  }

  private HttpResult send(String method, String path, JsonObject body) {
    HttpHeaders headers = HttpHeaders.of("Authorization", "Bearer " + token);
    return http.send(method, base.resolve(path), body == null ? headers
        : headers.with("Content-Type", "application/json"),
        body == null ? new byte[0] : body.encode().getBytes(StandardCharsets.UTF_8));
  }
}
