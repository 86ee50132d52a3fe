package dev.fedgate.vocab.testing;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Collection;
import dev.fedgate.vocab.Hashtag;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Infohash;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Mention;
import dev.fedgate.vocab.Multikey;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.PropertyValue;
import dev.fedgate.vocab.PublicKey;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.Tombstone;
import dev.fedgate.vocab.ValueObject;
import dev.fedgate.vocab.activity.Accept;
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
import dev.fedgate.vocab.activity.Reject;
import dev.fedgate.vocab.activity.RejectReply;
import dev.fedgate.vocab.activity.Undo;
import dev.fedgate.vocab.activity.Update;
import dev.fedgate.vocab.activity.View;
import dev.fedgate.vocab.peertube.CacheFile;
import dev.fedgate.vocab.peertube.CommentsPolicy;
import dev.fedgate.vocab.peertube.Identifier;
import dev.fedgate.vocab.peertube.Subtitle;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.Extensions;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the gateway renders, built the way it will build it: the channel, account and instance actors, a video, a
 * comment, a tombstone, one of each activity, and collections. Golden files pin their JSON.
 */
public final class Samples {
  /** The site's public base URL. */
  public static final String BASE = "https://video.example";
  /** A PEM shaped like ours; vocab never parses it. */
  public static final String PEM = "-----BEGIN PUBLIC KEY-----\n"
      + "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsamplekeyonly\n-----END PUBLIC KEY-----\n";
  /** The remote Mastodon user in the samples. */
  public static final URI ALICE = uri("https://mastodon.example/users/alice");

  static final Instant PUBLISHED = Instant.parse("2025-01-02T10:00:00Z");
  static final Instant UPDATED = Instant.parse("2025-01-02T10:05:00Z");
  static final String UUID = "9c9de5e8-0a1e-484a-b099-e80766180a6d";

  private Samples() {}

  /** {@code BASE + path} as a URI. */
  public static URI at(String path) {
    return uri(BASE + path);
  }

  /** The channel: a Group owned by the account. */
  public static Actor channel() {
    return actor(ActorType.GROUP, "/video-channels/science", "science", "Science Channel")
        .summary("Videos about science.")
        .attributedTo(List.of(Ref.of(at("/accounts/alice"))))
        .build();
  }

  /** The account: a Person with a profile field and a Multikey. */
  public static Actor account() {
    return actor(ActorType.PERSON, "/accounts/alice", "alice", "Alice")
        .summary("I film experiments.")
        .attachment(List.of(new PropertyValue("Website", "<a href=\"https://alice.example\">alice.example</a>")))
        .addAssertionMethod(new Multikey(at("/accounts/alice#ed25519-key"), at("/accounts/alice"),
            "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"))
        .build();
  }

  /** The instance actor: an Application that signs fetches and announces videos. */
  public static Actor instance() {
    return actor(ActorType.APPLICATION, "/accounts/peertube", "peertube", "video.example").build();
  }

  private static Actor.Builder actor(ActorType type, String path, String username, String name) {
    URI id = at(path);
    return Actor.builder(type, id)
        .preferredUsername(username)
        .name(name)
        .url(id)
        .inbox(uri(id + "/inbox"))
        .outbox(uri(id + "/outbox"))
        .followers(uri(id + "/followers"))
        .following(uri(id + "/following"))
        .sharedInbox(at("/inbox"))
        .addPublicKey(PublicKey.of(uri(id + "#main-key"), id, PEM))
        .icon(List.of(Image.of(at("/static/avatars/" + username + ".png"), "image/png", 120, 120)))
        .manuallyApprovesFollowers(false)
        .discoverable(true)
        .published(PUBLISHED)
        .webfinger(username + "@video.example");
  }

