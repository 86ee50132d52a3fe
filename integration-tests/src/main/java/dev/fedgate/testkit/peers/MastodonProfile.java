package dev.fedgate.testkit.peers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Mastodon's shapes (reference mastodon.md §(b), §(d), §(e)) and its personal/shared inbox choice (§(g)). */
public final class MastodonProfile implements PeerProfile {
  /** Activities Mastodon sends to the recipient's personal inbox; everything else goes to the shared one. */
  private static final Set<String> PERSONAL = Set.of("Follow", "Undo", "Like", "Block", "Accept", "Reject", "Flag");
  private static final JsonArray NOTE_CONTEXT = new JsonArray().add(ACTIVITY_STREAMS).add(new JsonObject()
      .put("ostatus", "http://ostatus.org#").put("atomUri", "ostatus:atomUri")
      .put("inReplyToAtomUri", "ostatus:inReplyToAtomUri").put("conversation", "ostatus:conversation")
      .put("sensitive", "as:sensitive").put("toot", "http://joinmastodon.org/ns#"));

  private final AtomicLong serial = new AtomicLong(113_000_000_000_000_000L);

  private final InstantSource clock;

  MastodonProfile(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public String software() {
    return "mastodon";
  }

  @Override
  public String actorPath(String type, String name) {
    return "/users/" + name;
  }

  @Override
  public String instanceActorName() {
    return "mastodon.internal";
  }

  @Override
  public String instanceActorType() {
    return "Application";
  }

  @Override
  public JsonObject actorDocument(SimulatedActor actor, URI sharedInbox) {
    return new JsonObject()
        .put("@context", new JsonArray().add(ACTIVITY_STREAMS).add("https://w3id.org/security/v1"))
        .put("id", actor.id().toString()).put("type", actor.type())
        .put("following", actor.following().toString()).put("followers", actor.followers().toString())
        .put("inbox", actor.inbox().toString()).put("outbox", actor.outbox().toString())
        .put("preferredUsername", actor.name()).put("name", actor.name()).put("summary", "")
        .put("url", actor.id().resolve("/@" + actor.name()).toString())
        .put("manuallyApprovesFollowers", false).put("discoverable", true)
        .put("published", Instant.EPOCH.toString())
        .put("publicKey", PeerProfile.publicKey(actor))
        .put("endpoints", new JsonObject().put("sharedInbox", sharedInbox.toString()));
  }

  @Override
  public JsonObject follow(SimulatedActor actor, URI object) {
    // TagManager#generate_uri_for: https://host/<uuid>.
    return PeerProfile.activity(ACTIVITY_STREAMS, actor.id().resolve("/" + UUID.randomUUID()), "Follow", actor)
        .put("object", object.toString());
  }

  @Override
  public JsonObject accept(SimulatedActor actor, JsonObject follow) {
    return PeerProfile.activity(ACTIVITY_STREAMS, URI.create(actor.id() + "#accepts/follows/" + next()), "Accept",
        actor).put("object", follow.copy());
  }

  @Override
  public JsonObject undo(SimulatedActor actor, JsonObject activity) {
    String kind = activity.getString("type").toLowerCase(Locale.ROOT) + "s";
    JsonObject inner = activity.copy();
    inner.remove("@context");
    return PeerProfile.activity(ACTIVITY_STREAMS, URI.create(actor.id() + "#" + kind + "/" + next() + "/undo"), "Undo",
        actor).put("object", inner);
  }

  @Override
  public JsonObject reply(SimulatedActor actor, URI inReplyTo, URI author, String text) {
    URI note = URI.create(actor.id() + "/statuses/" + next());
    String published = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    JsonArray to = PeerProfile.strings(PUBLIC);
    JsonArray cc = PeerProfile.strings(actor.followers(), author);
    JsonObject object = new JsonObject().put("id", note.toString()).put("type", "Note").putNull("summary")
        .put("inReplyTo", inReplyTo.toString()).put("published", published)
        .put("url", actor.id().resolve("/@" + actor.name() + "/" + note.getPath().replaceAll(".*/", "")).toString())
        .put("attributedTo", actor.id().toString()).put("to", to.copy()).put("cc", cc.copy()).put("sensitive", false)
        .put("atomUri", note.toString()).put("inReplyToAtomUri", inReplyTo.toString())
        .put("content", "<p><span class=\"h-card\" translate=\"no\"><a href=\"" + author
            + "\" class=\"u-url mention\">@<span>" + lastSegment(author) + "</span></a></span> " + text + "</p>")
        .put("contentMap", new JsonObject().put("en", text)).put("attachment", new JsonArray())
        .put("tag", new JsonArray().add(new JsonObject().put("type", "Mention").put("href", author.toString())
            .put("name", "@" + lastSegment(author) + "@" + authority(author))));
    return PeerProfile.activity(NOTE_CONTEXT.copy(), URI.create(note + "/activity"), "Create", actor)
        .put("published", published).put("to", to).put("cc", cc).put("object", object);
  }

  @Override
  public JsonObject like(SimulatedActor actor, URI object) {
    return PeerProfile.activity(ACTIVITY_STREAMS, URI.create(actor.id() + "#likes/" + next()), "Like", actor)
        .put("object", object.toString());
  }

  @Override
  public JsonObject announce(SimulatedActor actor, URI object, URI author) {
    return PeerProfile.activity(ACTIVITY_STREAMS, URI.create(actor.id() + "/statuses/" + next() + "/activity"),
            "Announce", actor)
        .put("published", clock.instant().truncatedTo(ChronoUnit.SECONDS).toString())
        .put("to", PeerProfile.strings(PUBLIC)).put("cc", PeerProfile.strings(author, actor.followers()))
        .put("object", object.toString());
  }

  @Override
  public JsonObject updateActor(SimulatedActor actor, JsonObject document) {
    // ActivityPub::UpdateSerializer: <actor>#updates/<epoch seconds>, to Public.
    return PeerProfile.activity(ACTIVITY_STREAMS, URI.create(actor.id() + "#updates/"
        + clock.instant().getEpochSecond()), "Update", actor)
        .put("to", PeerProfile.strings(PUBLIC)).put("object", document.copy());
  }

  @Override
  public JsonObject delete(SimulatedActor actor, URI object) {
    return PeerProfile.activity(ACTIVITY_STREAMS, URI.create(object + "#delete"), "Delete", actor)
        .put("to", PeerProfile.strings(PUBLIC))
        .put("object", new JsonObject().put("id", object.toString()).put("type", "Tombstone")
            .put("atomUri", object.toString()));
  }

  @Override
  public URI inboxFor(JsonObject activity, JsonObject recipient) {
    return PERSONAL.contains(activity.getString("type")) ? PeerProfile.personalInbox(recipient)
        : PeerProfile.sharedOrPersonalInbox(recipient);
  }

  private long next() {
    return serial.incrementAndGet();
  }

  private static String lastSegment(URI uri) {
    String path = uri.getPath();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String authority(URI uri) {
    return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
  }
}
