package dev.fedgate.gateway.mapping;

import dev.fedgate.gateway.storage.ActorKind;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ActivityPub ids of everything local, in PeerTube's URL scheme under the public base URL (DESIGN.md "Actor and
 * object URLs"). Ids are stable forever and carry no {@code #} fragment except key ids, because PeerTube refetches
 * objects by id. {@link #parse} is the inverse, for recognising our own ids in inbound activities.
 */
public final class LocalUrls {
  /** The instance actor's name: PeerTube's, so PeerTube instances that follow "the server" find what they expect. */
  public static final String INSTANCE_ACTOR_NAME = "peertube";

  private static final Pattern ACTOR_PATH = Pattern.compile("^/(accounts|video-channels)/([^/?#]+)$");
  private static final Pattern REPLY_KEY = Pattern.compile("[0-9a-f]{16}");

  private final URI base;
  private final String host;

  /** Ids under {@code base}, which has scheme, host and optional port only (as configuration guarantees). */
  public LocalUrls(URI base) {
    this.base = Objects.requireNonNull(base, "base");
    this.host = base.getPort() < 0 ? base.getHost() : base.getHost() + ":" + base.getPort();
  }

  /** The public base URL, without a trailing slash. */
  public URI base() {
    return base;
  }

  /** The host as WebFinger handles spell it: with the port when the base URL has one. */
  public String webfingerHost() {
    return host;
  }

  /** The id of a local actor of {@code kind} named {@code name}. */
  public URI actor(ActorKind kind, String name) {
    return kind == ActorKind.CHANNEL ? channel(name) : account(name);
  }

  /** A channel's {@code Group} id. */
  public URI channel(String name) {
    return under("/video-channels/" + encode(name));
  }

  /** An account's {@code Person} id; the instance actor lives here too, as on PeerTube. */
  public URI account(String name) {
    return under("/accounts/" + encode(name));
  }

  /** The instance {@code Application} actor's id. */
  public URI instanceActor() {
    return account(INSTANCE_ACTOR_NAME);
  }

  /** The id of an actor's main (RSA) public key. */
  public static URI mainKey(URI actor) {
    return URI.create(actor + "#main-key");
  }

  /** An actor's personal inbox. */
  public static URI inbox(URI actor) {
    return URI.create(actor + "/inbox");
  }

  /** An actor's outbox. */
  public static URI outbox(URI actor) {
    return URI.create(actor + "/outbox");
  }

  /** An actor's followers collection. */
  public static URI followers(URI actor) {
    return URI.create(actor + "/followers");
  }

  /** An actor's following collection. */
  public static URI following(URI actor) {
    return URI.create(actor + "/following");
  }

  /** The shared inbox of the whole gateway. */
  public URI sharedInbox() {
    return under("/inbox");
  }

  /** A video's {@code Video} id. */
  public URI video(UUID uuid) {
    return under("/videos/watch/" + uuid);
  }

  /**
   * The {@code Note} id of a local account's reply to remote content, {@code <account>/replies/<key>}; empty when
   * {@code key} is not 16 lower-case hex digits, so a malformed path names nothing.
   */
  public Optional<URI> reply(String account, String key) {
    return REPLY_KEY.matcher(key).matches() ? Optional.of(URI.create(account(account) + "/replies/" + key))
        : Optional.empty();
  }

  /** A comment's {@code Note} id. */
  public URI comment(UUID video, long commentId) {
    return URI.create(video(video) + "/comments/" + commentId);
  }

  /** A video's comments collection. */
  public URI videoComments(UUID uuid) {
    return URI.create(video(uuid) + "/comments");
  }

  /** A video's likes collection. */
  public URI videoLikes(UUID uuid) {
    return URI.create(video(uuid) + "/likes");
  }

  /** A video's dislikes collection. */
  public URI videoDislikes(UUID uuid) {
    return URI.create(video(uuid) + "/dislikes");
  }

  /** A video's shares collection, at PeerTube's path ({@code /announces}). */
  public URI videoShares(UUID uuid) {
    return URI.create(video(uuid) + "/announces");
  }

  /**
   * The id of an activity about a local object, {@code <object>/activity/<verb>}: stable, so a repeated publication
   * is de-duplicated by receivers.
   */
  public static URI activity(URI object, String verb) {
    return URI.create(object + "/activity/" + verb);
  }

  /**
   * The id of one version of an activity, {@code <object>/activity/<verb>/<epoch millis>}: each change of the object
   * gets its own {@code Update} id, and repeating the same change keeps it.
   */
  public static URI activity(URI object, String verb, Instant version) {
    return URI.create(activity(object, verb) + "/" + version.toEpochMilli());
  }

  /** A local actor named in {@code id}, if {@code id} is one of our actor ids (exactly, without query or fragment). */
  public Optional<ActorRef> parseActor(URI id) {
    if (!isLocal(id) || id.getRawQuery() != null || id.getRawFragment() != null) {
      return Optional.empty();
    }
    Matcher m = ACTOR_PATH.matcher(id.getRawPath() == null ? "" : id.getRawPath());
    if (!m.matches()) {
      return Optional.empty();
    }
    String name = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    return Optional.of(new ActorRef(m.group(1).equals("video-channels") ? ActorKind.CHANNEL : ActorKind.ACCOUNT, name));
  }

  /** Whether {@code id} is on our host (same scheme, host and port as the base URL). */
  public boolean isLocal(URI id) {
    return id != null && base.getScheme().equalsIgnoreCase(String.valueOf(id.getScheme()))
        && base.getHost().equalsIgnoreCase(String.valueOf(id.getHost())) && base.getPort() == id.getPort();
  }

  private URI under(String path) {
    return URI.create(base + path);
  }

  private static String encode(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  /**
   * A local actor named by an id: {@code kind} is {@code CHANNEL} for {@code /video-channels/}, otherwise
   * {@code ACCOUNT} (the instance actor lives under {@code /accounts/} and is told apart by name).
   */
  public record ActorRef(ActorKind kind, String name) {}
}
