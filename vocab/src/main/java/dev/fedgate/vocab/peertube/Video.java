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
 * optional here so that the validator, not the reader, decides; {@link #builder(URI)} renders ours. The collection
 * ids and the live fields are grouped in {@link VideoCollections} and {@link VideoLive}; the JSON keeps them flat.
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
    VideoCollections collections,
    List<Ref<Actor>> attributedTo,
    VideoLive live,
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
    Objects.requireNonNull(collections, "collections");
    attributedTo = List.copyOf(attributedTo);
    Objects.requireNonNull(live, "live");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(extensions, "extensions");
  }

  /** A builder for the video at {@code id}; everything else starts absent or empty. */
  public static VideoBuilder builder(URI id) {
    return new VideoBuilder(id);
  }

  /** A builder holding this video's values, to derive a changed copy. */
  public VideoBuilder toBuilder() {
    return new VideoBuilder(this);
  }

  /** The comments policy, when the number is one PeerTube knows. */
  public Optional<CommentsPolicy> knownCommentsPolicy() {
    return commentsPolicy.flatMap(CommentsPolicy::fromWire);
  }
}
