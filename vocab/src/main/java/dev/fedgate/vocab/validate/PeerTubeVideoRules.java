package dev.fedgate.vocab.validate;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.Hashtag;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.SensitiveTag;
import dev.fedgate.vocab.ValueObject;
import dev.fedgate.vocab.peertube.CommentsPolicy;
import dev.fedgate.vocab.peertube.Subtitle;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.peertube.VideoBuilder;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * PeerTube's acceptance rules for a fetched Video: {@code sanitizeAndCheckVideoTorrentObject} in
 * {@code server/core/helpers/custom-validators/activitypub/videos.ts} (reference peertube.md §2.2).
 */
public final class PeerTubeVideoRules {
  private static final Set<String> ICON_TYPES =
      Set.of("image/png", "image/gif", "image/webp", "image/jpg", "image/jpeg");
  private static final Set<String> FILE_TYPES = Set.of("video/mp4", "video/ogg", "video/webm", "audio/mp4");
  private static final Pattern INTEGER = Pattern.compile("\\d+");

  /** {@code isActivityPubUrlValid(id)}: http(s), at most 2000 characters; refuse. */
  public static final Rule<Video> ID = new Rule<>("peertube.video.id", (v, f) -> {
    if (!WebUrls.valid(v.id())) {
      f.refuse("/id", "must be an http(s) URL of at most 2000 characters");
    }
    return v;
  });

  /** {@code isVideoNameValid}: 3 to 120 characters; refuse. */
  public static final Rule<Video> NAME = new Rule<>("peertube.video.name", (v, f) -> {
    int length = v.name().best().map(String::length).orElse(0);
    if (length < 3 || length > 120) {
      f.refuse("/name", "must be 3 to 120 characters");
    }
    return v;
  });

  /** {@code isVideoDurationValid}: present (the reader already holds it to {@code PT<seconds>S}); refuse. */
  public static final Rule<Video> DURATION = new Rule<>("peertube.video.duration", (v, f) -> {
    if (v.duration().isEmpty()) {
      f.refuse("/duration", "is required, as PT<seconds>S");
    }
    return v;
  });

  /** {@code isUUIDValid(uuid)}; refuse. */
  public static final Rule<Video> UUID_VALID = new Rule<>("peertube.video.uuid", (v, f) -> {
    if (v.uuid().filter(PeerTubeVideoRules::isUuid).isEmpty()) {
      f.refuse("/uuid", "must be a UUID");
    }
    return v;
  });

  /** {@code views}: an integer of at least 0, required; refuse. */
  public static final Rule<Video> VIEWS = new Rule<>("peertube.video.views", (v, f) -> {
    if (v.views().filter(n -> n >= 0).isEmpty()) {
      f.refuse("/views", "must be an integer >= 0");
    }
    return v;
  });

  /** {@code isDateValid(published)} and {@code isDateValid(updated)}: both required; refuse. */
  public static final Rule<Video> DATES = new Rule<>("peertube.video.dates", (v, f) -> {
    if (v.published().isEmpty()) {
      f.refuse("/published", "is required");
    }
    if (v.updated().isEmpty()) {
      f.refuse("/updated", "is required");
    }
    return v;
  });

  /** {@code category.identifier}: an integer string when present; refuse. */
  public static final Rule<Video> CATEGORY = new Rule<>("peertube.video.category", (v, f) -> {
    if (v.category().filter(c -> !INTEGER.matcher(c.identifier()).matches()).isPresent()) {
      f.refuse("/category/identifier", "must be an integer string");
    }
    return v;
  });

  /** {@code licence.identifier}: an integer string; an SPDX id PeerTube cannot map becomes undefined; adjust. */
  public static final Rule<Video> LICENCE = new Rule<>("peertube.video.licence", (v, f) -> {
    if (v.licence().filter(l -> !INTEGER.matcher(l.identifier()).matches()).isPresent()) {
      f.adjust("/licence", "dropped: not a PeerTube licence number");
      return v.toBuilder().licence(null).build();
    }
    return v;
  });

