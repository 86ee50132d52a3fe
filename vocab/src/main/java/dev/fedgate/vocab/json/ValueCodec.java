package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.Emoji;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Hashtag;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Infohash;
import dev.fedgate.vocab.LazyUri;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Mention;
import dev.fedgate.vocab.OtherValue;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.PropertyValue;
import dev.fedgate.vocab.SensitiveTag;
import dev.fedgate.vocab.ValueObject;
import java.util.List;
import java.util.Optional;

/** Reads and writes the embedded value types: links, images, tags, property values. */
final class ValueCodec {
  private ValueCodec() {}

  /** A tag or attachment: a bare string is a Link. */
  static ValueObject value(JsonNode node, Pointer pointer, Decoder decoder) {
    if (node.isTextual()) {
      return Link.of(JsonIn.asLazyUri(node, pointer));
    }
    JsonIn in = decoder.in(node, pointer);
    String type = in.string("type").orElse(in.has("href") ? "Link" : "");
    switch (type) {
      case "Link":
        return link(in);
      case "Image":
        return image(in);
      case "Hashtag":
        return new Hashtag(in.requiredString("name"), in.uri("href"));
      case "Mention":
        return new Mention(in.requiredUri("href"), in.string("name"));
      case "Emoji":
        return new Emoji(in.uri("id"), in.requiredString("name"),
            in.raw("icon").map(v -> image(v, in.at("icon"), decoder)), in.string("updated"));
      case "PropertyValue":
        return new PropertyValue(in.requiredString("name"), in.requiredString("value"));
      case "SensitiveTag":
        return new SensitiveTag(in.requiredString("name"));
      case "Infohash":
        return new Infohash(in.requiredString("name"));
      case "":
        throw JsonIn.missing(in.at("type"));
      default:
        return new OtherValue(type, in.rest());
    }
  }

  /** A {@code url}-like value: a string or a Link object (a missing type is taken as Link). */
  static Link link(JsonNode node, Pointer pointer, Decoder decoder) {
    if (node.isTextual()) {
      return Link.of(JsonIn.asLazyUri(node, pointer));
    }
    JsonIn in = decoder.in(node, pointer);
    String type = in.string("type").orElse("Link");
    if (!type.equals("Link")) {
      throw JsonIn.invalid(in.at("type"), "must be Link");
    }
    return link(in);
  }

  /** An {@code icon}/{@code image} value: a URL string or an Image object. */
  static Image image(JsonNode node, Pointer pointer, Decoder decoder) {
    if (node.isTextual()) {
      return new Image(List.of(Link.of(JsonIn.asLazyUri(node, pointer))), Optional.empty(), Optional.empty(),
          Optional.empty(), List.of(), Optional.empty(), Extensions.NONE);
    }
    JsonIn in = decoder.in(node, pointer);
    String type = in.string("type").orElse("Image");
    if (!type.equals("Image")) {
      throw JsonIn.invalid(in.at("type"), "must be Image");
    }
    return image(in);
  }

  private static Link link(JsonIn in) {
    // PeerTube's older HLS links and Mastodon's url_to_href use mimeType; we hold both as mediaType.
    Optional<String> mediaType = in.string("mediaType");
    Optional<String> mimeType = in.string("mimeType");
    Optional<LazyUri> href = in.lazyUri("href");
    return new Link(href.orElseGet(() -> in.requiredLazyUri("url")), mediaType.or(() -> mimeType),
        in.list("rel", JsonIn::asString), in.string("name"), in.int32("height"), in.int32("width"),
        in.integer("size"), in.int32("fps"), in.list("tag", (v, p) -> value(v, p, in.decoder())),
        in.list("attachment", (v, p) -> value(v, p, in.decoder())), in.rest());
  }

  private static Image image(JsonIn in) {
    List<Link> url = in.list("url", (v, p) -> link(v, p, in.decoder()));
    if (url.isEmpty()) {
      throw JsonIn.missing(in.at("url"));
    }
    return new Image(url, in.string("mediaType"), in.int32("width"), in.int32("height"),
        in.list("rel", JsonIn::asString), in.string("name"), in.rest());
  }

  static JsonNode write(ValueObject value) {
    if (value instanceof Link link) {
      return writeLink(link);
    }
    if (value instanceof Image image) {
      return writeImage(image);
    }
    JsonOut out = JsonOut.object();
    if (value instanceof Hashtag tag) {
      out.put("type", "Hashtag").put("name", tag.name()).put("href", tag.href());
    } else if (value instanceof Mention mention) {
      out.put("type", "Mention").put("href", mention.href()).put("name", mention.name());
    } else if (value instanceof Emoji emoji) {
      out.put("id", emoji.id()).put("type", "Emoji").put("name", emoji.name())
          .put("icon", emoji.icon().map(ValueCodec::writeImage)).put("updated", emoji.updated());
    } else if (value instanceof PropertyValue property) {
      out.put("type", "PropertyValue").put("name", property.name()).put("value", property.value());
    } else if (value instanceof SensitiveTag sensitive) {
      out.put("type", "SensitiveTag").put("name", sensitive.name());
    } else if (value instanceof Infohash infohash) {
      out.put("type", "Infohash").put("name", infohash.name());
    } else if (value instanceof OtherValue other) {
      out.put("type", other.type()).extensions(other.raw());
    }
    return out.node();
  }

  /** A bare link is written as its URL string, as peers do for actor and comment {@code url}. */
  static JsonNode writeLink(Link link) {
    if (link.isBare()) {
      return JsonNodeFactory.instance.textNode(link.lazyHref().toString());
    }
    return writeLinkObject(link);
  }

  /** The Link as an object even when bare (PeerTube wants Link objects in a Video's {@code url}). */
  static ObjectNode writeLinkObject(Link link) {
    return JsonOut.object().put("type", "Link").put("name", link.name()).put("rel", strings(link.rel()))
        .put("mediaType", link.mediaType()).put("href", link.lazyHref()).put("height", link.height())
        .put("width", link.width()).put("size", link.size()).put("fps", link.fps())
        .put("tag", values(link.tag())).put("attachment", values(link.attachment())).extensions(link.extensions())
        .node();
  }

  static ObjectNode writeImage(Image image) {
    return JsonOut.object().put("type", "Image").put("name", image.name()).put("rel", strings(image.rel()))
        .put("url", links(image.url())).put("mediaType", image.mediaType()).put("width", image.width())
        .put("height", image.height()).extensions(image.extensions()).node();
  }

  /** One bare link as a string, anything else as an array (PeerTube reads a comment's url as a string or object). */
  static JsonNode links(List<Link> links) {
    if (links.size() == 1 && links.get(0).isBare()) {
      return writeLink(links.get(0));
    }
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    links.forEach(l -> array.add(writeLinkObject(l)));
    return links.isEmpty() ? null : array;
  }

  static ArrayNode values(List<? extends ValueObject> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(v -> array.add(write(v)));
    return values.isEmpty() ? null : array;
  }

  static ArrayNode strings(List<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return values.isEmpty() ? null : array;
  }
}
