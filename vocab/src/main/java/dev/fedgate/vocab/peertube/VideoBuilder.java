package dev.fedgate.vocab.peertube;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.ValueObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds a {@link Video}; each setter replaces the previous value. */
public final class VideoBuilder {
  private final URI id;
  private LocalizedText name = LocalizedText.EMPTY;
  private Duration duration;
  private String uuid;
  private Identifier category;
  private Identifier licence;
  private Identifier language;
  private Long views;
  private Boolean sensitive;
  private Boolean waitTranscoding;
  private Integer state;
  private Integer commentsPolicy;
  private URI canReply;
  private Boolean downloadEnabled;
  private Instant published;
  private Instant originallyPublishedAt;
  private Instant updated;
  private Instant uploadDate;
  private List<ValueObject> tag = List.of();
  private String mediaType;
  private LocalizedText content = LocalizedText.EMPTY;
  private LocalizedText summary = LocalizedText.EMPTY;
  private String support;
  private List<Subtitle> subtitleLanguage = List.of();
  private List<Image> icon = List.of();
  private List<Image> preview = List.of();
  private Double aspectRatio;
  private List<Link> url = List.of();
  private VideoCollections collections = VideoCollections.NONE;
  private List<Ref<Actor>> attributedTo = List.of();
  private Boolean isLiveBroadcast;
  private Boolean liveSaveReplay;
  private Boolean permanentLive;
  private Integer latencyMode;
  private Audience audience = Audience.NONE;
  private Extensions extensions = Extensions.NONE;
  private String description;

  VideoBuilder(URI id) {
    this.id = Objects.requireNonNull(id, "id");
  }

  VideoBuilder(Video v) {
    this(v.id());
    name = v.name();
    duration = v.duration().orElse(null);
    uuid = v.uuid().orElse(null);
    category = v.category().orElse(null);
    licence = v.licence().orElse(null);
    language = v.language().orElse(null);
    views = v.views().orElse(null);
    sensitive = v.sensitive().orElse(null);
    waitTranscoding = v.waitTranscoding().orElse(null);
    state = v.state().orElse(null);
    commentsPolicy = v.commentsPolicy().orElse(null);
    canReply = v.canReply().orElse(null);
    downloadEnabled = v.downloadEnabled().orElse(null);
    published = v.published().orElse(null);
    originallyPublishedAt = v.originallyPublishedAt().orElse(null);
    updated = v.updated().orElse(null);
    uploadDate = v.uploadDate().orElse(null);
    tag = v.tag();
    mediaType = v.mediaType().orElse(null);
    content = v.content();
    summary = v.summary();
    support = v.support().orElse(null);
    subtitleLanguage = v.subtitleLanguage();
    icon = v.icon();
    preview = v.preview();
    aspectRatio = v.aspectRatio().orElse(null);
    url = v.url();
    collections = v.collections();
    attributedTo = v.attributedTo();
    isLiveBroadcast = v.live().isLiveBroadcast().orElse(null);
    liveSaveReplay = v.live().liveSaveReplay().orElse(null);
    permanentLive = v.live().permanentLive().orElse(null);
    latencyMode = v.live().latencyMode().orElse(null);
    audience = v.audience();
    extensions = v.extensions();
  }

  /** The title (PeerTube: 3 to 120 characters). */
  public VideoBuilder name(String value) {
    this.name = LocalizedText.of(value);
    return this;
  }

  /** The title (PeerTube: 3 to 120 characters). With language forms. */
  public VideoBuilder name(LocalizedText value) {
    this.name = value;
    return this;
  }

  /** The length, written {@code PT<seconds>S}. */
  public VideoBuilder duration(Duration value) {
    this.duration = value;
    return this;
  }

  /** PeerTube's UUID of the video. */
  public VideoBuilder uuid(String value) {
    this.uuid = value;
    return this;
  }

  /** The category ({@code identifier} an integer string). */
  public VideoBuilder category(Identifier value) {
    this.category = value;
    return this;
  }