  /** {@code attributedTo}: arrayified, keeps ids and Group/Person objects, must not be empty; refuse. */
  public static final Rule<Video> ATTRIBUTED_TO = new Rule<>("peertube.video.attributed-to", (v, f) -> {
    List<Ref<Actor>> kept = v.attributedTo().stream().filter(r -> r.embedded()
        .map(a -> a.type() == ActorType.GROUP || a.type() == ActorType.PERSON).orElse(true)).toList();
    if (kept.isEmpty()) {
      f.refuse("/attributedTo", "must name the channel (Group) and its account (Person)");
      return v;
    }
    return kept.size() == v.attributedTo().size() ? v : adjusted(f, "/attributedTo",
        "kept only ids and Group/Person objects", v.toBuilder().attributedTo(kept).build());
  });

  /** {@code icon}: keeps Images with an http(s) url, an image media type and sizes; at least one; refuse. */
  public static final Rule<Video> ICON = new Rule<>("peertube.video.icon", (v, f) -> {
    List<Image> kept = v.icon().stream().filter(PeerTubeVideoRules::isIcon).toList();
    if (kept.isEmpty()) {
      f.refuse("/icon", "needs at least one Image with url, mediaType image/png|gif|webp|jpeg, width and height");
      return v;
    }
    return kept.size() == v.icon().size() ? v
        : adjusted(f, "/icon", "dropped invalid icons", v.toBuilder().icon(kept).build());
  });

  /** {@code url}: entries that are not a file, torrent, magnet, HLS playlist, tracker or metadata are dropped. */
  public static final Rule<Video> URL = new Rule<>("peertube.video.url", (v, f) -> {
    List<Link> kept = v.url().stream().filter(PeerTubeVideoRules::isRemoteVideoUrl).toList();
    return kept.size() == v.url().size() ? v : adjusted(f, "/url",
        "dropped " + (v.url().size() - kept.size()) + " entries PeerTube does not use (e.g. text/html pages)",
        v.toBuilder().url(kept).build());
  });

  /** {@code tag}: keeps Hashtags of 2 to 30 characters and SensitiveTags with a name; adjust. */
  public static final Rule<Video> TAG = new Rule<>("peertube.video.tag", (v, f) -> {
    List<ValueObject> kept = v.tag().stream().filter(t -> t instanceof Hashtag h
        ? h.name().length() >= 2 && h.name().length() <= 30 : t instanceof SensitiveTag).toList();
    return kept.size() == v.tag().size() ? v
        : adjusted(f, "/tag", "dropped tags PeerTube does not keep", v.toBuilder().tag(kept).build());
  });

  /** {@code content}: needs {@code mediaType} text/markdown or text/html (refuse), is cut at 10000 (adjust). */
  public static final Rule<Video> CONTENT = new Rule<>("peertube.video.content", (v, f) -> {
    if (v.content().best().isEmpty()) {
      return v;
    }
    if (!v.mediaType().filter(t -> t.equals("text/markdown") || t.equals("text/html")).isPresent()) {
      f.refuse("/mediaType", "must be text/markdown or text/html when content is present");
    }
    String content = v.content().best().get();
    if (content.length() < 3) {
      f.refuse("/content", "must be at least 3 characters");
    }
    return content.length() <= 10_000 ? v : adjusted(f, "/content", "truncated to 10000 characters",
        v.toBuilder().content(LocalizedText.of(content.substring(0, 10_000))).build());
  });

  /** {@code subtitleLanguage}: items without a text/vtt or HLS url are dropped (newest validator); adjust. */
  public static final Rule<Video> SUBTITLES = new Rule<>("peertube.video.subtitle-language", (v, f) -> {
    List<Subtitle> kept = v.subtitleLanguage().stream().filter(s -> s.url().stream().anyMatch(l ->
        l.hasMediaType("text/vtt") || l.hasMediaType("application/x-mpegURL")
            || l.mediaType().isEmpty() && l.href().getPath() != null && l.href().getPath().endsWith(".vtt")))
        .toList();
    return kept.size() == v.subtitleLanguage().size() ? v : adjusted(f, "/subtitleLanguage",
        "dropped captions without a text/vtt or HLS url", v.toBuilder().subtitleLanguage(kept).build());
  });

