package dev.fedgate.vocab.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.vocab.Actor;
import dev.fedgate.vocab.PublicKey;
import dev.fedgate.vocab.testing.Samples;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Mastodon actor rule accepts our account untouched and catches the break it names. */
class MastodonActorRulesTest {
  private static final Actor GOOD = Samples.account();

  static Stream<RuleCase<Actor>> cases() {
    return Stream.of(
        RuleCase.refuses(MastodonActorRules.HANDLE, GOOD,
            a -> a.toBuilder().preferredUsername(null).webfinger(null).build(), "/preferredUsername"),
        RuleCase.refuses(MastodonActorRules.USERNAME_PATTERN, GOOD,
            a -> a.toBuilder().preferredUsername("alice:videos").build(), "/preferredUsername"),
        RuleCase.refuses(MastodonActorRules.ID_AND_INBOX, GOOD, a -> a.toBuilder().inbox(null).build(), "/inbox"),
        RuleCase.adjusts(MastodonActorRules.URL_SAME_HOST, GOOD,
            a -> a.toBuilder().url(URI.create("https://elsewhere.example/@alice")).build(), "/url"),
        RuleCase.adjusts(MastodonActorRules.KEY_OWNER, GOOD, a -> a.toBuilder().publicKeys(List.of(
            new PublicKey(URI.create(a.id() + "#main-key"), Optional.of(URI.create("https://other.example/u")),
                Samples.PEM))).build(), "/publicKey"),
        RuleCase.adjusts(MastodonActorRules.CAPS, GOOD, a -> a.toBuilder().name("n".repeat(2049)).build(), "/name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void acceptsUntouched_ourAccount(RuleCase<Actor> c) {
    c.assertPasses();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void catchesBreak_brokenActor(RuleCase<Actor> c) {
    c.assertFails();
  }

  @Test
  void everyRuleHasACase() {
    assertThat(cases().map(c -> c.rule().name())).containsExactlyElementsOf(MastodonActorRules.ALL.names());
  }

  @Test
  void acceptsWebfingerAlone_withoutPreferredUsername() {
    Actor fep2c59 = GOOD.toBuilder().preferredUsername(null).build();

    assertThat(MastodonActorRules.HANDLE.validate(fep2c59).accepted()).isTrue();
  }
}
