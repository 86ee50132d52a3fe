package dev.fedgate.vocab.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.Link;
import dev.fedgate.vocab.PublicKey;
import dev.fedgate.vocab.testing.Samples;
import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each PeerTube actor rule accepts our channel untouched and catches the break it names. */
class PeerTubeActorRulesTest {
  private static final Actor GOOD = Samples.channel();

  static Stream<RuleCase<Actor>> cases() {
    return Stream.of(
        RuleCase.refuses(PeerTubeActorRules.ID_AND_INBOX, GOOD, a -> a.toBuilder().inbox(null).build(), "/inbox"),
        RuleCase.refuses(PeerTubeActorRules.PREFERRED_USERNAME, GOOD,
            a -> a.toBuilder().preferredUsername("chaîne vidéo").build(), "/preferredUsername"),
        RuleCase.refuses(PeerTubeActorRules.PUBLIC_KEY, GOOD, a -> a.toBuilder().publicKeys(List.of(
            PublicKey.of(URI.create(a.id() + "#main-key"), a.id(),
                "-----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----\n"))).build(),
            "/publicKey/publicKeyPem"),
        RuleCase.refuses(PeerTubeActorRules.OPTIONAL_URLS, GOOD,
            a -> a.toBuilder().sharedInbox(URI.create("urn:inbox")).build(), "/endpoints/sharedInbox"),
        RuleCase.refuses(PeerTubeActorRules.GROUP_OWNER, GOOD, a -> a.toBuilder().attributedTo(List.of()).build(),
            "/attributedTo"),
        RuleCase.adjusts(PeerTubeActorRules.URL, GOOD, a -> a.toBuilder().url(List.of(
            Link.of(URI.create("https://video.example/c/science.rss"), "application/rss+xml"))).build(), "/url"),
        RuleCase.adjusts(PeerTubeActorRules.SUMMARY, GOOD, a -> a.toBuilder().summary("x".repeat(1001)).build(),
            "/summary"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void acceptsUntouched_ourChannel(RuleCase<Actor> c) {
    c.assertPasses();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void catchesBreak_brokenActor(RuleCase<Actor> c) {
    c.assertFails();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(cases().map(c -> c.rule().name())).containsExactlyElementsOf(PeerTubeActorRules.ALL.names());
  }

  @Test
  void dropsSummary_underThreeCharacters() {
    Actor shortBio = GOOD.toBuilder().summary("hi").build();

    assertThat(PeerTubeVideoRulesTest.kept(PeerTubeActorRules.SUMMARY.validate(shortBio)).summary().isEmpty())
        .isTrue();
  }
}
