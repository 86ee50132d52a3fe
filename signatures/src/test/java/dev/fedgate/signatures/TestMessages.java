package dev.fedgate.signatures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.testdata.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads vectors and raw HTTP fixtures from ../shared into our message types (read in place, never copied). */
public final class TestMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestMessages() {}

  /** A vector file as a JSON tree. */
  public static JsonNode vector(String name) {
    try {
      return JSON.readTree(SharedData.vector(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fixture file's text. */
  public static String fixtureText(String name) {
    return read(SharedData.fixture(name));
  }

  /** A request from a vector message object ({@code start_line}, {@code headers}, {@code body}) over https. */
  public static HttpRequest request(JsonNode message) {
    String[] start = message.get("start_line").asText().split(" ");
    HttpHeaders.Builder headers = HttpHeaders.builder();
    String host = null;
    for (JsonNode h : message.get("headers")) {
      if (h.get(1).isNull()) {
        continue;
      }
      headers.add(h.get(0).asText(), h.get(1).asText());
      if (h.get(0).asText().equalsIgnoreCase("Host")) {
        host = h.get(1).asText();
      }
    }
    byte[] body = message.path("body").asText("").getBytes(StandardCharsets.UTF_8);
    return HttpRequest.of(start[0], URI.create("https://" + host + start[1]), headers.build(), body);
  }

  /** A response from a vector message object, answering {@code request}. */
  public static HttpResponse response(JsonNode message, Optional<HttpRequest> request) {
    int status = Integer.parseInt(message.get("start_line").asText().split(" ")[1]);
    HttpHeaders.Builder headers = HttpHeaders.builder();
    for (JsonNode h : message.get("headers")) {
      headers.add(h.get(0).asText(), h.get(1).asText());
    }
    return HttpResponse.of(status, headers.build(), message.path("body").asText("").getBytes(StandardCharsets.UTF_8), request);
  }

  /** A raw HTTP/1.1 request file (CRLF, headers, blank line, body) over https. */
  public static HttpRequest rawRequest(String fixture) {
    String text = fixtureText(fixture);
    int split = text.indexOf("\r\n\r\n");
    String[] lines = text.substring(0, split).split("\r\n");
    String[] start = lines[0].split(" ");
    HttpHeaders.Builder headers = HttpHeaders.builder();
    String host = null;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      String name = lines[i].substring(0, colon);
      String value = lines[i].substring(colon + 1).strip();
      headers.add(name, value);
      if (name.equalsIgnoreCase("Host")) {
        host = value;
      }
    }
    byte[] body = text.substring(split + 4).getBytes(StandardCharsets.UTF_8);
    return HttpRequest.of(start[0], URI.create("https://" + host + start[1]), headers.build(), body);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
