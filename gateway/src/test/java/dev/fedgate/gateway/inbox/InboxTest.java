package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxTest {
  @Test
  void stop_flushesTheViewsCountedSoFar() {
    try (InboxHarness h = new InboxHarness()) {
      h.inbox.views().add(h.video, 3);

      InboxHarness.join(h.inbox.stop());

      assertThat(h.webhooks()).singleElement()
          .satisfies(event -> assertThat(event.json()).contains("\"views\":3"));
    }
  }
}
