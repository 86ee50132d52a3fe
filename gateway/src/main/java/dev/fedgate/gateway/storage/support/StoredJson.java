package dev.fedgate.gateway.storage.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.storage.HlsPlaylist;
import dev.fedgate.gateway.storage.Image;
import dev.fedgate.gateway.storage.VideoFile;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The JSON text kept in columns for nested values (pictures, files, playlists, tags). Written field by field, so the
 * stored form does not change when a record gains a component.
 */
public final class StoredJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private StoredJson() {}

  public static String image(Image image) {
    return write(imageNode(image));
  }

  public static Image image(String json) {
    return image(read(json));
  }

  public static String images(List<Image> images) {
    return write(array(images, StoredJson::imageNode));
  }

  public static List<Image> images(String json) {
    return list(read(json), StoredJson::image);
  }

  public static String files(List<VideoFile> files) {
    return write(array(files, StoredJson::fileNode));
  }

  public static List<VideoFile> files(String json) {
    return list(read(json), StoredJson::file);
  }

  public static String hls(HlsPlaylist hls) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("playlistUrl", hls.playlistUrl().toString());
    node.set("files", array(hls.files(), StoredJson::fileNode));
    return write(node);
  }

  public static HlsPlaylist hls(String json) {
    JsonNode node = read(json);
    return new HlsPlaylist(URI.create(node.get("playlistUrl").asText()), list(node.get("files"), StoredJson::file));
  }

  public static String strings(List<String> strings) {
    return write(array(strings, MAPPER.getNodeFactory()::textNode));
  }

  public static List<String> strings(String json) {
    return list(read(json), JsonNode::asText);
  }

  public static Optional<Image> optionalImage(String json) {
    return Optional.ofNullable(json).map(StoredJson::image);
  }

  private static ObjectNode imageNode(Image image) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("url", image.url().toString());
    node.put("mediaType", image.mediaType());
    node.put("width", image.width());
    node.put("height", image.height());
    return node;
  }

  private static Image image(JsonNode node) {
    return new Image(URI.create(node.get("url").asText()), node.get("mediaType").asText(),
        node.get("width").asInt(), node.get("height").asInt());
  }

  private static ObjectNode fileNode(VideoFile file) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("url", file.url().toString());
    node.put("mediaType", file.mediaType());
    node.put("width", file.width());
    node.put("height", file.height());
    node.put("size", file.size());
    node.put("fps", file.fps());
    return node;
  }

  private static VideoFile file(JsonNode node) {
    return new VideoFile(URI.create(node.get("url").asText()), node.get("mediaType").asText(),
        node.get("width").asInt(), node.get("height").asInt(), node.get("size").asLong(), node.get("fps").asInt());
  }

  private static <T> ArrayNode array(List<T> values, Function<T, JsonNode> toNode) {
    ArrayNode array = MAPPER.createArrayNode();
    values.forEach(value -> array.add(toNode.apply(value)));
    return array;
  }

  private static <T> List<T> list(JsonNode array, Function<JsonNode, T> fromNode) {
    List<T> values = new ArrayList<>(array.size());
    array.forEach(node -> values.add(fromNode.apply(node)));
    return values;
  }

  private static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write stored JSON", e);
    }
  }

  private static JsonNode read(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is corrupt", e);
    }
  }
}
