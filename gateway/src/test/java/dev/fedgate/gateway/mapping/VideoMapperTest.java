package dev.fedgate.gateway.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.storage.CommentsPolicy;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoTombstone;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Tombstone;
import dev.fedgate.vocab.validate.PeerTubeVideoRules;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VideoMapperTest {
  private static final URI BASE = URI.create("https://gate.example");
  private final VideoMapper mapper = new VideoMapper(new LocalUrls(BASE));
  private final UUID uuid = UUID.fromString("9c9de5e8-0a1e-484a-b099-e80766180a6d");

  @Test
  void commentsPolicy_mapsToPeerTubeNumbersAndCanReply() {
    assertThat(render(with(CommentsPolicy.ENABLED, false)).commentsPolicy()).contains(1);
    assertThat(render(with(CommentsPolicy.ENABLED, false)).canReply()).isEmpty();
    assertThat(render(with(CommentsPolicy.DISABLED, false)).commentsPolicy()).contains(2);
    assertThat(render(with(CommentsPolicy.DISABLED, false)).canReply()).contains(Audience.PUBLIC);
    assertThat(render(with(CommentsPolicy.APPROVAL, false)).commentsPolicy()).contains(3);
  }

  @Test
  void sensitiveVideo_keepsSummaryFreeForTheWarning() {
    dev.fedgate.vocab.peertube.Video video = render(with(CommentsPolicy.ENABLED, true));
    assertThat(video.sensitive()).contains(true);
    assertThat(video.summary().best()).isEmpty();
    assertThat(video.content().best()).isPresent();
  }

  @Test
  void updated_isNeverBeforePublished() {
    Video video = SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED);
    Instant earlier = SiteFixtures.PUBLISHED.minus(Duration.ofDays(3));
    dev.fedgate.vocab.peertube.Video scheduled = mapper.video(new Stored<>(video, earlier, earlier), "alice");
    assertThat(scheduled.updated()).contains(SiteFixtures.PUBLISHED);
    Instant later = SiteFixtures.PUBLISHED.plus(Duration.ofHours(1));
    assertThat(mapper.video(new Stored<>(video, earlier, later), "alice").updated()).contains(later);
  }

  @Test
  void minimalVideo_isAcceptedByPeerTube() {
    Video full = SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED);
    Video minimal = new Video(uuid, "science", "Abc", "", 0, SiteFixtures.PUBLISHED, full.url(), Optional.empty(),
        full.thumbnails(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
        Optional.empty(), false, CommentsPolicy.DISABLED, true);
    dev.fedgate.vocab.peertube.Video rendered = render(minimal);
    assertThat(rendered.url()).hasSize(1);
    assertThat(rendered.live().isLiveBroadcast()).contains(true);
    assertThat(rendered.content().best()).isEmpty();
    assertThat(rendered.extensions().get("embedUrl")).isEmpty();
    assertThat(PeerTubeVideoRules.validate(rendered).accepted()).isTrue();
  }

  @Test
  void tombstone_namesTheVideoAndItsDates() {
    Instant deleted = SiteFixtures.PUBLISHED.plus(Duration.ofDays(1));
    Tombstone tombstone = mapper.tombstone(new VideoTombstone(uuid, "science", SiteFixtures.PUBLISHED, deleted));
    assertThat(tombstone.id()).isEqualTo(URI.create(BASE + "/videos/watch/" + uuid));
    assertThat(tombstone.formerType()).contains("Video");
    assertThat(tombstone.published()).contains(SiteFixtures.PUBLISHED);
    assertThat(tombstone.deleted()).contains(deleted);
  }

  private Video with(CommentsPolicy policy, boolean sensitive) {
    Video v = SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED);
    return new Video(v.uuid(), v.channel(), v.name(), v.description(), v.durationSeconds(), v.publishedAt(), v.url(),
        v.embedUrl(), v.thumbnails(), v.files(), v.hls(), v.tags(), v.language(), v.licence(), v.category(), sensitive,
        policy, v.live());
  }

  private dev.fedgate.vocab.peertube.Video render(Video video) {
    return mapper.video(new Stored<>(video, SiteFixtures.PUBLISHED, SiteFixtures.PUBLISHED), "alice");
  }
}
