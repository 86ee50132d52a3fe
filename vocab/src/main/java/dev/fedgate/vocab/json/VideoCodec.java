package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.peertube.Identifier;
import dev.fedgate.vocab.peertube.Subtitle;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.peertube.VideoBuilder;
import dev.fedgate.vocab.peertube.VideoCollections;
import dev.fedgate.vocab.peertube.VideoLive;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes PeerTube's Video, in the key order PeerTube emits. */
final class VideoCodec {
  /**
   * PeerTube checks only {@code startsWith('PT') && endsWith('S')} and then parses the first run of digits, so
   * {@code PT1H2M3S} would silently read as 1 second (misc.ts, activity.ts). We read and write only whole seconds.
   */
  private static final Pattern DURATION = Pattern.compile("PT(\\d{1,9})S");

  private VideoCodec() {}

  static Video read(JsonIn in) {
    VideoBuilder b = Video.builder(in.requiredUri("id"));
    b.name(in.text("name"));
    in.raw("duration").map(v -> duration(v, in.at("duration"))).ifPresent(b::duration);
    in.string("uuid").ifPresent(b::uuid);
    identifier(in, "category").ifPresent(b::category);
    identifier(in, "licence").ifPresent(b::licence);
    identifier(in, "language").ifPresent(b::language);
    in.integer("views").ifPresent(b::views);
    in.bool("sensitive").ifPresent(b::sensitive);
    in.bool("waitTranscoding").ifPresent(b::waitTranscoding);
    in.int32("state").ifPresent(b::state);
    in.int32("commentsPolicy").ifPresent(b::commentsPolicy);
    in.uri("canReply").ifPresent(b::canReply);
    in.bool("downloadEnabled").ifPresent(b::downloadEnabled);
    in.instant("published").ifPresent(b::published);
    in.instant("originallyPublishedAt").ifPresent(b::originallyPublishedAt);
    in.instant("updated").ifPresent(b::updated);
    in.instant("uploadDate").ifPresent(b::uploadDate);
    b.tag(in.list("tag", (v, p) -> ValueCodec.value(v, p, in.decoder())));
    in.string("mediaType").ifPresent(b::mediaType);
    b.content(in.text("content")).summary(in.text("summary"));
    in.string("support").ifPresent(b::support);
    b.subtitleLanguage(in.array("subtitleLanguage", (v, p) -> subtitle(v, p, in.decoder())));
    b.icon(in.list("icon", (v, p) -> ValueCodec.image(v, p, in.decoder())));
    b.preview(in.array("preview", (v, p) -> ValueCodec.image(v, p, in.decoder())));
    in.number("aspectRatio").ifPresent(b::aspectRatio);
    // PeerTube refuses a Video whose url is not an array (sanitizeAndCheckVideoTorrentObject).
    b.url(in.array("url", (v, p) -> ValueCodec.link(v, p, in.decoder())));
    b.attributedTo(in.refs("attributedTo", Actor.class));
    collections(in, b);
    live(in, b);
    b.audience(ObjectCodec.audience(in));
    return b.extensions(in.rest()).build();
  }

  /** The {@link VideoCollections} ids. */
  private static void collections(JsonIn in, VideoBuilder b) {
    b.collections(VideoCollections.read(in.lazyUri("likes"), in.lazyUri("dislikes"), in.lazyUri("shares"),
        in.lazyUri("comments"), in.lazyUri("hasParts")));
  }

  /** The {@link VideoLive} fields. */
  private static void live(JsonIn in, VideoBuilder b) {
    in.bool("isLiveBroadcast").ifPresent(b::isLiveBroadcast);
    in.bool("liveSaveReplay").ifPresent(b::liveSaveReplay);
    in.bool("permanentLive").ifPresent(b::permanentLive);
    in.int32("latencyMode").ifPresent(b::latencyMode);
  }