  /** The licence. */
  public VideoBuilder licence(Identifier value) {
    this.licence = value;
    return this;
  }

  /** The spoken language. */
  public VideoBuilder language(Identifier value) {
    this.language = value;
    return this;
  }

  /** The view count. */
  public VideoBuilder views(Long value) {
    this.views = value;
    return this;
  }

  /** Whether the video is sensitive (NSFW). */
  public VideoBuilder sensitive(Boolean value) {
    this.sensitive = value;
    return this;
  }

  /** Whether publication waits for transcoding. */
  public VideoBuilder waitTranscoding(Boolean value) {
    this.waitTranscoding = value;
    return this;
  }

  /** The PeerTube state (1 = published). */
  public VideoBuilder state(Integer value) {
    this.state = value;
    return this;
  }

  /** The raw {@code commentsPolicy} number (see {@link CommentsPolicy}). */
  public VideoBuilder commentsPolicy(Integer value) {
    this.commentsPolicy = value;
    return this;
  }

  /** {@code canReply}: absent when anyone may reply, Public otherwise. */
  public VideoBuilder canReply(URI value) {
    this.canReply = value;
    return this;
  }

  /** Whether downloads are allowed. */
  public VideoBuilder downloadEnabled(Boolean value) {
    this.downloadEnabled = value;
    return this;
  }

  /** When it was published. */
  public VideoBuilder published(Instant value) {
    this.published = value;
    return this;
  }

  /** When it was first published elsewhere. */
  public VideoBuilder originallyPublishedAt(Instant value) {
    this.originallyPublishedAt = value;
    return this;
  }

  /** When it last changed. */
  public VideoBuilder updated(Instant value) {
    this.updated = value;
    return this;
  }

  /** When it was uploaded. */
  public VideoBuilder uploadDate(Instant value) {
    this.uploadDate = value;
    return this;
  }

  /** Hashtags and {@code SensitiveTag}s. */
  public VideoBuilder tag(List<ValueObject> value) {
    this.tag = value;
    return this;
  }

  /** The media type of {@code content} ({@code text/markdown}). */
  public VideoBuilder mediaType(String value) {
    this.mediaType = value;
    return this;
  }

  /** The description. */
  public VideoBuilder content(String value) {
    this.content = LocalizedText.of(value);
    return this;
  }

  /** The description. With language forms. */
  public VideoBuilder content(LocalizedText value) {
    this.content = value;
    return this;
  }

  /** The summary (PeerTube: the note on sensitive content when sensitive). */
  public VideoBuilder summary(String value) {
    this.summary = LocalizedText.of(value);
    return this;
  }

  /** The summary (PeerTube: the note on sensitive content when sensitive). With language forms. */
  public VideoBuilder summary(LocalizedText value) {
    this.summary = value;
    return this;
  }

  /** The support text. */
  public VideoBuilder support(String value) {
    this.support = value;
    return this;
  }

  /** Captions. */
  public VideoBuilder subtitleLanguage(List<Subtitle> value) {
    this.subtitleLanguage = value;
    return this;
  }

  /** Thumbnails and previews (PeerTube needs at least one). */
  public VideoBuilder icon(List<Image> value) {
    this.icon = value;
    return this;
  }

  /** Storyboards. */
  public VideoBuilder preview(List<Image> value) {
    this.preview = value;
    return this;
  }

  /** Width over height. */
  public VideoBuilder aspectRatio(Double value) {
    this.aspectRatio = value;
    return this;
  }

  /** The watch page first, then files, playlists, torrents, trackers, metadata. */
  public VideoBuilder url(List<Link> value) {
    this.url = value;
    return this;
  }

  /** The likes collection. */
  public VideoBuilder likes(URI value) {
    collections = collections.with(VideoCollections.LIKES, value);
    return this;
  }

  /** The dislikes collection. */
  public VideoBuilder dislikes(URI value) {
    collections = collections.with(VideoCollections.DISLIKES, value);
    return this;
  }

  /** The shares collection. */
  public VideoBuilder shares(URI value) {
    collections = collections.with(VideoCollections.SHARES, value);
    return this;
  }

