package dev.fedgate.testkit.peers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * PeerTube's shapes (reference peertube.md §1.2, §2.1, §3.1, §4.2, §8): ids derived from the object or actor URL,
 * {@code Follow} to the target's inbox, everything else to {@code sharedInboxUrl || inboxUrl}, and {@link #video}
 * for serving a {@code Video} as PeerTube emits it.
 */
public final class PeerTubeProfile implements PeerProfile {
  /** PeerTube's base context plus the typed terms its Video, actor and comment contexts add (reference §2.4). */
  private static final JsonArray CONTEXT = new JsonArray().add(ACTIVITY_STREAMS).add("https://w3id.org/security/v1")
      .add(new JsonObject().put("RsaSignature2017", "https://w3id.org/security#RsaSignature2017")
          .put("pt", "https://joinpeertube.org/ns#").put("sc", "http://schema.org/")
          .put("Hashtag", "as:Hashtag").put("sensitive", "as:sensitive").put("category", "sc:category")
          .put("licence", "sc:license").put("language", "sc:inLanguage").put("identifier", "sc:identifier")
          .put("isLiveBroadcast", "sc:isLiveBroadcast").put("uuid", typed("pt:uuid", "sc:identifier"))
          .put("views", typed("pt:views", "sc:Number")).put("state", typed("pt:state", "sc:Number"))
          .put("size", typed("pt:size", "sc:Number")).put("fps", typed("pt:fps", "sc:Number"))
          .put("commentsPolicy", typed("pt:commentsPolicy", "sc:Number"))
          .put("downloadEnabled", typed("pt:downloadEnabled", "sc:Boolean"))
          .put("waitTranscoding", typed("pt:waitTranscoding", "sc:Boolean"))
          .put("comments", typed("as:comments", "@id")).put("playlists", typed("pt:playlists", "@id")));

  private final InstantSource clock;

  PeerTubeProfile(InstantSource clock) {
    this.clock = clock;
  }

  private static JsonObject typed(String id, String type) {
    return new JsonObject().put("@id", id).put("@type", type);
  }

  @Override
  public String software() {
    return "peertube";
  }

  @Override
  public String actorPath(String type, String name) {
    return ("Group".equals(type) ? "/video-channels/" : "/accounts/") + name;
  }

  @Override
  public String instanceActorName() {
    return "peertube";
  }

  @Override
  public String instanceActorType() {
    return "Application";
  }

  @Override
  public JsonObject actorDocument(SimulatedActor actor, URI sharedInbox) {
    JsonObject document = new JsonObject().put("@context", CONTEXT.copy())
        .put("type", actor.type()).put("id", actor.id().toString())
        .put("following", actor.following().toString()).put("followers", actor.followers().toString())
        .put("playlists", actor.id() + "/playlists")
        .put("inbox", actor.inbox().toString()).put("outbox", actor.outbox().toString())
        .put("preferredUsername", actor.name()).put("url", actor.id().toString()).put("name", actor.name())
        .put("endpoints", new JsonObject().put("sharedInbox", sharedInbox.toString()))
        .put("publicKey", PeerProfile.publicKey(actor)).put("published", Instant.EPOCH.toString());
    if ("Group".equals(actor.type())) {
      // A Group must name its owning Person on the same host (§3.2); the simulated owner is the instance's root.
      document.put("attributedTo", new JsonArray().add(new JsonObject().put("type", "Person")
          .put("id", actor.id().resolve("/accounts/root").toString())));
    }
    return document;
  }

  @Override
  public JsonObject follow(SimulatedActor actor, URI object) {
    return PeerProfile.activity(CONTEXT.copy(), URI.create(actor.id() + "/follows/" + UUID.randomUUID()), "Follow",
        actor).put("object", object.toString());
  }

  @Override
  public JsonObject accept(SimulatedActor actor, JsonObject follow) {
    JsonObject inner = follow.copy();
    inner.remove("@context");
    return PeerProfile.activity(CONTEXT.copy(), URI.create(actor.id() + "/accepts/follows/" + UUID.randomUUID()),
        "Accept", actor).put("object", inner);
  }

  @Override
  public JsonObject undo(SimulatedActor actor, JsonObject activity) {
    JsonObject inner = activity.copy();
    inner.remove("@context");
    return PeerProfile.activity(CONTEXT.copy(), URI.create(activity.getString("id") + "/undo"), "Undo", actor)
        .put("object", inner);
  }

  @Override
  public JsonObject reply(SimulatedActor actor, URI inReplyTo, URI author, String text) {
    URI note = actor.id().resolve("/videos/watch/" + UUID.randomUUID() + "/comments/1");
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    JsonArray to = PeerProfile.strings(PUBLIC);
    JsonArray cc = PeerProfile.strings(actor.followers());
    JsonObject object = new JsonObject().put("type", "Note").put("id", note.toString()).put("url", note.toString())
        .put("content", text).put("mediaType", "text/markdown").put("inReplyTo", inReplyTo.toString())
        .put("published", now).put("updated", now).put("attributedTo", actor.id().toString())
        .put("to", to.copy()).put("cc", cc.copy())
        .put("tag", new JsonArray().add(new JsonObject().put("type", "Mention").put("href", author.toString())
            .put("name", "@" + author.getPath().replaceAll(".*/", "") + "@" + author.getAuthority())));
    return PeerProfile.activity(CONTEXT.copy(), URI.create(note + "/activity"), "Create", actor)
        .put("to", to).put("cc", cc).put("object", object);
  }

