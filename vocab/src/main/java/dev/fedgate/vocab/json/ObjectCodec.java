package dev.fedgate.vocab.json;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Tombstone;
import dev.fedgate.vocab.peertube.CacheFile;
import java.util.List;
import java.util.Optional;

/** Reads and writes the non-actor, non-activity objects: Note, Tombstone, Video, CacheFile. */
final class ObjectCodec {
  private ObjectCodec() {}

  static Optional<ApObject> read(String type, JsonIn in) {
    switch (type) {
      case "Note":
        return Optional.of(note(in));
      case "Tombstone":
        return Optional.of(new Tombstone(in.requiredUri("id"), in.string("formerType"), in.instant("published"),
            in.instant("updated"), in.instant("deleted"), links(in, "url"), in.ref("inReplyTo", ApObject.class),
            in.rest()));
      case "Video":
        return Optional.of(VideoCodec.read(in));
      case "CacheFile":
        return Optional.of(new CacheFile(in.requiredUri("id"), in.requiredRef("object", ApObject.class),
            in.instant("expires"), links(in, "url"), in.rest()));
      default:
        return Optional.empty();
    }
  }

  static Audience audience(JsonIn in) {
    return Audience.read(in.lazyUris("to"), in.lazyUris("cc"));
  }

  static List<Link> links(JsonIn in, String key) {
    return in.list(key, (v, p) -> ValueCodec.link(v, p, in.decoder()));
  }

  private static Note note(JsonIn in) {
    return new Note(in.requiredUri("id"), in.refs("attributedTo", Actor.class),
        in.ref("inReplyTo", ApObject.class),
        in.text("name"), in.text("content"), in.string("mediaType"), in.text("summary"), in.bool("sensitive"),
        audience(in),
        in.list("tag", (v, p) -> ValueCodec.value(v, p, in.decoder())),
        in.list("attachment", (v, p) -> ValueCodec.value(v, p, in.decoder())), links(in, "url"),
        in.instant("published"), in.instant("updated"), in.uri("replyApproval"), in.rest());
  }

  static JsonOut write(ApObject object) {
    if (object instanceof Note note) {
      return JsonOut.object().put("type", "Note").put("id", note.id())
          .put("attributedTo", RefCodec.oneOrMany(note.attributedTo()))
          .put("inReplyTo", note.inReplyTo().map(RefCodec::ref)).text("name", note.name())
          .put("mediaType", note.mediaType())
          .text("content", note.content()).text("summary", note.summary()).put("sensitive", note.sensitive())
          .put("published", note.published()).put("updated", note.updated())
          .put("url", ValueCodec.links(note.url())).put("replyApproval", note.replyApproval())
          .uris("to", note.audience().to()).uris("cc", note.audience().cc())
          .put("tag", ValueCodec.values(note.tag())).put("attachment", ValueCodec.values(note.attachment()))
          .extensions(note.extensions());
    }
    if (object instanceof Tombstone tombstone) {
      return JsonOut.object().put("type", "Tombstone").put("id", tombstone.id())
          .put("formerType", tombstone.formerType()).put("published", tombstone.published())
          .put("updated", tombstone.updated()).put("deleted", tombstone.deleted())
          .put("url", ValueCodec.links(tombstone.url())).put("inReplyTo", tombstone.inReplyTo().map(RefCodec::ref))
          .extensions(tombstone.extensions());
    }
    if (object instanceof CacheFile cacheFile) {
      return JsonOut.object().put("type", "CacheFile").put("id", cacheFile.id())
          .put("object", RefCodec.ref(cacheFile.object())).put("expires", cacheFile.expires())
          .put("url", ValueCodec.links(cacheFile.url())).extensions(cacheFile.extensions());
    }
    throw new IllegalArgumentException("not an object type of this codec: " + object.getClass().getName());
  }
}
