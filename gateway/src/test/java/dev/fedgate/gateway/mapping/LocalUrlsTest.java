package dev.fedgate.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.ActorKind;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LocalUrlsTest {
  private final LocalUrls urls = new LocalUrls(URI.create("https://video.example"));

  @Test
  void ids_followPeerTubesScheme() {
    UUID uuid = UUID.fromString("2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11");
    assertThat(urls.channel("cooking")).hasToString("https://video.example/video-channels/cooking");
    assertThat(urls.account("alice")).hasToString("https://video.example/accounts/alice");
    assertThat(urls.instanceActor()).hasToString("https://video.example/accounts/peertube");
    assertThat(urls.sharedInbox()).hasToString("https://video.example/inbox");
    assertThat(urls.video(uuid)).hasToString("https://video.example/videos/watch/" + uuid);
    assertThat(urls.comment(uuid, 42)).hasToString("https://video.example/videos/watch/" + uuid + "/comments/42");
    URI actor = urls.channel("cooking");
    assertThat(LocalUrls.mainKey(actor)).hasToString(actor + "#main-key");
    assertThat(LocalUrls.inbox(actor)).hasToString(actor + "/inbox");
    assertThat(LocalUrls.outbox(actor)).hasToString(actor + "/outbox");
    assertThat(LocalUrls.followers(actor)).hasToString(actor + "/followers");
    assertThat(LocalUrls.following(actor)).hasToString(actor + "/following");
  }

  @Test
  void videoCollectionsAndActivities_liveUnderTheVideoId() {
    UUID uuid = UUID.fromString("2c2a1b0e-0f4c-4a7e-9a55-1d7c6f0b9e11");
    String video = urls.video(uuid).toString();
    assertThat(urls.videoComments(uuid)).hasToString(video + "/comments");
    assertThat(urls.videoLikes(uuid)).hasToString(video + "/likes");
    assertThat(urls.videoDislikes(uuid)).hasToString(video + "/dislikes");
    assertThat(urls.videoShares(uuid)).hasToString(video + "/announces");
    assertThat(LocalUrls.activity(urls.video(uuid), "create")).hasToString(video + "/activity/create");
    assertThat(LocalUrls.activity(urls.video(uuid), "update", Instant.ofEpochMilli(1_700_000_000_123L)))
        .hasToString(video + "/activity/update/1700000000123");
  }

  @Test
  void webfingerHost_keepsThePort() {
    assertThat(urls.webfingerHost()).isEqualTo("video.example");
    assertThat(new LocalUrls(URI.create("http://localhost:8080")).webfingerHost()).isEqualTo("localhost:8080");
  }

  @Test
  void parseActor_isTheInverseOfTheIds() {
    assertThat(urls.parseActor(urls.channel("cooking.club")))
        .contains(new LocalUrls.ActorRef(ActorKind.CHANNEL, "cooking.club"));
    assertThat(urls.parseActor(urls.account("alice"))).contains(new LocalUrls.ActorRef(ActorKind.ACCOUNT, "alice"));
  }

  @Test
  void parseActor_refusesOtherHostsPathsQueriesAndFragments() {
    assertThat(urls.parseActor(URI.create("https://other.example/accounts/alice"))).isEmpty();
    assertThat(urls.parseActor(URI.create("http://video.example/accounts/alice"))).isEmpty();
    assertThat(urls.parseActor(URI.create("https://video.example:8443/accounts/alice"))).isEmpty();
    assertThat(urls.parseActor(URI.create("https://video.example/accounts/alice/inbox"))).isEmpty();
    assertThat(urls.parseActor(URI.create("https://video.example/accounts/alice?x=1"))).isEmpty();
    assertThat(urls.parseActor(URI.create("https://video.example/accounts/alice#main-key"))).isEmpty();
    assertThat(urls.parseActor(URI.create("https://video.example/users/alice"))).isEmpty();
  }
}
