package dev.fedgate.testkit.peers;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** One HTTP answer as a test sees it: status, {@code Content-Type} (empty when absent), body bytes and final URI. */
public record HttpResult(URI uri, int status, String contentType, byte[] body) {
  /** A missing content type reads as empty. */
  public HttpResult {
    contentType = contentType == null ? "" : contentType;
  }

  /** The body as UTF-8 text. */
  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as a JSON object, or empty when it is not one. */
  public Optional<JsonObject> json() {
    return jsonObject(body);
  }

  /** {@code bytes} as a JSON object, or empty when they are not one. */
  public static Optional<JsonObject> jsonObject(byte[] bytes) {
    try {
      Object value = Json.decodeValue(new String(bytes, StandardCharsets.UTF_8));
      return value instanceof JsonObject object ? Optional.of(object) : Optional.empty();
    } catch (DecodeException e) {
      return Optional.empty();
    }
  }

  /** Whether the status is 2xx. */
  public boolean success() {
    return status >= 200 && status < 300;
  }
}