  @Override
  public JsonObject like(SimulatedActor actor, URI object) {
    return PeerProfile.activity(CONTEXT.copy(), URI.create(actor.id() + "/likes/" + UUID.randomUUID()), "Like",
        actor).put("object", object.toString());
  }

  @Override
  public JsonObject announce(SimulatedActor actor, URI object, URI author) {
    // getLocalVideoAnnounceActivityPubUrl: under the announcer's own host, /videos/watch/<video>/announces/<actor>.
    String video = object.getPath().substring(object.getPath().lastIndexOf('/') + 1);
    URI id = actor.id().resolve("/videos/watch/" + video + "/announces/" + actor.name());
    return PeerProfile.activity(CONTEXT.copy(), id, "Announce", actor)
        .put("to", PeerProfile.strings(PUBLIC, actor.followers())).put("cc", new JsonArray())
        .put("object", object.toString());
  }

  @Override
  public JsonObject updateActor(SimulatedActor actor, JsonObject document) {
    // getUpdateActivityPubUrl: <actor>/updates/<updatedAt>.
    return PeerProfile.activity(CONTEXT.copy(), URI.create(actor.id() + "/updates/"
        + clock.instant().truncatedTo(ChronoUnit.SECONDS)), "Update", actor)
        .put("to", PeerProfile.strings(PUBLIC)).put("object", document.copy());
  }

  /**
   * PeerTube's aggregated {@code View} (reference peertube.md §1.1): {@code views} views of {@code video}, sent by the
   * server actor with {@code result.userInteractionCount}.
   */
  public JsonObject view(SimulatedActor actor, URI video, long views) {
    return PeerProfile.activity(CONTEXT.copy(), URI.create(actor.id() + "/views/videos/" + UUID.randomUUID()), "View",
        actor).put("object", video.toString()).put("result", new JsonObject().put("type", "InteractionCounter")
            .put("interactionType", "WatchAction").put("userInteractionCount", views));
  }

  @Override
  public JsonObject delete(SimulatedActor actor, URI object) {
    return PeerProfile.activity(CONTEXT.copy(), URI.create(object + "/delete"), "Delete", actor)
        .put("to", PeerProfile.strings(PUBLIC)).put("object", object.toString());
  }

  @Override
  public URI inboxFor(JsonObject activity, JsonObject recipient) {
    return "Follow".equals(activity.getString("type")) ? PeerProfile.personalInbox(recipient)
        : PeerProfile.sharedOrPersonalInbox(recipient);
  }

  /**
   * A {@code Video} as PeerTube emits it (§2.1) that passes PeerTube's own acceptance rules: published by
   * {@code channel}, attributed to the channel and its owner, with an icon, an mp4 file and the watch page.
   */
  public JsonObject video(SimulatedActor channel, UUID uuid, String name, Duration duration) {
    URI id = channel.id().resolve("/videos/watch/" + uuid);
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    return new JsonObject().put("@context", CONTEXT.copy()).put("type", "Video").put("id", id.toString())
        .put("name", name).put("duration", "PT" + duration.toSeconds() + "S").put("uuid", uuid.toString())
        .put("views", 0).put("sensitive", false).put("commentsPolicy", 1).put("state", 1)
        .put("waitTranscoding", false).put("downloadEnabled", true).put("isLiveBroadcast", false)
        .put("published", now).put("updated", now).put("mediaType", "text/markdown")
        .put("content", "A simulated video.")
        .put("icon", new JsonArray().add(new JsonObject().put("type", "Image")
            .put("url", id.resolve("/lazy-static/thumbnails/" + uuid + ".jpg").toString())
            .put("mediaType", "image/jpeg").put("width", 280).put("height", 157)))
        .put("url", new JsonArray()
            .add(new JsonObject().put("type", "Link").put("mediaType", "text/html").put("href", id.toString()))
            .add(new JsonObject().put("type", "Link").put("mediaType", "video/mp4")
                .put("href", id.resolve("/static/web-videos/" + uuid + "-720.mp4").toString())
                .put("height", 720).put("size", 1_000_000).put("fps", 30)))
        .put("attributedTo", new JsonArray()
            .add(new JsonObject().put("type", "Person").put("id", id.resolve("/accounts/root").toString()))
            .add(new JsonObject().put("type", "Group").put("id", channel.id().toString())))
        .put("to", PeerProfile.strings(PUBLIC)).put("cc", PeerProfile.strings(channel.followers()));
  }
}