  /** The comments collection. */
  public VideoBuilder comments(URI value) {
    collections = collections.with(VideoCollections.COMMENTS, value);
    return this;
  }

  /** The chapters document. */
  public VideoBuilder hasParts(URI value) {
    collections = collections.with(VideoCollections.HAS_PARTS, value);
    return this;
  }

  /** All the collection ids at once (as read from a document). */
  public VideoBuilder collections(VideoCollections value) {
    this.collections = Objects.requireNonNull(value, "collections");
    return this;
  }

  /** The channel first, then the owning account. */
  public VideoBuilder attributedTo(List<Ref<Actor>> value) {
    this.attributedTo = value;
    return this;
  }

  /** Whether this is a live. */
  public VideoBuilder isLiveBroadcast(Boolean value) {
    this.isLiveBroadcast = value;
    return this;
  }

  /** Whether a live is saved as a replay. */
  public VideoBuilder liveSaveReplay(Boolean value) {
    this.liveSaveReplay = value;
    return this;
  }

  /** Whether a live is permanent. */
  public VideoBuilder permanentLive(Boolean value) {
    this.permanentLive = value;
    return this;
  }

  /** The live latency mode. */
  public VideoBuilder latencyMode(Integer value) {
    this.latencyMode = value;
    return this;
  }

  /** {@code to} and {@code cc}. */
  public VideoBuilder audience(Audience value) {
    this.audience = value;
    return this;
  }

  /** Properties passed through as they are. */
  public VideoBuilder extensions(Extensions value) {
    this.extensions = value;
    return this;
  }

  /**
   * Sets the description as PeerTube reads it ({@code text/markdown} {@code content}) and, unless {@link #summary}
   * is set or the video is sensitive, a short HTML {@code summary} for Mastodon, which drops {@code content} of a
   * Video and shows {@code name}, {@code summary}, then the watch page (FEDERATION.md, "Objects"). A blank
   * description sets nothing (PeerTube refuses content under 3 characters).
   */
  public VideoBuilder description(String markdown) {
    if (markdown.isBlank()) {
      return this;
    }
    this.mediaType = VideoDescription.MEDIA_TYPE;
    this.content = LocalizedText.of(markdown);
    this.description = markdown;
    return this;
  }

  /** Sets {@code commentsPolicy} and the {@code canReply} that matches it. */
  public VideoBuilder commentsPolicy(CommentsPolicy value) {
    this.commentsPolicy = value.wireValue();
    this.canReply = value.canReply().orElse(null);
    return this;
  }

  /** The video. */
  public Video build() {
    LocalizedText summary = this.summary;
    // PeerTube reads summary as the sensitive-content note; only a non-sensitive video gets the excerpt.
    if (summary.isEmpty() && description != null && !Boolean.TRUE.equals(sensitive)) {
      summary = VideoDescription.summaryFor(description);
    }
    return new Video(id, name, Optional.ofNullable(duration), Optional.ofNullable(uuid),
        Optional.ofNullable(category), Optional.ofNullable(licence), Optional.ofNullable(language),
        Optional.ofNullable(views), Optional.ofNullable(sensitive), Optional.ofNullable(waitTranscoding),
        Optional.ofNullable(state), Optional.ofNullable(commentsPolicy), Optional.ofNullable(canReply),
        Optional.ofNullable(downloadEnabled), Optional.ofNullable(published),
        Optional.ofNullable(originallyPublishedAt), Optional.ofNullable(updated), Optional.ofNullable(uploadDate),
        tag, Optional.ofNullable(mediaType), content, summary, Optional.ofNullable(support), subtitleLanguage, icon,
        preview, Optional.ofNullable(aspectRatio), url,
        collections, attributedTo,
        new VideoLive(Optional.ofNullable(isLiveBroadcast), Optional.ofNullable(liveSaveReplay),
            Optional.ofNullable(permanentLive), Optional.ofNullable(latencyMode)),
        audience, extensions);
  }
}
