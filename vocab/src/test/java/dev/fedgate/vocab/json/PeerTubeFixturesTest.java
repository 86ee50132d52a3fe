package dev.fedgate.vocab.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Infohash;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Mention;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.activity.Announce;
import dev.fedgate.vocab.activity.Create;
import dev.fedgate.vocab.peertube.CommentsPolicy;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.testing.Fixtures;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** PeerTube's own fixtures, and PeerTube Videos kept by other servers, read with their key fields. */
class PeerTubeFixturesTest {
  private static final String PEERTUBE = "peertube/packages/tests/fixtures/ap-json/peertube/";
  private static final String MASTODON_IN_PEERTUBE = "peertube/server/tests/fixtures/ap-json/mastodon/";

  @Test
  void readsAnnounce_withoutContext() {
    Announce announce = Fixtures.reader().read(Fixtures.body(PEERTUBE + "announce-without-context.json"),
        Announce.class);

    assertThat(announce.actor().id()).hasToString("http://127.0.0.1:9002/accounts/peertube");
    assertThat(announce.object().id())
        .hasToString("http://127.0.0.1:9002/videos/watch/997111d4-e8d8-4f45-99d3-857905785d05");
    assertThat(announce.object().embedded()).isEmpty();
    assertThat(announce.audience().to()).hasSize(4).first().isEqualTo(Audience.PUBLIC);
    assertThat(announce.audience().cc()).isEmpty();
  }

  @Test
  void readsMastodonReply_withLdSignatureKept() {
    Create create = Fixtures.reader().read(Fixtures.body(MASTODON_IN_PEERTUBE + "create-bad-signature.json"),
        Create.class);
    Note note = (Note) create.object().embedded().orElseThrow();

    assertThat(create.actor().id()).hasToString("http://localhost:3000/users/ronan2");
    assertThat(create.envelope().published()).contains(Instant.parse("2018-10-22T12:43:07Z"));
    assertThat(create.envelope().extensions().get("signature")).isPresent();
    assertThat(note.inReplyTo().orElseThrow().id())
        .hasToString("http://localhost:9000/videos/watch/90e6f8ed-b369-423c-b0c8-f44e5350c752");
    assertThat(note.content().plain().orElseThrow()).endsWith(" zerg</p>");
    assertThat(note.content().byLanguage()).containsOnlyKeys("en");
    assertThat(note.tag()).containsExactly(
        new Mention(URI.create("http://localhost:9000/accounts/ronan"), Optional.of("@ronan@localhost:9000")));
    assertThat(note.audience().publicInTo()).isTrue();
    assertThat(note.extensions().get("conversation")).isPresent();
  }

  @Test
  void readsRecordedRequestBody_mastodonCreate() {
    Create create = Fixtures.reader().read(Fixtures.body(MASTODON_IN_PEERTUBE + "bad-body-http-signature.json"),
        Create.class);

    assertThat(create.object().embedded()).containsInstanceOf(Note.class);
  }

  @Test
  void readsPeerTubeVideo_everyKeyField() {
    Video video = Fixtures.reader().read(Fixtures.body("lemmy/crates/apub/apub/assets/peertube/objects/video.json"),
        Video.class);

    assertThat(video.id()).hasToString("https://tilvids.com/videos/watch/e7946124-7b72-4ad7-9d22-844a84bb2de1");
    assertThat(video.duration()).contains(Duration.ofSeconds(1145));
    assertThat(video.uuid()).contains("e7946124-7b72-4ad7-9d22-844a84bb2de1");
    assertThat(video.category().orElseThrow().identifier()).isEqualTo("15");
    assertThat(video.language().orElseThrow().identifier()).isEqualTo("en");
    assertThat(video.views()).contains(360L);
    assertThat(video.knownCommentsPolicy()).contains(CommentsPolicy.ENABLED);
    assertThat(video.canReply()).isEmpty();
    assertThat(video.mediaType()).contains("text/markdown");
    assertThat(video.content().plain().orElseThrow()).startsWith("Head to https://squarespace.com");
    assertThat(video.icon()).extracting(Image::width).containsExactly(
        Optional.of(280), Optional.of(850));
    assertThat(video.preview().get(0).url().get(0).extensions().get("tileWidth")).isPresent();
    assertThat(video.url().get(0).mediaType()).contains("text/html");
    Link hls = video.url().get(1);
    assertThat(hls.mediaType()).contains("application/x-mpegURL");
    assertThat(hls.tag()).filteredOn(Infohash.class::isInstance).hasSize(3);
    assertThat(hls.tag()).filteredOn(t -> t instanceof Link l && l.hasMediaType("video/mp4")).isNotEmpty();
    assertThat(video.url()).filteredOn(l -> l.rel().contains("tracker")).hasSize(2);
    assertThat(video.attributedTo()).extracting(r -> r.embedded().map(Actor::type).orElseThrow())
        .containsExactly(ActorType.PERSON, ActorType.GROUP);
    assertThat(video.audience().publicInTo()).isTrue();
    assertThat(video.extensions().get("commentsEnabled")).isPresent();
  }

  @Test
  void readsPeerTubeVideo_keptByMobilizon() {
    Video video = Fixtures.reader().read(Fixtures.body("mobilizon/test/fixtures/peertube-video.json"), Video.class);

    assertThat(video.duration()).contains(Duration.ofSeconds(113));
    assertThat(video.url()).hasSize(21);
    assertThat(video.url()).filteredOn(l -> l.hasMediaType("video/mp4")).allSatisfy(l -> {
      assertThat(l.height()).isPresent();
      assertThat(l.size()).isPresent();
    });
  }

  @Test
  void readsHlsLink_writtenWithMimeType() {
    Create create = Fixtures.reader().read(
        Fixtures.body("akkoma/test/fixtures/peertube/video-object-mpegURL-only.json"), Create.class);
    Video video = (Video) create.object().embedded().orElseThrow();

    assertThat(video.url()).anySatisfy(l -> assertThat(l.mediaType()).contains("application/x-mpegURL"));
  }
}
