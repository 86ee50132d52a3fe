package dev.fedgate.gateway.mapping;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.storage.HlsPlaylist;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.VideoFile;
import dev.fedgate.gateway.storage.VideoTombstone;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Hashtag;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.Tombstone;
import dev.fedgate.vocab.ValueObject;
import dev.fedgate.vocab.peertube.CommentsPolicy;
import dev.fedgate.vocab.peertube.Identifier;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.peertube.VideoBuilder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Local videos as PeerTube {@code Video} objects that PeerTube mirrors and Mastodon shows (FEDERATION.md, "Objects"):
 * attributed to [channel, account] (Mastodon credits {@code attributedTo[0]}, the channel that sends the
 * {@code Create}; PeerTube needs the Group and its Person on our host), to Public and cc the channel's followers, the
 * watch page first in {@code url}, then the files and the HLS playlist; deleted videos as {@code Tombstone}s.
 */
public final class VideoMapper {
  /** PeerTube's "published" state: the video is playable. */
  private static final int STATE_PUBLISHED = 1;

  private final LocalUrls urls;

  /** Videos with ids built by {@code urls}. */
  public VideoMapper(LocalUrls urls) {
    this.urls = Objects.requireNonNull(urls, "urls");
  }

  /** The {@code Video} of {@code stored}, a video of a channel owned by the account {@code account}. */
  public Video video(Stored<dev.fedgate.gateway.storage.Video> stored, String account) {
    dev.fedgate.gateway.storage.Video video = stored.value();
    URI id = urls.video(video.uuid());
    URI channel = urls.channel(video.channel());
    VideoBuilder rendered = Video.builder(id)
        .name(video.name())
        .duration(Duration.ofSeconds(video.durationSeconds()))
        .uuid(video.uuid().toString())
        .category(video.category().map(VideoMapper::identifier).orElse(null))
        .licence(video.licence().map(VideoMapper::identifier).orElse(null))
        .language(video.language().map(VideoMapper::identifier).orElse(null))
        // Views are counted by the site, not reported to us; PeerTube requires the field.
        .views(0L)
        .sensitive(video.sensitive())
        .waitTranscoding(false)
        .state(STATE_PUBLISHED)
        .commentsPolicy(commentsPolicy(video.commentsPolicy()))
        .downloadEnabled(true)
        .published(video.publishedAt())
        .updated(updated(stored))
        .uploadDate(stored.createdAt())
        .tag(video.tags().stream().<ValueObject>map(t -> new Hashtag(t, Optional.empty())).toList())
        .description(video.description())
        .icon(video.thumbnails().stream()
            .map(t -> Image.of(t.url(), t.mediaType(), t.width(), t.height())).toList())
        .url(links(video))
        .likes(urls.videoLikes(video.uuid()))
        .dislikes(urls.videoDislikes(video.uuid()))
        .shares(urls.videoShares(video.uuid()))
        .comments(urls.videoComments(video.uuid()))
        .attributedTo(List.of(Ref.of(channel), Ref.of(urls.account(account))))
        .isLiveBroadcast(video.live())
        .liveSaveReplay(false)
        .permanentLive(false)
        .audience(Audience.publicWith(LocalUrls.followers(channel)));
    video.embedUrl().ifPresent(embed -> rendered.extensions(embedUrl(embed)));
    return rendered.build();
  }

  /** What a deleted video's id serves from then on (with 410). */
  public Tombstone tombstone(VideoTombstone tombstone) {
    return Tombstone.of(urls.video(tombstone.uuid()), "Video", tombstone.publishedAt(), tombstone.deletedAt());
  }

  /**
   * Mastodon applies an {@code Update} only when {@code updated} is later than what it has, and PeerTube requires
   * it; a video is never updated before it is published.
   */
  private static Instant updated(Stored<dev.fedgate.gateway.storage.Video> stored) {
    Instant published = stored.value().publishedAt();
    return stored.updatedAt().isAfter(published) ? stored.updatedAt() : published;
  }

  /** The watch page first (Mastodon links the first HTML Link), then the files, then the HLS playlist. */
  private static List<Link> links(dev.fedgate.gateway.storage.Video video) {
    List<Link> links = new ArrayList<>();
    links.add(Link.of(video.url(), "text/html"));
    video.files().forEach(file -> links.add(file(file)));
    video.hls().map(VideoMapper::hls).ifPresent(links::add);
    return links;
  }

  private static Link file(VideoFile file) {
    return new Link(file.url(), Optional.of(file.mediaType()), List.of(), Optional.empty(), Optional.of(file.height()),
        Optional.of(file.width()), Optional.of(file.size()), Optional.of(file.fps()), List.of(), List.of(),
        Extensions.NONE);
  }

  /** PeerTube requires {@code tag} on an HLS Link; it holds the playlist's renditions. */
  private static Link hls(HlsPlaylist playlist) {
    List<ValueObject> files = playlist.files().stream().<ValueObject>map(VideoMapper::file).toList();
    return new Link(playlist.playlistUrl(), Optional.of("application/x-mpegURL"), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), files, List.of(), Extensions.NONE);
  }

  private static Identifier identifier(String identifier) {
    return new Identifier(identifier, Optional.empty());
  }

  private static CommentsPolicy commentsPolicy(dev.fedgate.gateway.storage.CommentsPolicy policy) {
    return switch (policy) {
      case ENABLED -> CommentsPolicy.ENABLED;
      case APPROVAL -> CommentsPolicy.REQUIRES_APPROVAL;
      case DISABLED -> CommentsPolicy.DISABLED;
    };
  }

  /** PeerTube's newest validator reads the player page as schema.org {@code embedUrl}. */
  private static Extensions embedUrl(URI embed) {
    ObjectNode json = JsonNodeFactory.instance.objectNode().put("embedUrl", embed.toString());
    return new Extensions(json);
  }
}
