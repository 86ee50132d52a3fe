package dev.fedgate.testkit.peers;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.InstantSource;

/**
 * How one kind of peer spells its documents and activities and where it delivers them, taken from
 * {@code shared/reference/mastodon.md} and {@code peertube.md}: {@link #mastodon()} or {@link #peerTube()}.
 */
public sealed interface PeerProfile permits MastodonProfile, PeerTubeProfile {
  /** The ActivityStreams namespace, also the {@code Public} collection's prefix. */
  String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";
  /** The public audience. */
  String PUBLIC = ACTIVITY_STREAMS + "#Public";

  /** Mastodon: {@code /users/<name>}, instance actor {@code /actor}, Follow/Like/Undo to personal inboxes. */
  static MastodonProfile mastodon() {
    return mastodon(InstantSource.system());
  }

  /** Mastodon, dating its activities by {@code clock}. */
  static MastodonProfile mastodon(InstantSource clock) {
    return new MastodonProfile(clock);
  }

  /** PeerTube: {@code /accounts/<name>} and {@code /video-channels/<name>}, shared inboxes for everything else. */
  static PeerTubeProfile peerTube() {
    return peerTube(InstantSource.system());
  }

  /** PeerTube, dating its activities and videos by {@code clock}. */
  static PeerTubeProfile peerTube(InstantSource clock) {
    return new PeerTubeProfile(clock);
  }

  /** NodeInfo's {@code software.name}. */
  String software();

  /** The path of an actor of {@code type} named {@code name} on this peer. */
  String actorPath(String type, String name);

  /** The instance actor's name and type, created with every simulated instance. */
  String instanceActorName();

  /** The instance actor's ActivityStreams type. */
  String instanceActorType();

  /** The actor document this peer serves for {@code actor}. */
  JsonObject actorDocument(SimulatedActor actor, URI sharedInbox);

  /** {@code Follow} of {@code object} by {@code actor}. */
  JsonObject follow(SimulatedActor actor, URI object);

  /** {@code Accept} of a {@code Follow} that {@code actor} received, with the Follow embedded. */
  JsonObject accept(SimulatedActor actor, JsonObject follow);

  /** {@code Undo} of one of {@code actor}'s own activities, embedded. */
  JsonObject undo(SimulatedActor actor, JsonObject activity);

  /** {@code Create{Note}}: a public reply to {@code inReplyTo}, addressed to and mentioning {@code author}. */
  JsonObject reply(SimulatedActor actor, URI inReplyTo, URI author, String text);

  /** {@code Like} of {@code object}. */
  JsonObject like(SimulatedActor actor, URI object);

  /** {@code Announce} (boost, share) of {@code object} written by {@code author}. */
  JsonObject announce(SimulatedActor actor, URI object, URI author);

  /** {@code Delete} of {@code actor}'s own {@code object}. */
  JsonObject delete(SimulatedActor actor, URI object);

  /** {@code Update} of {@code actor}'s own actor document (a profile change or a key rotation), embedded. */
  JsonObject updateActor(SimulatedActor actor, JsonObject document);

  /** The inbox this peer posts {@code activity} to, given the recipient's actor document. */
  URI inboxFor(JsonObject activity, JsonObject recipient);

  /** The personal inbox of an actor document. */
  static URI personalInbox(JsonObject recipient) {
    return URI.create(recipient.getString("inbox"));
  }

  /** The shared inbox of an actor document, else its personal one ({@code sharedInboxUrl || inboxUrl}). */
  static URI sharedOrPersonalInbox(JsonObject recipient) {
    JsonObject endpoints = recipient.getJsonObject("endpoints");
    String shared = endpoints == null ? null : endpoints.getString("sharedInbox");
    return shared == null ? personalInbox(recipient) : URI.create(shared);
  }

  /** The activity skeleton both peers send: {@code @context}, {@code id}, {@code type}, {@code actor}. */
  static JsonObject activity(Object context, URI id, String type, SimulatedActor actor) {
    return new JsonObject().put("@context", context).put("id", id.toString()).put("type", type)
        .put("actor", actor.id().toString());
  }

  /** The {@code publicKey} block both peers publish: SPKI PEM, owned by the actor. */
  static JsonObject publicKey(SimulatedActor actor) {
    return new JsonObject().put("id", actor.keyId()).put("owner", actor.id().toString())
        .put("publicKeyPem", actor.keys().publicKey().toPem());
  }

  /** A JSON array of strings. */
  static JsonArray strings(Object... values) {
    JsonArray array = new JsonArray();
    for (Object value : values) {
      array.add(value.toString());
    }
    return array;
  }
}
