package dev.fedgate.vocab.peertube;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
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

/**
 * PeerTube's {@code Video} with every field PeerTube emits (reference §2.1). Fields PeerTube requires are still
 * optional here so that the validator, not the reader, decides; {@link #builder(URI)} renders ours.
 */
public record Video(
    URI id,
    LocalizedText name,
    Optional<Duration> duration,
    Optional<String> uuid,
    Optional<Identifier> category,
    Optional<Identifier> licence,
    Optional<Identifier> language,
    Optional<Long> views,
    Optional<Boolean> sensitive,
    Optional<Boolean> waitTranscoding,
    Optional<Integer> state,
    Optional<Integer> commentsPolicy,
    Optional<URI> canReply,
    Optional<Boolean> downloadEnabled,
    Optional<Instant> published,
    Optional<Instant> originallyPublishedAt,
    Optional<Instant> updated,
    Optional<Instant> uploadDate,
    List<ValueObject> tag,
    Optional<String> mediaType,
    LocalizedText content,
    LocalizedText summary,
    Optional<String> support,
    List<Subtitle> subtitleLanguage,
    List<Image> icon,
    List<Image> preview,
    Optional<Double> aspectRatio,
    List<Link> url,
    Optional<URI> likes,
    Optional<URI> dislikes,
    Optional<URI> shares,
    Optional<URI> comments,
    Optional<URI> hasParts,
    List<Ref<Actor>> attributedTo,
    Optional<Boolean> isLiveBroadcast,
    Optional<Boolean> liveSaveReplay,
    Optional<Boolean> permanentLive,
    Optional<Integer> latencyMode,
    Audience audience,
    Extensions extensions)
    implements ApObject {
  /** Copies the lists and checks that nothing is null. */
  public Video {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(uuid, "uuid");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(licence, "licence");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(views, "views");
    Objects.requireNonNull(sensitive, "sensitive");
    Objects.requireNonNull(waitTranscoding, "waitTranscoding");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(commentsPolicy, "commentsPolicy");
    Objects.requireNonNull(canReply, "canReply");
    Objects.requireNonNull(downloadEnabled, "downloadEnabled");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(originallyPublishedAt, "originallyPublishedAt");
    Objects.requireNonNull(updated, "updated");
    Objects.requireNonNull(uploadDate, "uploadDate");
    tag = List.copyOf(tag);
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(support, "support");
    subtitleLanguage = List.copyOf(subtitleLanguage);
    icon = List.copyOf(icon);
    preview = List.copyOf(preview);
    Objects.requireNonNull(aspectRatio, "aspectRatio");
    url = List.copyOf(url);
    Objects.requireNonNull(likes, "likes");
    Objects.requireNonNull(dislikes, "dislikes");
    Objects.requireNonNull(shares, "shares");
    Objects.requireNonNull(comments, "comments");
    Objects.requireNonNull(hasParts, "hasParts");
    attributedTo = List.copyOf(attributedTo);
    Objects.requireNonNull(isLiveBroadcast, "isLiveBroadcast");
    Objects.requireNonNull(liveSaveReplay, "liveSaveReplay");
    Objects.requireNonNull(permanentLive, "permanentLive");
    Objects.requireNonNull(latencyMode, "latencyMode");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(extensions, "extensions");
  }

  /** A builder for the video at {@code id}; everything else starts absent or empty. */
  public static Builder builder(URI id) {
    return new Builder(id);
  }

  /** A builder holding this video's values, to derive a changed copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.name = name;
    b.duration = duration.orElse(null);
    b.uuid = uuid.orElse(null);
    b.category = category.orElse(null);
    b.licence = licence.orElse(null);
    b.language = language.orElse(null);
    b.views = views.orElse(null);
    b.sensitive = sensitive.orElse(null);
    b.waitTranscoding = waitTranscoding.orElse(null);
    b.state = state.orElse(null);
    b.commentsPolicy = commentsPolicy.orElse(null);
    b.canReply = canReply.orElse(null);
    b.downloadEnabled = downloadEnabled.orElse(null);
    b.published = published.orElse(null);
    b.originallyPublishedAt = originallyPublishedAt.orElse(null);
    b.updated = updated.orElse(null);
    b.uploadDate = uploadDate.orElse(null);
    b.tag = tag;
    b.mediaType = mediaType.orElse(null);
    b.content = content;
    b.summary = summary;
    b.support = support.orElse(null);
    b.subtitleLanguage = subtitleLanguage;
    b.icon = icon;
    b.preview = preview;
    b.aspectRatio = aspectRatio.orElse(null);
    b.url = url;
    b.likes = likes.orElse(null);
    b.dislikes = dislikes.orElse(null);
    b.shares = shares.orElse(null);
    b.comments = comments.orElse(null);
    b.hasParts = hasParts.orElse(null);
    b.attributedTo = attributedTo;
    b.isLiveBroadcast = isLiveBroadcast.orElse(null);
    b.liveSaveReplay = liveSaveReplay.orElse(null);
    b.permanentLive = permanentLive.orElse(null);
    b.latencyMode = latencyMode.orElse(null);
    b.audience = audience;
    b.extensions = extensions;
    return b;
  }

  /** The comments policy, when the number is one PeerTube knows. */
  public Optional<CommentsPolicy> knownCommentsPolicy() {
    return commentsPolicy.flatMap(CommentsPolicy::fromWire);
  }

  /** Builds a {@link Video}; each setter replaces the previous value. */
  public static final class Builder {
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
    private URI likes;
    private URI dislikes;
    private URI shares;
    private URI comments;
    private URI hasParts;
    private List<Ref<Actor>> attributedTo = List.of();
    private Boolean isLiveBroadcast;
    private Boolean liveSaveReplay;
    private Boolean permanentLive;
    private Integer latencyMode;
    private Audience audience = Audience.NONE;
    private Extensions extensions = Extensions.NONE;
    private String description;

    private Builder(URI id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /** The title (PeerTube: 3 to 120 characters). */
    public Builder name(String value) {
      this.name = LocalizedText.of(value);
      return this;
    }

    /** The title (PeerTube: 3 to 120 characters). With language forms. */
    public Builder name(LocalizedText value) {
      this.name = value;
      return this;
    }

    /** The length, written {@code PT<seconds>S}. */
    public Builder duration(Duration value) {
      this.duration = value;
      return this;
    }

    /** PeerTube's UUID of the video. */
    public Builder uuid(String value) {
      this.uuid = value;
      return this;
    }

    /** The category ({@code identifier} an integer string). */
    public Builder category(Identifier value) {
      this.category = value;
      return this;
    }

    /** The licence. */
    public Builder licence(Identifier value) {
      this.licence = value;
      return this;
    }

    /** The spoken language. */
    public Builder language(Identifier value) {
      this.language = value;
      return this;
    }

    /** The view count. */
    public Builder views(Long value) {
      this.views = value;
      return this;
    }

    /** Whether the video is sensitive (NSFW). */
    public Builder sensitive(Boolean value) {
      this.sensitive = value;
      return this;
    }

    /** Whether publication waits for transcoding. */
    public Builder waitTranscoding(Boolean value) {
      this.waitTranscoding = value;
      return this;
    }

    /** The PeerTube state (1 = published). */
    public Builder state(Integer value) {
      this.state = value;
      return this;
    }

    /** The raw {@code commentsPolicy} number (see {@link CommentsPolicy}). */
    public Builder commentsPolicy(Integer value) {
      this.commentsPolicy = value;
      return this;
    }

    /** {@code canReply}: absent when anyone may reply, Public otherwise. */
    public Builder canReply(URI value) {
      this.canReply = value;
      return this;
    }

    /** Whether downloads are allowed. */
    public Builder downloadEnabled(Boolean value) {
      this.downloadEnabled = value;
      return this;
    }

    /** When it was published. */
    public Builder published(Instant value) {
      this.published = value;
      return this;
    }

    /** When it was first published elsewhere. */
    public Builder originallyPublishedAt(Instant value) {
      this.originallyPublishedAt = value;
      return this;
    }

    /** When it last changed. */
    public Builder updated(Instant value) {
      this.updated = value;
      return this;
    }

    /** When it was uploaded. */
    public Builder uploadDate(Instant value) {
      this.uploadDate = value;
      return this;
    }

    /** Hashtags and {@code SensitiveTag}s. */
    public Builder tag(List<ValueObject> value) {
      this.tag = value;
      return this;
    }

    /** The media type of {@code content} ({@code text/markdown}). */
    public Builder mediaType(String value) {
      this.mediaType = value;
      return this;
    }

    /** The description. */
    public Builder content(String value) {
      this.content = LocalizedText.of(value);
      return this;
    }

    /** The description. With language forms. */
    public Builder content(LocalizedText value) {
      this.content = value;
      return this;
    }

    /** The summary (PeerTube: the note on sensitive content when sensitive). */
    public Builder summary(String value) {
      this.summary = LocalizedText.of(value);
      return this;
    }

    /** The summary (PeerTube: the note on sensitive content when sensitive). With language forms. */
    public Builder summary(LocalizedText value) {
      this.summary = value;
      return this;
    }

    /** The support text. */
    public Builder support(String value) {
      this.support = value;
      return this;
    }

    /** Captions. */
    public Builder subtitleLanguage(List<Subtitle> value) {
      this.subtitleLanguage = value;
      return this;
    }

    /** Thumbnails and previews (PeerTube needs at least one). */
    public Builder icon(List<Image> value) {
      this.icon = value;
      return this;
    }

    /** Storyboards. */
    public Builder preview(List<Image> value) {
      this.preview = value;
      return this;
    }

    /** Width over height. */
    public Builder aspectRatio(Double value) {
      this.aspectRatio = value;
      return this;
    }

    /** The watch page first, then files, playlists, torrents, trackers, metadata. */
    public Builder url(List<Link> value) {
      this.url = value;
      return this;
    }

    /** The likes collection. */
    public Builder likes(URI value) {
      this.likes = value;
      return this;
    }

    /** The dislikes collection. */
    public Builder dislikes(URI value) {
      this.dislikes = value;
      return this;
    }

    /** The shares collection. */
    public Builder shares(URI value) {
      this.shares = value;
      return this;
    }

    /** The comments collection. */
    public Builder comments(URI value) {
      this.comments = value;
      return this;
    }

    /** The chapters document. */
    public Builder hasParts(URI value) {
      this.hasParts = value;
      return this;
    }

    /** The channel first, then the owning account. */
    public Builder attributedTo(List<Ref<Actor>> value) {
      this.attributedTo = value;
      return this;
    }

    /** Whether this is a live. */
    public Builder isLiveBroadcast(Boolean value) {
      this.isLiveBroadcast = value;
      return this;
    }

    /** Whether a live is saved as a replay. */
    public Builder liveSaveReplay(Boolean value) {
      this.liveSaveReplay = value;
      return this;
    }

    /** Whether a live is permanent. */
    public Builder permanentLive(Boolean value) {
      this.permanentLive = value;
      return this;
    }

    /** The live latency mode. */
    public Builder latencyMode(Integer value) {
      this.latencyMode = value;
      return this;
    }

    /** {@code to} and {@code cc}. */
    public Builder audience(Audience value) {
      this.audience = value;
      return this;
    }

    /** Properties passed through as they are. */
    public Builder extensions(Extensions value) {
      this.extensions = value;
      return this;
    }

    /**
     * Sets the description as PeerTube reads it ({@code text/markdown} {@code content}) and, unless {@link #summary}
     * is set or the video is sensitive, a short HTML {@code summary} for Mastodon, which drops {@code content} of a
     * Video and shows {@code name}, {@code summary}, then the watch page (FEDERATION.md, "Objects"). A blank
     * description sets nothing (PeerTube refuses content under 3 characters).
     */
    public Builder description(String markdown) {
      if (markdown.isBlank()) {
        return this;
      }
      this.mediaType = VideoDescription.MEDIA_TYPE;
      this.content = LocalizedText.of(markdown);
      this.description = markdown;
      return this;
    }

    /** Sets {@code commentsPolicy} and the {@code canReply} that matches it. */
    public Builder commentsPolicy(CommentsPolicy value) {
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
          preview, Optional.ofNullable(aspectRatio), url, Optional.ofNullable(likes), Optional.ofNullable(dislikes),
          Optional.ofNullable(shares), Optional.ofNullable(comments), Optional.ofNullable(hasParts), attributedTo,
          Optional.ofNullable(isLiveBroadcast), Optional.ofNullable(liveSaveReplay),
          Optional.ofNullable(permanentLive), Optional.ofNullable(latencyMode), audience, extensions);
    }
  }
}
