package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.webhook.StandardWebhooks;
import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.storage.TestClock;
import dev.fedgate.testkit.webhooks.ReceivedWebhook;
import dev.fedgate.testkit.webhooks.WebhookSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook sink checks Standard Webhooks signatures as the gateway makes them, and refuses anything else. */
class WebhookSinkTest {
  private static final byte[] BODY = "{\"type\":\"comment.created\",\"data\":{\"x\":1}}"
      .getBytes(StandardCharsets.UTF_8);
  private final TestClock clock = new TestClock(Instant.parse("2026-11-25T06:00:00Z"));
  private final SignedHttpClient http = SignedHttpClient.create(clock);
  private WebhookSink sink;

  @BeforeEach
  void start() {
    sink = WebhookSink.start(clock);
  }

  @AfterEach
  void stop() {
    sink.close();
  }

  private HttpResult post(String secret, Instant signedAt) {
    HttpHeaders headers = StandardWebhooks.fromSecret(secret).headers("evt_1", signedAt, BODY)
        .with("Content-Type", "application/json");
    return http.send("POST", sink.url(), headers, BODY);
  }

  @Test
  void signedWithTheSecret_isVerifiedAndRecorded() {
    HttpResult answer = post(sink.secret(), clock.instant());

    assertThat(answer.status()).isEqualTo(204);
    ReceivedWebhook received = sink.await(w -> true, Duration.ofSeconds(5)).orElseThrow();
    assertThat(received.verified()).isTrue();
    assertThat(received.id()).isEqualTo("evt_1");
    assertThat(received.type()).isEqualTo("comment.created");
    assertThat(received.data().getInteger("x")).isEqualTo(1);
  }

  @Test
  void anotherSecret_isRefused() {
    String other = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    assertThat(post(other, clock.instant()).status()).isEqualTo(401);
    assertThat(sink.received()).singleElement().extracting(ReceivedWebhook::verified).isEqualTo(false);
  }

  @Test
  void staleTimestamp_isRefused() {
    assertThat(post(sink.secret(), clock.instant().minus(WebhookSink.TOLERANCE).minusSeconds(1)).status())
        .isEqualTo(401);
  }

  @Test
  void unsigned_isRefused() {
    assertThat(http.send("POST", sink.url(), HttpHeaders.of("Content-Type", "application/json"), BODY).status())
        .isEqualTo(401);
  }
}
