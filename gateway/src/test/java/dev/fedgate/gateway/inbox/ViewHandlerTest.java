package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.storage.WebhookEvent;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ViewHandlerTest {
  private InboxHarness h;
  private RemotePeer peertube;

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    peertube = h.peer("tube.example", "peertube");
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private String view(int n, String extra) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://tube.example/views/%d","type":"View",
         "actor":"%s","object":"%s"%s}""".formatted(n, peertube.id(), h.videoId(h.video), extra);
  }

  @Test
  void views_areAddedUpAndFlushedAsOneWebhook() {
    h.deliver(peertube, view(1, ""));
    h.deliver(peertube, view(2, ",\"result\":{\"type\":\"InteractionCounter\",\"interactionType\":\"WatchAction\","
        + "\"userInteractionCount\":5}"));

    assertThat(h.webhooks()).isEmpty();
    assertThat(h.inbox.views().pending(h.video)).isEqualTo(6);

    InboxHarness.join(h.inbox.views().flush());

    List<WebhookEvent> events = h.webhooks();
    assertThat(events).singleElement().satisfies(event -> {
      JsonNode body = InboxHarness.json(event.json());
      assertThat(body.path("video").asText()).isEqualTo(h.video.toString());
      assertThat(body.path("views").asLong()).isEqualTo(6);
    });
    assertThat(h.inbox.views().pending(h.video)).isZero();
  }

  @Test
  void liveViewerPresence_isNotAView() {
    h.deliver(peertube, view(1, ",\"expires\":\"2026-11-01T12:01:00Z\""));

    assertThat(h.inbox.views().pending(h.video)).isZero();
  }
}
