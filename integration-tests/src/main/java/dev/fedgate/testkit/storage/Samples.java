package dev.fedgate.testkit.storage;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.HlsPlaylist;
import dev.fedgate.gateway.storage.Image;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoFile;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plausible values for storage tests, built from a name or id so tests read as what they check. */
public final class Samples {
  /** A base for the URLs the samples use. */
  public static final String SITE = "https://videos.example";

  private Samples() {}

  /** An account with a page and an avatar. */
  public static Account account(String name) {
    return new Account(name, "Account " + name, "About " + name, URI.create(SITE + "/a/" + name),
        Optional.of(new Image(URI.create(SITE + "/avatars/" + name + ".png"), "image/png", 120, 120)),
        Optional.empty());
  }

  /** A channel of {@code account} with a banner. */
  public static Channel channel(String name, String account) {
    return new Channel(name, account, "Channel " + name, "About " + name, URI.create(SITE + "/c/" + name),
        Optional.empty(),
        Optional.of(new Image(URI.create(SITE + "/banners/" + name + ".jpg"), "image/jpeg", 1920, 317)));
  }

  /** A video of {@code channel} with every optional field filled. */
  public static Video video(UUID uuid, String channel, Instant publishedAt) {
    VideoFile file = new VideoFile(URI.create(SITE + "/files/" + uuid + "-720.mp4"), "video/mp4", 1280, 720,
        52_428_800L, 30);
    VideoFile segment = new VideoFile(URI.create(SITE + "/hls/" + uuid + "-720-fragmented.mp4"), "video/mp4", 1280,
        720, 50_000_000L, 30);
    return new Video(uuid, channel, "Video " + uuid, "A *markdown* description", 754, publishedAt,
        URI.create(SITE + "/w/" + uuid), Optional.of(URI.create(SITE + "/embed/" + uuid)),
        List.of(new Image(URI.create(SITE + "/thumbs/" + uuid + ".jpg"), "image/jpeg", 560, 315)), List.of(file),
        Optional.of(new HlsPlaylist(URI.create(SITE + "/hls/" + uuid + "/master.m3u8"), List.of(segment))),
        List.of("cats", "music"), Optional.of("en"), Optional.of("1"), Optional.of("13"), false,
        CommentsPolicy.ENABLED, false);
  }

  /** A video with only the required fields. */
  public static Video minimalVideo(UUID uuid, String channel, Instant publishedAt) {
    return new Video(uuid, channel, "Minimal " + uuid, "", 1, publishedAt, URI.create(SITE + "/w/" + uuid),
        Optional.empty(), List.of(new Image(URI.create(SITE + "/thumbs/" + uuid + ".jpg"), "image/jpeg", 560, 315)),
        List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), true,
        CommentsPolicy.APPROVAL, true);
  }
}