  /** The video, with one MP4 file, an HLS playlist, captions, a thumbnail and a storyboard. */
  public static Video video() {
    URI id = at("/videos/watch/" + UUID);
    Link mp4 = new Link(at("/static/web-videos/" + UUID + "-720.mp4"), Optional.of("video/mp4"), List.of(),
        Optional.empty(), Optional.of(720), Optional.of(1280), Optional.of(12_345_678L), Optional.of(30), List.of(),
        List.of(new PropertyValue("peertube_format_flag", "web-video")), Extensions.NONE);
    Link fragmented = new Link(at("/static/streaming-playlists/hls/" + UUID + "/720-fragmented.mp4"),
        Optional.of("video/mp4"), List.of(), Optional.empty(), Optional.of(720), Optional.of(1280),
        Optional.of(12_000_000L), Optional.of(30), List.of(), List.of(), Extensions.NONE);
    List<ValueObject> hlsTag = List.of(new Infohash("3f786850e387550fdab836ed7e6dc881de23001b"), fragmented);
    Link hls = new Link(at("/static/streaming-playlists/hls/" + UUID + "/master.m3u8"),
        Optional.of("application/x-mpegURL"), List.of(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), hlsTag, List.of(), Extensions.NONE);
    return Video.builder(id)
        .name("Measuring the speed of light with chocolate")
        .duration(Duration.ofSeconds(125))
        .uuid(UUID)
        .category(Identifier.of("15", "Science & Technology"))
        .licence(Identifier.of("1", "Attribution"))
        .language(Identifier.of("en", "English"))
        .views(12L)
        .sensitive(false)
        .waitTranscoding(false)
        .state(1)
        .commentsPolicy(CommentsPolicy.ENABLED)
        .downloadEnabled(true)
        .published(PUBLISHED)
        .updated(UPDATED)
        .tag(List.of(new Hashtag("science", Optional.empty())))
        .description("A microwave, a bar of chocolate & a ruler.\n\nThe melted spots are half a wavelength apart.")
        .subtitleLanguage(List.of(new Subtitle("en", Optional.of("English"),
            List.of(Link.of(at("/lazy-static/video-captions/" + UUID + "-en.vtt"), "text/vtt")), Extensions.NONE)))
        .icon(List.of(Image.of(at("/lazy-static/thumbnails/" + UUID + ".jpg"), "image/jpeg", 280, 157)))
        .aspectRatio(1.7778)
        .url(List.of(Link.of(id, "text/html"), mp4, hls))
        .likes(uri(id + "/likes"))
        .dislikes(uri(id + "/dislikes"))
        .shares(uri(id + "/announces"))
        .comments(uri(id + "/comments"))
        .attributedTo(List.of(Ref.of(channel().id()), Ref.of(account().id())))
        .isLiveBroadcast(false)
        .audience(Audience.publicWith(uri(channel().id() + "/followers")))
        .build();
  }

  /** A comment by the account on the video, mentioning the Mastodon user. */
  public static Note comment() {
    return Note.comment(uri(video().id() + "/comments/1"), account().id(), video().id(), "Thanks @alice!",
            Audience.publicWith(uri(account().id() + "/followers")), PUBLISHED)
        .withTag(List.of(new Mention(ALICE, Optional.of("@alice@mastodon.example"))));
  }

  /** A remote reply written in another language, with a language map. */
  public static Note remoteReply() {
    Map<String, String> content = new LinkedHashMap<>();
    content.put("fr", "<p>Très bien</p>");
    return new Note(uri(ALICE + "/statuses/1"), List.of(Ref.of(ALICE)), Optional.of(Ref.of(video().id())),
        LocalizedText.EMPTY, new LocalizedText(Optional.of("<p>Très bien</p>"), content), Optional.empty(),
        LocalizedText.EMPTY, Optional.of(false), Audience.publicWith(uri(ALICE + "/followers")), List.of(), List.of(),
        List.of(Link.of(uri("https://mastodon.example/@alice/1"))), Optional.of(PUBLISHED), Optional.empty(),
        Optional.empty(), Extensions.NONE);
  }

  /** The comment once deleted. */
  public static Tombstone tombstone() {
    return Tombstone.of(comment().id(), "Note", PUBLISHED, UPDATED);
  }

