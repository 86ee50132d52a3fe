package dev.fedgate.gateway;

import static dev.fedgate.gateway.TestGateway.await;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.HlsPlaylist;
import dev.fedgate.gateway.storage.Image;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoFile;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What a site puts into a gateway in tests: an account, its channel with keys, videos and remote followers. */
public final class SiteFixtures {
  /** When the sample videos were published. */
  public static final Instant PUBLISHED = Instant.parse("2025-01-02T10:00:00Z");

  private SiteFixtures() {}

  /** An account with an avatar and a banner, its page on the site. */
  public static Account account(String name) {
    return new Account(name, "Alice " + name, "I film experiments.", URI.create("https://site.example/a/" + name),
        Optional.of(new Image(URI.create("https://site.example/avatars/" + name + ".png"), "image/png", 120, 120)),
        Optional.of(new Image(URI.create("https://site.example/banners/" + name + ".jpg"), "image/jpeg", 1920, 317)));
  }

  /** A channel of {@code account}, its page on the site. */
  public static Channel channel(String name, String account) {
    return new Channel(name, account, "Channel " + name, "Videos about science.",
        URI.create("https://site.example/c/" + name),
        Optional.of(new Image(URI.create("https://site.example/avatars/" + name + ".png"), "image/png", 120, 120)),
        Optional.empty());
  }

  /** A video of {@code channel} with a thumbnail, an MP4 file, an HLS playlist, tags, and comments enabled. */
  public static Video video(UUID uuid, String channel, Instant publishedAt) {
    VideoFile mp4 = new VideoFile(URI.create("https://cdn.site.example/" + uuid + "-720.mp4"), "video/mp4", 1280, 720,
        12_345_678, 30);
    VideoFile fragmented = new VideoFile(URI.create("https://cdn.site.example/hls/" + uuid + "-720.mp4"), "video/mp4",
        1280, 720, 12_000_000, 30);
    return new Video(uuid, channel, "Measuring light with chocolate",
        "A microwave, a bar of chocolate & a ruler.\n\nThe melted spots are **half a wavelength** apart.", 125,
        publishedAt, URI.create("https://site.example/w/" + uuid), Optional.of(URI.create("https://site.example/embed/"
            + uuid)),
        List.of(new Image(URI.create("https://cdn.site.example/" + uuid + ".jpg"), "image/jpeg", 280, 157)),
        List.of(mp4), Optional.of(new HlsPlaylist(URI.create("https://cdn.site.example/hls/" + uuid + "/master.m3u8"),
            List.of(fragmented))),
        List.of("science", "physics"), Optional.of("en"), Optional.of("1"), Optional.of("15"), false,
        CommentsPolicy.ENABLED, false);
  }

  /** Creates {@code account} and its channel {@code channel}, each with its keys, as the Site API does. */
  public static void createActors(Gateway gateway, String account, String channel) {
    expect(await(gateway.storage().localActors().upsertAccount(account(account))), UpsertResult.CREATED);
    await(gateway.keys().ensureKeys(account));
    expect(await(gateway.storage().localActors().upsertChannel(channel(channel, account))), UpsertResult.CREATED);
    await(gateway.keys().ensureKeys(channel));
  }

  /** An accepted follow of {@code localActor} by {@code follower}, with its own inbox and maybe a shared one. */
  public static Follow follow(String localActor, URI follower, Optional<URI> sharedInbox) {
    return new Follow(localActor, follower, URI.create(follower + "/inbox"), sharedInbox, FollowState.ACCEPTED,
        URI.create(follower + "#follows/" + localActor));
  }

  private static void expect(UpsertResult actual, UpsertResult expected) {
    if (actual != expected) {
      throw new AssertionError("expected " + expected + " but was " + actual);
    }
  }
}
