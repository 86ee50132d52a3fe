package dev.fedgate.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.signatures.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StandardWebhooksTest {
  /** The example of the Standard Webhooks specification (standard-webhooks spec and its reference libraries). */
  private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  @Test
  void signature_matchesTheSpecificationExample() {
    String signature = StandardWebhooks.fromSecret(SPEC_SECRET).signature("msg_p5jXN8AQM9LWM0D4loKWxJek",
        1614265330, "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

    assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void headers_carryIdTimestampAndHmacOfIdDotTimestampDotBody() throws Exception {
    byte[] body = "{\"type\":\"follow.created\"}".getBytes(StandardCharsets.UTF_8);

    HttpHeaders headers = StandardWebhooks.fromSecret(SPEC_SECRET)
        .headers("evt_7", Instant.ofEpochSecond(1_700_000_000L), body);

    assertThat(headers.first("webhook-id")).hasValue("evt_7");
    assertThat(headers.first("webhook-timestamp")).hasValue("1700000000");
    assertThat(headers.first("webhook-signature")).hasValue("v1," + expected("evt_7.1700000000.", body));
  }

  @Test
  void fromSecret_refusesSecretWithoutPrefix() {
    assertThatThrownBy(() -> StandardWebhooks.fromSecret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Computed here with plain JCE, independently of the class under test. */
  static String expected(String prefix, byte[] body) throws Exception {
    return expected(SPEC_SECRET, prefix, body);
  }

  static String expected(String secret, String prefix, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    mac.update(prefix.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac.doFinal(body));
  }
}
