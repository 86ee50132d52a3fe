package dev.fedgate.vocab.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Multikey;
import dev.fedgate.vocab.Pointer;
import dev.fedgate.vocab.PublicKey;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Reads and writes actors. */
final class ActorCodec {
  private ActorCodec() {}

  static Actor read(JsonIn in, ActorType type) {
    Actor.Builder b = Actor.builder(type, in.requiredUri("id"));
    in.string("preferredUsername").ifPresent(b::preferredUsername);
    b.name(in.text("name")).summary(in.text("summary"));
    b.url(in.list("url", (v, p) -> ValueCodec.link(v, p, in.decoder())));
    b.icon(in.list("icon", (v, p) -> ValueCodec.image(v, p, in.decoder())));
    b.image(in.list("image", (v, p) -> ValueCodec.image(v, p, in.decoder())));
    in.uri("inbox").ifPresent(b::inbox);
    in.uri("outbox").ifPresent(b::outbox);
    in.uri("followers").ifPresent(b::followers);
    in.uri("following").ifPresent(b::following);
    sharedInbox(in).ifPresent(b::sharedInbox);
    in.list("publicKey", (v, p) -> publicKey(v, p, in.decoder())).forEach(b::addPublicKey);
    in.list("assertionMethod", (v, p) -> multikey(v, p, in.decoder())).forEach(b::addAssertionMethod);
    in.bool("manuallyApprovesFollowers").ifPresent(b::manuallyApprovesFollowers);
    in.bool("discoverable").ifPresent(b::discoverable);
    in.bool("indexable").ifPresent(b::indexable);
    b.attachment(in.list("attachment", (v, p) -> ValueCodec.value(v, p, in.decoder())));
    b.tag(in.list("tag", (v, p) -> ValueCodec.value(v, p, in.decoder())));
    b.alsoKnownAs(in.uris("alsoKnownAs"));
    in.uri("movedTo").ifPresent(b::movedTo);
    b.attributedTo(in.refs("attributedTo", Actor.class));
    in.instant("published").ifPresent(b::published);
    in.string("webfinger").ifPresent(b::webfinger);
    return b.extensions(in.rest()).build();
  }

  /** {@code endpoints.sharedInbox}, or a top-level {@code sharedInbox} (Mastodon reads both). */
  private static Optional<URI> sharedInbox(JsonIn in) {
    Optional<URI> topLevel = in.uri("sharedInbox");
    // Kroeg sends endpoints as the id of a separate document: it is kept as an extension, unread.
    if (in.has("endpoints") && in.peek("endpoints").isTextual()) {
      return topLevel;
    }
    Optional<URI> endpoint = in.raw("endpoints").flatMap(v -> {
      JsonIn endpoints = in.decoder().in(v, in.at("endpoints"));
      return endpoints.uri("sharedInbox");
    });
    return endpoint.or(() -> topLevel);
  }

  private static PublicKey publicKey(JsonNode node, Pointer pointer, Decoder decoder) {
    JsonIn key = decoder.in(node, pointer);
    return new PublicKey(key.requiredUri("id"), key.uri("owner"), key.requiredString("publicKeyPem"));
  }

  private static Multikey multikey(JsonNode node, Pointer pointer, Decoder decoder) {
    JsonIn key = decoder.in(node, pointer);
    key.string("type"); // read to refuse a wrong type; every assertionMethod entry is read as a Multikey
    return new Multikey(key.requiredUri("id"), key.requiredUri("controller"),
        key.requiredString("publicKeyMultibase"));
  }

  static JsonOut write(Actor actor) {
    JsonOut out = JsonOut.object().put("type", actor.type().wireName()).put("id", actor.id())
        .put("following", actor.following()).put("followers", actor.followers()).put("inbox", actor.inbox())
        .put("outbox", actor.outbox()).put("preferredUsername", actor.preferredUsername())
        .put("url", ValueCodec.links(actor.url())).text("name", actor.name())
        .put("endpoints", actor.sharedInbox().map(s -> JsonOut.object().put("sharedInbox", s).node()))
        .put("publicKey", publicKeys(actor.publicKeys()));
    ArrayNode methods = JsonNodeFactory.instance.arrayNode();
    actor.assertionMethods().forEach(m -> methods.add(JsonOut.object().put("id", m.id()).put("type", "Multikey")
        .put("controller", m.controller()).put("publicKeyMultibase", m.publicKeyMultibase()).node()));
    return out.put("assertionMethod", methods.isEmpty() ? null : methods).put("published", actor.published())
        .put("icon", images(actor.icon())).put("image", images(actor.image())).text("summary", actor.summary())
        .put("attributedTo", RefCodec.refs(actor.attributedTo()))
        .put("manuallyApprovesFollowers", actor.manuallyApprovesFollowers())
        .put("discoverable", actor.discoverable()).put("indexable", actor.indexable())
        .put("attachment", ValueCodec.values(actor.attachment())).put("tag", ValueCodec.values(actor.tag()))
        .uris("alsoKnownAs", actor.alsoKnownAs()).put("movedTo", actor.movedTo())
        .put("webfinger", actor.webfinger()).extensions(actor.extensions());
  }

  /** One key as an object (PeerTube's validator reads an object), several as an array (Mastodon reads up to 10). */
  private static JsonNode publicKeys(List<PublicKey> keys) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    keys.forEach(k -> array.add(JsonOut.object().put("id", k.id()).put("owner", k.owner())
        .put("publicKeyPem", k.publicKeyPem()).node()));
    return array.size() == 1 ? array.get(0) : array.isEmpty() ? null : array;
  }

  static ArrayNode images(List<Image> images) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    images.forEach(i -> array.add(ValueCodec.writeImage(i)));
    return images.isEmpty() ? null : array;
  }
}