  /** One of each activity kind, by name. */
  public static Map<String, ApObject> activities() {
    URI channel = channel().id();
    URI video = video().id();
    Audience toPublic = Audience.publicWith(uri(channel + "/followers"));
    Follow follow = new Follow(Envelope.of(uri(ALICE + "#follows/1"), ALICE, Audience.NONE), Ref.of(channel));
    Map<String, ApObject> all = new LinkedHashMap<>();
    all.put("create", new Create(Envelope.of(uri(video + "/activity"), channel, toPublic), Ref.embed(video())));
    all.put("update", new Update(Envelope.of(uri(video + "/updates/1"), channel, toPublic), Ref.embed(video())));
    all.put("delete", new Delete(Envelope.of(uri(video + "/delete"), channel, toPublic), Ref.of(video)));
    all.put("announce", new Announce(Envelope.of(uri(video + "/announces/1"), instance().id(),
        Audience.publicWith(uri(instance().id() + "/followers"))), Ref.of(video)));
    all.put("follow", follow);
    all.put("accept", new Accept(Envelope.of(uri(channel + "/accepts/follows/1"), channel, Audience.NONE),
        Ref.embed(follow)));
    all.put("reject", new Reject(Envelope.of(uri(channel + "/rejects/follows/1"), channel, Audience.NONE),
        Ref.embed(follow)));
    all.put("undo", new Undo(Envelope.of(uri(ALICE + "#follows/1/undo"), ALICE, Audience.NONE), Ref.embed(follow)));
    all.put("like", new Like(Envelope.of(uri(ALICE + "#likes/1"), ALICE, Audience.NONE), Ref.of(video)));
    all.put("dislike", new Dislike(Envelope.of(at("/accounts/bob/dislikes/1"), at("/accounts/bob"),
        Audience.NONE), Ref.of(video)));
    all.put("view", new View(Envelope.of(at("/accounts/peertube/views/videos/1"), instance().id(), Audience.NONE),
        Ref.of(video), Optional.of(Instant.parse("2025-01-02T10:06:00Z")),
        Optional.of(new InteractionCounter(InteractionCounter.WATCH_ACTION, 3))));
    all.put("flag", new Flag(Envelope.of(at("/accounts/peertube/flags/1"), instance().id(), Audience.NONE),
        List.of(Ref.of(video)), LocalizedText.of("Spam in the description")));
    all.put("move", new Move(Envelope.of(uri(ALICE + "#moves/1"), ALICE, Audience.NONE), Ref.of(ALICE),
        Optional.of(uri("https://new.example/users/alice"))));
    all.put("block", new Block(Envelope.of(uri(channel + "/blocks/1"), channel, Audience.NONE), Ref.of(ALICE)));
    all.put("approve-reply", new ApproveReply(Envelope.of(uri(account().id() + "/approve-reply/1"), account().id(),
        Audience.NONE), Ref.of(remoteReply().id()), Optional.of(video)));
    all.put("reject-reply", new RejectReply(Envelope.of(uri(account().id() + "/reject-reply/1"), account().id(),
        Audience.NONE), Ref.of(remoteReply().id()), Optional.of(video)));
    return all;
  }

  /** Every rendered document, by golden-file name. */
  public static Map<String, ApObject> all() {
    Map<String, ApObject> all = new LinkedHashMap<>();
    all.put("video", video());
    all.put("group", channel());
    all.put("person", account());
    all.put("application", instance());
    all.put("note", comment());
    all.put("note-language-map", remoteReply());
    all.put("tombstone", tombstone());
    activities().forEach((name, activity) -> all.put("activity-" + name, activity));
    URI followers = uri(channel().id() + "/followers");
    all.put("followers", Collection.orderedSummary(followers, 2, uri(followers + "?page=1")));
    all.put("followers-page", Collection.orderedPage(uri(followers + "?page=1"), followers, 2,
        List.of(Ref.of(ALICE), Ref.of(uri("https://peertube.example/accounts/bob"))), Optional.empty()));
    all.put("cache-file", new CacheFile(at("/redundancy/videos/" + UUID + "/720"), Ref.of(video().id()),
        Optional.of(Instant.parse("2025-02-01T00:00:00Z")),
        List.of(Link.of(at("/static/redundancy/" + UUID + "-720.mp4"), "video/mp4")), Extensions.NONE));
    return all;
  }

  private static URI uri(String value) {
    return URI.create(value);
  }
}
