package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.WebhookEvent;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowAnswerHandlerTest {
  private InboxHarness h;
  private RemotePeer bob;
  private URI followId;

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    bob = h.peer("remote.example", "bob");
    followId = URI.create(h.urls.account("alice") + "/follows/1");
    await(h.storage.outbound().add(new OutboundAction("alice", OutboundKind.FOLLOW, bob.id(), bob.inbox(), followId,
        FollowState.PENDING)));
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private String answer(String type, int n, String followJson) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/answers/%d","type":"%s",
         "actor":"%s","object":%s}""".formatted(n, type, bob.id(), followJson);
  }

  private String embeddedFollow(URI id) {
    return """
        {"id":"%s","type":"Follow","actor":"%s","object":"%s"}""".formatted(id, h.urls.account("alice"), bob.id());
  }

  private Optional<FollowState> state() {
    return await(h.storage.outbound().find("alice", OutboundKind.FOLLOW, bob.id())).map(Stored::value)
        .map(OutboundAction::state);
  }

  @Test
  void accept_ofOurFollowById_acceptsItOnce_andTellsTheSite() {
    h.deliver(bob, answer("Accept", 1, "\"" + followId + "\""));
    h.deliver(bob, answer("Accept", 2, embeddedFollow(followId)));

    assertThat(state()).contains(FollowState.ACCEPTED);
    assertThat(await(h.storage.outbound().isFollowed(bob.id()))).isTrue();
    WebhookEvent event = h.webhooks().get(0);
    assertThat(event.type()).isEqualTo("following.accepted");
    assertThat(InboxHarness.json(event.json()).path("account").asText()).isEqualTo("alice");
    assertThat(h.webhooks()).isEmpty();
  }

  @Test
  void accept_embeddingTheFollowUnderAnotherId_isMatchedByAccountAndActor() {
    h.deliver(bob, answer("Accept", 1, embeddedFollow(URI.create("https://remote.example/rewritten/9"))));

    assertThat(state()).contains(FollowState.ACCEPTED);
  }

  @Test
  void accept_byAnotherActor_isIgnored() {
    RemotePeer mallory = h.peer("remote.example", "mallory");

    h.deliver(mallory, """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"https://remote.example/answers/3","type":"Accept",
         "actor":"%s","object":"%s"}""".formatted(mallory.id(), followId));

    assertThat(state()).contains(FollowState.PENDING);
    assertThat(h.webhooks()).isEmpty();
  }

  @Test
  void reject_removesTheFollow_andTellsTheSite() {
    h.deliver(bob, answer("Reject", 1, embeddedFollow(followId)));

    assertThat(state()).isEmpty();
    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("following.rejected");
  }
}
