package dev.fedgate.vocab.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.ActorType;
import dev.fedgate.vocab.Hashtag;
import dev.fedgate.vocab.Image;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.Ref;
import dev.fedgate.vocab.peertube.CommentsPolicy;
import dev.fedgate.vocab.peertube.Identifier;
import dev.fedgate.vocab.peertube.Subtitle;
import dev.fedgate.vocab.peertube.Video;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.testing.Samples;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each PeerTube Video rule accepts a good video untouched and catches the break it names. */
class PeerTubeVideoRulesTest {
  /** The sample video as PeerTube keeps it: only the links it uses, so every rule passes untouched. */
  private static final Video GOOD = Samples.video().toBuilder()
      .url(Samples.video().url().subList(1, Samples.video().url().size()))
      .liveSaveReplay(false)
      .permanentLive(false)
      .build();

  static Stream<RuleCase<Video>> cases() {
    return Stream.of(
        RuleCase.refuses(PeerTubeVideoRules.ID, GOOD, v -> withId(v, "ftp://video.example/v/1"), "/id"),
        RuleCase.refuses(PeerTubeVideoRules.NAME, GOOD, v -> v.toBuilder().name("ab").build(), "/name"),
        RuleCase.refuses(PeerTubeVideoRules.DURATION, GOOD, v -> v.toBuilder().duration(null).build(), "/duration"),
        RuleCase.refuses(PeerTubeVideoRules.UUID_VALID, GOOD, v -> v.toBuilder().uuid("not-a-uuid").build(), "/uuid"),
        RuleCase.refuses(PeerTubeVideoRules.VIEWS, GOOD, v -> v.toBuilder().views(-1L).build(), "/views"),
        RuleCase.refuses(PeerTubeVideoRules.DATES, GOOD, v -> v.toBuilder().updated(null).build(), "/updated"),
        RuleCase.refuses(PeerTubeVideoRules.CATEGORY, GOOD,
            v -> v.toBuilder().category(Identifier.of("science", "Science")).build(), "/category/identifier"),
        RuleCase.adjusts(PeerTubeVideoRules.LICENCE, GOOD,
            v -> v.toBuilder().licence(Identifier.of("CC-BY-4.0", "CC BY")).build(), "/licence"),
        RuleCase.refuses(PeerTubeVideoRules.ATTRIBUTED_TO, GOOD,
            v -> v.toBuilder().attributedTo(List.of()).build(), "/attributedTo"),
        RuleCase.refuses(PeerTubeVideoRules.ICON, GOOD, v -> v.toBuilder().icon(List.of(
            Image.of(URI.create("https://video.example/t.bmp"), "image/bmp", 10, 10))).build(), "/icon"),
        RuleCase.adjusts(PeerTubeVideoRules.URL, GOOD, v -> v.toBuilder().url(Samples.video().url()).build(), "/url"),
        RuleCase.adjusts(PeerTubeVideoRules.TAG, GOOD,
            v -> v.toBuilder().tag(List.of(new Hashtag("x", Optional.empty()))).build(), "/tag"),
        RuleCase.refuses(PeerTubeVideoRules.CONTENT, GOOD, v -> v.toBuilder().mediaType("text/plain").build(),
            "/mediaType"),
        RuleCase.adjusts(PeerTubeVideoRules.SUBTITLES, GOOD, v -> v.toBuilder().subtitleLanguage(List.of(
            new Subtitle("en", Optional.empty(), List.of(Link.of(URI.create("https://video.example/en.srt"))),
                Extensions.NONE))).build(), "/subtitleLanguage"),
        RuleCase.adjusts(PeerTubeVideoRules.COMMENTS_POLICY, GOOD, v -> v.toBuilder().commentsPolicy(7).build(),
            "/commentsPolicy"),
        RuleCase.adjusts(PeerTubeVideoRules.DEFAULTS, GOOD, v -> v.toBuilder().state(null).build(), "/state"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void acceptsUntouched_goodVideo(RuleCase<Video> c) {
    c.assertPasses();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void catchesBreak_brokenVideo(RuleCase<Video> c) {
    c.assertFails();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(cases().map(c -> c.rule().name())).containsExactlyElementsOf(PeerTubeVideoRules.ALL.names());
  }

  @Test
  void truncatesContent_over10000Characters() {
    Video longText = GOOD.toBuilder().content("x".repeat(10_001)).build();

    Validation<Video> result = PeerTubeVideoRules.CONTENT.validate(longText);

    assertThat(kept(result).content().best().orElseThrow()).hasSize(10_000);
  }

  @Test
  void defaultsCommentsPolicyToDisabled_whenMissing() {
    Validation<Video> result = PeerTubeVideoRules.COMMENTS_POLICY.validate(GOOD.toBuilder().commentsPolicy(
        (Integer) null).build());

    assertThat(kept(result).knownCommentsPolicy()).contains(CommentsPolicy.DISABLED);
  }

  @Test
  void keepsOnlyGroupAndPerson_embeddedAttribution() {
    Actor service = Actor.builder(ActorType.SERVICE, URI.create("https://video.example/bots/1")).build();
    Video mixed = GOOD.toBuilder().attributedTo(List.of(Ref.of(Samples.channel().id()), Ref.embed(service))).build();

    Validation<Video> result = PeerTubeVideoRules.ATTRIBUTED_TO.validate(mixed);

    assertThat(kept(result).attributedTo()).hasSize(1);
  }

  static <T> T kept(Validation<T> result) {
    assertThat(result.accepted()).as("accepted: " + result).isTrue();
    return ((Validation.Accepted<T>) result).value();
  }

  private static Video withId(Video v, String id) {
    return new Video(URI.create(id), v.name(), v.duration(), v.uuid(), v.category(), v.licence(), v.language(),
        v.views(), v.sensitive(), v.waitTranscoding(), v.state(), v.commentsPolicy(), v.canReply(),
        v.downloadEnabled(), v.published(), v.originallyPublishedAt(), v.updated(), v.uploadDate(), v.tag(),
        v.mediaType(), v.content(), v.summary(), v.support(), v.subtitleLanguage(), v.icon(), v.preview(),
        v.aspectRatio(), v.url(), v.collections(), v.attributedTo(), v.live(), v.audience(), v.extensions());
  }
}
