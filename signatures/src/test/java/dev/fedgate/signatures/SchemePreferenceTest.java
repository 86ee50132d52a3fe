package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Double-knock decisions. */
class SchemePreferenceTest {
  static final SchemePreference P = SchemePreference.CAVAGE_FIRST;

  @Test
  void firstAttempt_usesMemoryElseCavage() {
    assertThat(P.initial(Optional.empty())).isEqualTo(SignatureScheme.CAVAGE_12);
    assertThat(P.initial(Optional.of(SignatureScheme.RFC_9421))).isEqualTo(SignatureScheme.RFC_9421);
  }

  @Test
  void refusal_retriesOnceWithTheOtherScheme_successIsRemembered() {
    assertThat(P.onResponse(SignatureScheme.CAVAGE_12, 401, 1)).isEqualTo(new SchemePreference.Retry(SignatureScheme.RFC_9421));
    assertThat(P.onResponse(SignatureScheme.RFC_9421, 400, 1)).isEqualTo(new SchemePreference.Retry(SignatureScheme.CAVAGE_12));
    assertThat(P.onResponse(SignatureScheme.RFC_9421, 401, 2)).isEqualTo(new SchemePreference.Done());
    assertThat(P.onResponse(SignatureScheme.RFC_9421, 202, 2)).isEqualTo(new SchemePreference.Remember(SignatureScheme.RFC_9421));
    assertThat(P.onResponse(SignatureScheme.CAVAGE_12, 500, 1)).isEqualTo(new SchemePreference.Done());
  }
}