  /** {@code commentsPolicy}: missing or unknown becomes 2, DISABLED (newest validator); adjust. */
  public static final Rule<Video> COMMENTS_POLICY = new Rule<>("peertube.video.comments-policy", (v, f) -> {
    if (v.knownCommentsPolicy().isPresent()) {
      return v;
    }
    f.adjust("/commentsPolicy", "missing or unknown: PeerTube disables comments");
    return v.toBuilder().commentsPolicy(CommentsPolicy.DISABLED).build();
  });

  /**
   * The sanitizer's defaults: {@code state} 1, {@code waitTranscoding} false, {@code downloadEnabled} true,
   * {@code sensitive}, {@code isLiveBroadcast}, {@code liveSaveReplay}, {@code permanentLive} false; adjust.
   */
  public static final Rule<Video> DEFAULTS = new Rule<>("peertube.video.defaults", (v, f) -> {
    VideoBuilder b = v.toBuilder();
    boolean changed = defaulted(f, "/state", v.state().isEmpty(), () -> b.state(1))
        | defaulted(f, "/waitTranscoding", v.waitTranscoding().isEmpty(), () -> b.waitTranscoding(false))
        | defaulted(f, "/downloadEnabled", v.downloadEnabled().isEmpty(), () -> b.downloadEnabled(true))
        | defaulted(f, "/sensitive", v.sensitive().isEmpty(), () -> b.sensitive(false))
        | defaulted(f, "/isLiveBroadcast", v.live().isLiveBroadcast().isEmpty(), () -> b.isLiveBroadcast(false))
        | defaulted(f, "/liveSaveReplay", v.live().liveSaveReplay().isEmpty(), () -> b.liveSaveReplay(false))
        | defaulted(f, "/permanentLive", v.live().permanentLive().isEmpty(), () -> b.permanentLive(false));
    return changed ? b.build() : v;
  });

  /** Every rule, in PeerTube's order of checks. */
  public static final RuleSet<Video> ALL = RuleSet.of(ID, NAME, DURATION, UUID_VALID, VIEWS, DATES, CATEGORY,
      LICENCE, ATTRIBUTED_TO, ICON, URL, TAG, CONTENT, SUBTITLES, COMMENTS_POLICY, DEFAULTS);

  private PeerTubeVideoRules() {}

  /** Validates {@code video} as PeerTube would after fetching it. */
  public static Validation<Video> validate(Video video) {
    return ALL.validate(video);
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isIcon(Image image) {
    return WebUrls.valid(image.url().get(0).lazyHref()) && image.mediaType().filter(ICON_TYPES::contains).isPresent()
        && image.width().filter(w -> w >= 0).isPresent() && image.height().filter(h -> h >= 0).isPresent();
  }

  /** {@code isRemoteVideoUrlValid}. */
  private static boolean isRemoteVideoUrl(Link link) {
    boolean http = WebUrls.valid(link.lazyHref());
    if (link.mediaType().filter(FILE_TYPES::contains).isPresent()) {
      return http && link.height().filter(h -> h >= 0).isPresent() && link.size().filter(s -> s >= 0).isPresent()
          && link.fps().map(fps -> fps >= -1).orElse(true);
    }
    if (link.hasMediaType("application/x-bittorrent")) {
      return http && link.height().isPresent();
    }
    if (link.hasMediaType("application/x-bittorrent;x-scheme-handler/magnet")) {
      return link.lazyHref().toString().length() >= 5 && link.height().isPresent();
    }
    if (link.hasMediaType("application/x-mpegURL")) {
      return http && !link.tag().isEmpty();
    }
    if (link.rel().contains("tracker")) {
      return link.lazyHref().scheme() != null;
    }
    return link.hasMediaType("application/json") && link.rel().contains("metadata");
  }

  private static Video adjusted(Findings f, String pointer, String detail, Video kept) {
    f.adjust(pointer, detail);
    return kept;
  }

  private static boolean defaulted(Findings f, String pointer, boolean missing, Runnable setDefault) {
    if (missing) {
      setDefault.run();
      f.adjust(pointer, "missing: PeerTube's default applies");
    }
    return missing;
  }
}
