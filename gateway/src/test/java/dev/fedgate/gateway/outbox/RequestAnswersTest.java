package dev.fedgate.gateway.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestAnswersTest {
  private static final URI CHANNEL = URI.create("https://video.example/video-channels/cooking");

  @Test
  void answerId_isStablePerRequestAndKind() {
    URI follow = URI.create("https://remote.example/follows/1");

    assertThat(RequestAnswers.answerId(CHANNEL, "accepts/follows", follow))
        .isEqualTo(RequestAnswers.answerId(CHANNEL, "accepts/follows", follow))
        .isNotEqualTo(RequestAnswers.answerId(CHANNEL, "accepts/follows", URI.create("https://remote.example/f/2")))
        .isNotEqualTo(RequestAnswers.answerId(CHANNEL, "rejects/follows", follow));
  }
}
