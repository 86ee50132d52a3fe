package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.activity.Accept;
import dev.fedgate.vocab.activity.Activity;
import dev.fedgate.vocab.activity.Announce;
import dev.fedgate.vocab.activity.ApproveReply;
import dev.fedgate.vocab.activity.Block;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.activity.Delete;
import dev.fedgate.vocab.activity.Dislike;
import dev.fedgate.vocab.activity.Envelope;
import dev.fedgate.vocab.activity.Flag;
import dev.fedgate.vocab.activity.Follow;
import dev.fedgate.vocab.activity.InteractionCounter;
import dev.fedgate.vocab.activity.Like;
import dev.fedgate.vocab.activity.Move;
import dev.fedgate.vocab.activity.ObjectActivity;
import dev.fedgate.vocab.activity.Reject;
import dev.fedgate.vocab.activity.RejectReply;
import dev.fedgate.vocab.activity.Undo;
import dev.fedgate.vocab.activity.Update;
import dev.fedgate.vocab.activity.View;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/** Reads and writes activities; the ones that are only an envelope and an object share one table. */
final class ActivityCodec {
  private static final Map<String, BiFunction<Envelope, Ref<ApObject>, Activity>> SIMPLE = Map.ofEntries(
      Map.entry("Follow", Follow::new), Map.entry("Accept", Accept::new), Map.entry("Reject", Reject::new),
      Map.entry("Undo", Undo::new), Map.entry("Create", Create::new), Map.entry("Update", Update::new),
      Map.entry("Delete", Delete::new), Map.entry("Announce", Announce::new), Map.entry("Like", Like::new),
      Map.entry("Dislike", Dislike::new), Map.entry("Block", Block::new));

  private ActivityCodec() {}

  static boolean handles(String type) {
    return SIMPLE.containsKey(type) || type.equals("View") || type.equals("Flag") || type.equals("Move")
        || type.equals("ApproveReply") || type.equals("RejectReply");
  }

  static Activity read(JsonIn in, String type) {
    URI id = in.requiredUri("id");
    Ref<Actor> actor = in.requiredRef("actor", Actor.class);
    Audience audience = ObjectCodec.audience(in);
    Optional<Instant> published = in.instant("published");
    BiFunction<Envelope, Ref<ApObject>, Activity> simple = SIMPLE.get(type);
    if (simple != null) {
      Ref<ApObject> object = in.requiredRef("object", ApObject.class);
      return simple.apply(envelope(in, id, actor, audience, published), object);
    }
    switch (type) {
      case "View": {
        Ref<ApObject> object = in.requiredRef("object", ApObject.class);
        Optional<Instant> expires = in.instant("expires");
        Optional<InteractionCounter> result = in.raw("result").map(v -> counter(in, v));
        return new View(envelope(in, id, actor, audience, published), object, expires, result);
      }
      case "Flag": {
        List<Ref<ApObject>> objects = in.refs("object", ApObject.class);
        if (objects.isEmpty()) {
          throw JsonIn.missing(in.at("object"));
        }
        LocalizedText content = in.text("content");
        return new Flag(envelope(in, id, actor, audience, published), objects, content);
      }
      case "Move": {
        Ref<ApObject> object = in.requiredRef("object", ApObject.class);
        Optional<URI> target = in.uri("target");
        return new Move(envelope(in, id, actor, audience, published), object, target);
      }
      default: {
        Ref<ApObject> object = in.requiredRef("object", ApObject.class);
        Optional<URI> inReplyTo = in.uri("inReplyTo");
        Envelope envelope = envelope(in, id, actor, audience, published);
        return type.equals("ApproveReply") ? new ApproveReply(envelope, object, inReplyTo)
            : new RejectReply(envelope, object, inReplyTo);
      }
    }
  }

  /** Built last, so that its extensions are exactly the properties no reader took. */
  private static Envelope envelope(JsonIn in, URI id, Ref<Actor> actor, Audience audience,
      Optional<Instant> published) {
    return new Envelope(id, actor, audience, published, in.rest());
  }

  private static InteractionCounter counter(JsonIn in, JsonNode node) {
    Pointer pointer = in.at("result");
    JsonIn result = in.decoder().in(node, pointer);
    result.string("type"); // read to refuse a wrong type; PeerTube only sends InteractionCounter
    long count = result.integer("userInteractionCount").orElseThrow(() -> JsonIn.missing(
        result.at("userInteractionCount")));
    if (count < 0) {
      throw JsonIn.invalid(result.at("userInteractionCount"), "must be >= 0");
    }
    return new InteractionCounter(result.string("interactionType")
        .orElse(InteractionCounter.WATCH_ACTION), count);
  }

  static JsonOut write(Activity activity) {
    Envelope e = activity.envelope();
    String type = activity.getClass().getSimpleName();
    JsonOut out = JsonOut.object().put("type", type).put("id", e.id()).put("actor", RefCodec.ref(e.actor()));
    if (activity instanceof Flag flag) {
      out.put("object", RefCodec.refs(flag.objects())).text("content", flag.content());
    } else if (activity instanceof ObjectActivity single) {
      out.put("object", RefCodec.ref(single.object()));
    }
    if (activity instanceof View view) {
      out.put("expires", view.expires()).put("result", view.result().map(r -> JsonOut.object()
          .put("type", "InteractionCounter").put("interactionType", r.interactionType())
          .put("userInteractionCount", r.userInteractionCount()).node()));
    } else if (activity instanceof Move move) {
      out.put("target", move.target());
    } else if (activity instanceof ApproveReply approve) {
      out.put("inReplyTo", approve.inReplyTo());
    } else if (activity instanceof RejectReply reject) {
      out.put("inReplyTo", reject.inReplyTo());
    }
    return out.put("published", e.published()).uris("to", e.audience().to()).uris("cc", e.audience().cc())
        .extensions(e.extensions());
  }
}
