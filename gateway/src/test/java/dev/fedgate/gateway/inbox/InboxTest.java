package dev.fedgate.gateway.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InboxTest {
  private static String like(InboxHarness h, RemotePeer bob) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/likes/1","type":"Like",
         "actor":"%s","object":"%s"}""".formatted(bob.id(), h.videoId(h.video));
  }

  @Test
  void housekeeping_forgetsActivityIdsAfterTheRetention() {
    try (InboxHarness h = new InboxHarness()) {
      RemotePeer bob = h.peer("remote.example", "bob");
      h.deliver(bob, like(h, bob));

      h.now = h.now.plus(Duration.ofDays(1));
      InboxHarness.join(h.inbox.housekeeping());
      assertThat(h.post(bob, like(h, bob))).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.DUPLICATE));

      h.now = h.now.plus(Inbox.SEEN_RETENTION);
      InboxHarness.join(h.inbox.housekeeping());
      assertThat(h.post(bob, like(h, bob))).isEqualTo(new InboxOutcome.Accepted(InboxOutcome.Acceptance.QUEUED));
    }
  }

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
