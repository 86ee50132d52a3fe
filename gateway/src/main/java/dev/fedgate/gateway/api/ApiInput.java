package dev.fedgate.gateway.api;

import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Image;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A Site API request body read field by field: every refusal is an {@code invalid-request} problem whose
 * {@code field} is the JSON pointer of the offending value (e.g. {@code /thumbnails/0/url}).
 */
final class ApiInput {
  /** Picture types PeerTube keeps in an actor's or video's {@code icon}. */
  static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/gif", "image/webp", "image/jpg", "image/jpeg");

  private final JsonObject json;
  private final String pointer;

  private ApiInput(JsonObject json, String pointer) {
    this.json = json;
    this.pointer = pointer;
  }

  /** The request body, which must be a JSON object. */
  static ApiInput body(String text) {
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(text == null ? "" : text);
    } catch (RuntimeException e) {
      throw new FedgateException(ProblemType.INVALID_REQUEST, "the body must be a JSON object", "", e);
    }
    if (!(parsed instanceof JsonObject object)) {
      throw new FedgateException(ProblemType.INVALID_REQUEST, "the body must be a JSON object", "", null);
    }
    return new ApiInput(object, "");
  }

  static FedgateException invalid(String field, String detail) {
    return new FedgateException(ProblemType.INVALID_REQUEST, field + ": " + detail, field, null);
  }

  private String at(String key) {
    return pointer + "/" + key;
  }

  private Object raw(String key) {
    return json.getValue(key);
  }

  Optional<String> optionalString(String key, int max) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String text)) {
      throw invalid(at(key), "must be a string");
    }
    if (text.length() > max) {
      throw invalid(at(key), "must be at most " + max + " characters");
    }
    return Optional.of(text);
  }

  String requiredString(String key, int min, int max) {
    String text = optionalString(key, max).orElseThrow(() -> invalid(at(key), "is required"));
    if (text.strip().length() < min) {
      throw invalid(at(key), "must be at least " + min + " characters");
    }
    return text;
  }

  Optional<URI> optionalUrl(String key) {
    return optionalString(key, 2000).map(text -> httpUrl(at(key), text));
  }

  URI requiredUrl(String key) {
    return optionalUrl(key).orElseThrow(() -> invalid(at(key), "is required"));
  }

  /** Peers refuse ids and links that are not absolute http(s) URLs, so we never store one. */
  static URI httpUrl(String field, String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      throw invalid(field, "must be an absolute http or https URL");
    }
    throw invalid(field, "must be an absolute http or https URL");
  }

  boolean optionalBoolean(String key, boolean fallback) {
    Object value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean bool)) {
      throw invalid(at(key), "must be true or false");
    }
    return bool;
  }

  Optional<Long> optionalLong(String key, long min, long max) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw invalid(at(key), "must be a whole number");
    }
    long n = number.longValue();
    if (n < min || n > max) {
      throw invalid(at(key), "must be from " + min + " to " + max);
    }
    return Optional.of(n);
  }

  long requiredLong(String key, long min, long max) {
    return optionalLong(key, min, max).orElseThrow(() -> invalid(at(key), "is required"));
  }

  Instant requiredInstant(String key) {
    String text = optionalString(key, 64).orElseThrow(() -> invalid(at(key), "is required"));
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(at(key), "must be an ISO-8601 instant like 2026-01-31T12:00:00Z");
    }
  }

  Optional<ApiInput> optionalObject(String key) {
    Object value = raw(key);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof JsonObject object)) {
      throw invalid(at(key), "must be an object");
    }
    return Optional.of(new ApiInput(object, at(key)));
  }

  <T> List<T> list(String key, int maxItems, Function<ApiInput, T> item) {
    JsonArray array = array(key, maxItems);
    List<T> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      if (!(value instanceof JsonObject object)) {
        throw invalid(at(key) + "/" + i, "must be an object");
      }
      out.add(item.apply(new ApiInput(object, at(key) + "/" + i)));
    }
    return out;
  }

  List<String> stringList(String key, int maxItems, int minLength, int maxLength) {
    JsonArray array = array(key, maxItems);
    List<String> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      Object value = array.getValue(i);
      if (!(value instanceof String text) || text.strip().length() < minLength || text.length() > maxLength) {
        throw invalid(at(key) + "/" + i, "must be a string of " + minLength + " to " + maxLength + " characters");
      }
      out.add(text.strip());
    }
    return out;
  }

  private JsonArray array(String key, int maxItems) {
    Object value = raw(key);
    if (value == null) {
      return new JsonArray();
    }
    if (!(value instanceof JsonArray array)) {
      throw invalid(at(key), "must be an array");
    }
    if (array.size() > maxItems) {
      throw invalid(at(key), "must hold at most " + maxItems + " items");
    }
    return array;
  }

  /** An avatar, banner or thumbnail: {@code {url, mediaType, width, height}} in a type PeerTube keeps. */
  Image image() {
    URI url = requiredUrl("url");
    String mediaType = requiredString("mediaType", 1, 100).toLowerCase(Locale.ROOT);
    if (!IMAGE_TYPES.contains(mediaType)) {
      throw invalid(at("mediaType"), "must be one of " + String.join(", ", IMAGE_TYPES.stream().sorted().toList()));
    }
    int width = (int) requiredLong("width", 0, 100_000);
    int height = (int) requiredLong("height", 0, 100_000);
    return new Image(url, mediaType, width, height);
  }
}
