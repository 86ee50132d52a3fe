package dev.fedgate.vocab.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.Audience;
import dev.fedgate.vocab.Extensions;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.LocalizedText;
import dev.fedgate.vocab.Note;
import dev.fedgate.vocab.Tombstone;
import dev.fedgate.vocab.Unrecognized;
import dev.fedgate.vocab.testing.Samples;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each PeerTube comment rule accepts our comment untouched and catches the break it names. */
class PeerTubeCommentRulesTest {
  private static final Note GOOD = Samples.comment();

  static Stream<RuleCase<ApObject>> cases() {
    return Stream.of(
        RuleCase.refuses(PeerTubeCommentRules.TYPE, GOOD, o -> new Unrecognized(o.id(), List.of("Question"),
            Extensions.NONE), "/type"),
        RuleCase.refuses(PeerTubeCommentRules.NOTE_FIELDS, GOOD,
            o -> note((Note) o, LocalizedText.of(""), ((Note) o).audience(), ((Note) o).url()), "/content"),
        RuleCase.refuses(PeerTubeCommentRules.PUBLIC, GOOD, o -> note((Note) o, ((Note) o).content(),
            new Audience(List.of(Samples.ALICE), List.of()), ((Note) o).url()), "/to"),
        RuleCase.adjusts(PeerTubeCommentRules.URL_DEFAULT, GOOD,
            o -> note((Note) o, ((Note) o).content(), ((Note) o).audience(), List.of()), "/url"),
        RuleCase.refuses(PeerTubeCommentRules.TOMBSTONE_FIELDS, Samples.tombstone(),
            o -> new Tombstone(o.id(), Optional.of("Note"), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of(Link.of(o.id())), Optional.empty(), Extensions.NONE), "/published"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void acceptsUntouched_ourComment(RuleCase<ApObject> c) {
    c.assertPasses();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void catchesBreak_brokenComment(RuleCase<ApObject> c) {
    c.assertFails();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(cases().map(c -> c.rule().name())).containsExactlyElementsOf(PeerTubeCommentRules.ALL.names());
  }

  @Test
  void refusesTombstone_ofAVideo() {
    Tombstone video = Tombstone.of(URI.create("https://video.example/videos/watch/1"), "Video",
        Samples.tombstone().published().orElseThrow(), Samples.tombstone().deleted().orElseThrow());

    assertThat(PeerTubeCommentRules.TYPE.validate(video).accepted()).isFalse();
  }

  private static Note note(Note n, LocalizedText content, Audience audience, List<Link> url) {
    return new Note(n.id(), n.attributedTo(), n.inReplyTo(), n.name(), content, n.mediaType(), n.summary(),
        n.sensitive(), audience, n.tag(), n.attachment(), url, n.published(), n.updated(), n.replyApproval(),
        n.extensions());
  }
}