  static Duration duration(JsonNode node, Pointer pointer) {
    Matcher m = DURATION.matcher(JsonIn.asString(node, pointer));
    if (!m.matches()) {
      throw JsonIn.invalid(pointer, "must be PT<seconds>S");
    }
    return Duration.ofSeconds(Long.parseLong(m.group(1)));
  }

  private static Optional<Identifier> identifier(JsonIn in, String key) {
    return in.raw(key).map(v -> {
      JsonIn id = in.decoder().in(v, in.at(key));
      return new Identifier(id.requiredString("identifier"), id.string("name"));
    });
  }

  private static Subtitle subtitle(JsonNode node, Pointer pointer, Decoder decoder) {
    JsonIn in = decoder.in(node, pointer);
    return new Subtitle(in.requiredString("identifier"), in.string("name"),
        in.list("url", (v, p) -> ValueCodec.link(v, p, decoder)), in.rest());
  }

  static JsonOut write(Video v) {
    JsonOut out = JsonOut.object();
    VideoCollections collections = v.collections();
    VideoLive live = v.live();
    // PeerTube writes "canReply": null when anyone may reply; we do the same, so the pair is always explicit.
    JsonNode canReply = v.canReply().<JsonNode>map(u -> JsonNodeFactory.instance.textNode(u.toString()))
        .orElse(v.commentsPolicy().isPresent() ? JsonNodeFactory.instance.nullNode() : null);
    return out.put("type", "Video").put("id", v.id()).text("name", v.name())
        .put("duration", v.duration().map(d -> "PT" + d.toSeconds() + "S")).put("uuid", v.uuid())
        .put("category", v.category().map(VideoCodec::identifier))
        .put("licence", v.licence().map(VideoCodec::identifier))
        .put("language", v.language().map(VideoCodec::identifier)).put("views", v.views())
        .put("sensitive", v.sensitive()).put("waitTranscoding", v.waitTranscoding()).put("state", v.state())
        .put("commentsPolicy", v.commentsPolicy()).put("canReply", canReply)
        .put("downloadEnabled", v.downloadEnabled()).put("published", v.published())
        .put("originallyPublishedAt", v.originallyPublishedAt()).put("updated", v.updated())
        .put("uploadDate", v.uploadDate()).put("tag", ValueCodec.values(v.tag())).put("mediaType", v.mediaType())
        .text("content", v.content()).text("summary", v.summary()).put("support", v.support())
        .put("subtitleLanguage", subtitles(v.subtitleLanguage())).put("icon", ActorCodec.images(v.icon()))
        .put("preview", ActorCodec.images(v.preview())).put("aspectRatio", v.aspectRatio())
        .put("url", linkObjects(v.url())).put("likes", collections.likes()).put("dislikes", collections.dislikes())
        .put("shares", collections.shares()).put("comments", collections.comments())
        .put("hasParts", collections.hasParts()).put("attributedTo", RefCodec.refs(v.attributedTo()))
        .put("isLiveBroadcast", live.isLiveBroadcast()).put("liveSaveReplay", live.liveSaveReplay())
        .put("permanentLive", live.permanentLive()).put("latencyMode", live.latencyMode())
        .uris("to", v.audience().to()).uris("cc", v.audience().cc())
        .extensions(v.extensions());
  }

  private static ObjectNode identifier(Identifier id) {
    return JsonOut.object().put("identifier", id.identifier()).put("name", id.name()).node();
  }

  private static ArrayNode subtitles(List<Subtitle> subtitles) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    subtitles.forEach(s -> array.add(JsonOut.object().put("identifier", s.identifier()).put("name", s.name())
        .put("url", linkObjects(s.url())).extensions(s.extensions()).node()));
    return subtitles.isEmpty() ? null : array;
  }

  /** Always an array of Link objects: PeerTube refuses a Video url that is not an array. */
  private static ArrayNode linkObjects(List<Link> links) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    links.forEach(l -> array.add(ValueCodec.writeLinkObject(l)));
    return links.isEmpty() ? null : array;
  }
}
