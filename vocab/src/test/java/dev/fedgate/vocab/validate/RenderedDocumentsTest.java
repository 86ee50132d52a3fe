package dev.fedgate.vocab.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.json.VocabWriter;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.testing.Fixtures;
import dev.fedgate.vocab.testing.Samples;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What we render, read back from its JSON, passes the rules of the peers that will read it. */
class RenderedDocumentsTest {
  private final VocabWriter writer = VocabWriter.create();

  static Stream<Actor> actors() {
    return Stream.of(Samples.channel(), Samples.account(), Samples.instance());
  }

  @Test
  void passesPeerTube_renderedVideo() {
    Validation<Video> result = PeerTubeVideoRules.validate(wire(Samples.video(), Video.class));

    assertThat(result.accepted()).as(result.toString()).isTrue();
    // PeerTube only drops our watch page (it is for Mastodon) and fills the live flags of a non-live video.
    assertThat(((Validation.Accepted<Video>) result).adjustments()).extracting(Finding::pointer)
        .containsOnly("/url", "/liveSaveReplay", "/permanentLive");
  }

  @ParameterizedTest
  @MethodSource("actors")
  void passesPeerTubeAndMastodon_renderedActor(Actor actor) {
    Actor read = wire(actor, Actor.class);

    assertThat(PeerTubeActorRules.validate(read)).isEqualTo(new Validation.Accepted<>(read, List.of()));
    assertThat(MastodonActorRules.validate(read)).isEqualTo(new Validation.Accepted<>(read, List.of()));
  }

  @Test
  void passesPeerTube_renderedCommentAndTombstone() {
    assertThat(PeerTubeCommentRules.validate(wire(Samples.comment(), ApObject.class)).accepted()).isTrue();
    assertThat(PeerTubeCommentRules.validate(wire(Samples.tombstone(), ApObject.class)).accepted()).isTrue();
  }

  @Test
  void rendersVideo_asBothPeersNeed() {
    JsonNode json = writer.toJson(Samples.video());

    assertThat(json.get("duration").textValue()).matches("PT\\d+S");
    assertThat(json.get("icon")).isNotEmpty();
    assertThat(json.get("attributedTo").get(0).textValue()).isEqualTo(Samples.channel().id().toString());
    assertThat(json.get("attributedTo").get(1).textValue()).isEqualTo(Samples.account().id().toString());
    assertThat(json.get("to").get(0).textValue()).isEqualTo(Audience.PUBLIC.toString());
    assertThat(json.get("commentsPolicy").intValue()).isEqualTo(1);
    assertThat(json.get("canReply").isNull()).isTrue();
    assertThat(json.get("url").get(0).get("mediaType").textValue()).isEqualTo("text/html");
    assertThat(json.get("url").get(0).get("href").textValue()).isEqualTo(Samples.video().id().toString());
    assertThat(json.get("mediaType").textValue()).isEqualTo("text/markdown");
    assertThat(json.get("summary").textValue()).startsWith("<p>A microwave").contains("&amp;");
  }

  @Test
  void leavesSummaryForTheWarning_sensitiveVideo() {
    Video rebuilt = Video.builder(Samples.video().id()).sensitive(true).description("Loud noises").build();

    assertThat(rebuilt.summary().isEmpty()).isTrue();
    assertThat(rebuilt.content().plain()).contains("Loud noises");
  }

  private <T extends ApObject> T wire(ApObject value, Class<T> type) {
    return Fixtures.reader().read(writer.write(value), type);
  }
}
