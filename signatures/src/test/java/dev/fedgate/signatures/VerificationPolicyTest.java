package dev.fedgate.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.signatures.keys.SignatureAlgorithm;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder refuses bad configurations and the presets hold Mastodon's numbers. */
class VerificationPolicyTest {
  static VerificationPolicy.Builder minimal() {
    return VerificationPolicy.builder().schemes(EnumSet.of(SignatureScheme.RFC_9421)).algorithms(EnumSet.of(SignatureAlgorithm.ED25519));
  }

  @Test
  void build_namesTheBadOption() {
    assertThatThrownBy(() -> VerificationPolicy.builder().build()).hasMessageContaining("schemes");
    assertThatThrownBy(() -> minimal().algorithms(Set.of()).build()).hasMessageContaining("algorithms");
    assertThatThrownBy(() -> minimal().minimumRsaBits(1024).build()).hasMessageContaining("minimumRsaBits");
    assertThatThrownBy(() -> minimal().maxValidity(Duration.ofMinutes(1)).build()).hasMessageContaining("maxValidity");
    assertThatThrownBy(() -> minimal().clockSkew(Duration.ofSeconds(-1)).build()).hasMessageContaining("clockSkew");
  }

  @Test
  void mastodonPreset_hasMastodonsWindowAndAlgorithms() {
    VerificationPolicy p = VerificationPolicy.MASTODON_COMPATIBLE;
    assertThat(p.clockSkew()).isEqualTo(Duration.ofHours(1));
    assertThat(p.defaultValidity()).isEqualTo(Duration.ofMinutes(5));
    assertThat(p.maxValidity()).isEqualTo(Duration.ofHours(12));
    assertThat(p.algorithms()).containsExactlyInAnyOrder(SignatureAlgorithm.RSA_V1_5_SHA256, SignatureAlgorithm.ED25519);
    assertThat(p.minimumRsaBits()).isEqualTo(2048);
    assertThat(p.toBuilder().build().cavageRequirements()).isEqualTo(p.cavageRequirements());
  }

  @Test
  void requirement_appliesByMethod() {
    ComponentRequirement getOnly = ComponentRequirement.forMethod("get", "host");
    assertThat(getOnly.appliesTo(HttpVerifierTest.get())).isTrue();
    assertThat(getOnly.appliesTo(RoundTripTest.post())).isFalse();
    assertThatThrownBy(() -> ComponentRequirement.always()).isInstanceOf(IllegalArgumentException.class);
  }
}
