package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.storage.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BlockAndFlagHandlerTest {
  private InboxHarness h;
  private RemotePeer bob;

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    bob = h.peer("remote.example", "bob");
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void block_removesTheBlockersFollow() {
    h.deliver(bob, """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/follows/1","type":"Follow",
         "actor":"%s","object":"%s"}""".formatted(bob.id(), h.urls.channel("cooking")));
    h.webhooks();

    h.deliver(bob, """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/blocks/1","type":"Block",
         "actor":"%s","object":"%s"}""".formatted(bob.id(), h.urls.channel("cooking")));

    assertThat(await(h.storage.follows().find("cooking", bob.id()))).isEmpty();
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("block.created");
  }

  @Test
  void flag_isSentToTheSiteAsAReport() {
    h.deliver(bob, """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/flags/1","type":"Flag",
         "actor":"%s","object":["%s"],"content":"spam"}""".formatted(bob.id(), h.videoId(h.video)));

    WebhookEvent event = h.webhooks().get(0);
    assertThat(event.type()).isEqualTo("report.created");
    JsonNode body = InboxHarness.json(event.json());
    assertThat(body.path("objects").get(0).asText()).isEqualTo(h.videoId(h.video).toString());
    assertThat(body.path("content").asText()).isEqualTo("spam");
    assertThat(body.path("actor").asText()).isEqualTo(bob.id().toString());
  }
}
