package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.FollowState;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FollowHandlerTest {
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

  private String follow(String id, URI object) {
    return """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"%s","type":"Follow","actor":"%s","object":"%s"}
        """.formatted(id, bob.id(), object);
  }

  @Test
  void followOfAChannel_storesTheFollowerAndQueuesAnAcceptToItsOwnInbox() {
    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.channel("cooking")));

    var stored = await(h.storage.follows().find("cooking", bob.id())).orElseThrow().value();
    assertThat(stored.inbox()).isEqualTo(bob.inbox());
    assertThat(stored.sharedInbox()).contains(bob.sharedInbox());
    assertThat(stored.state()).isEqualTo(FollowState.ACCEPTED);
    Delivery accept = h.deliveries().get(0);
    assertThat(accept.inbox()).isEqualTo(bob.inbox());
    assertThat(accept.signer()).isEqualTo("cooking");
    JsonNode json = InboxHarness.json(accept.json());
    assertThat(json.path("type").asText()).isEqualTo("Accept");
    assertThat(json.path("actor").asText()).isEqualTo(h.urls.channel("cooking").toString());
    assertThat(json.path("object").path("type").asText()).isEqualTo("Follow");
    assertThat(json.path("object").path("id").asText()).isEqualTo("https://remote.example/follows/1");
    assertThat(json.path("id").asText()).isEqualTo(accept.activityId().toString());
    assertThat(h.webhooks()).singleElement().satisfies(event -> assertThat(event.type()).isEqualTo("follow.created"));
  }

  @Test
  void repeatedFollow_resendsTheAcceptButTellsTheSiteOnce() {
    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.channel("cooking")));
    h.deliver(bob, follow("https://remote.example/follows/2", h.urls.channel("cooking")));

    List<Delivery> accepts = h.deliveries();
    assertThat(accepts).hasSize(2).allSatisfy(d -> assertThat(d.inbox()).isEqualTo(bob.inbox()));
    assertThat(h.webhooks()).hasSize(1);
  }

  @Test
  void followOfAChannelApprovingManually_staysPendingWithoutAcceptAndTellsTheSite() {
    manualChannel();

    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.channel("cooking")));

    assertThat(await(h.storage.follows().find("cooking", bob.id())).orElseThrow().value().state())
        .isEqualTo(FollowState.PENDING);
    assertThat(h.deliveries()).isEmpty();
    assertThat(h.webhooks()).singleElement().satisfies(event -> {
      assertThat(event.type()).isEqualTo("follow.requested");
      assertThat(InboxHarness.json(event.json()).path("actor").asText()).isEqualTo(bob.id().toString());
    });
  }

  @Test
  void repeatedFollowWhilePending_staysPendingAndTellsTheSiteOnce() {
    manualChannel();

    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.channel("cooking")));
    h.deliver(bob, follow("https://remote.example/follows/2", h.urls.channel("cooking")));

    var stored = await(h.storage.follows().find("cooking", bob.id())).orElseThrow().value();
    assertThat(stored.state()).isEqualTo(FollowState.PENDING);
    assertThat(stored.activityId()).isEqualTo(URI.create("https://remote.example/follows/2"));
    assertThat(h.deliveries()).isEmpty();
    assertThat(h.webhooks()).hasSize(1);
  }

  @Test
  void followAcceptedBeforeTheChannelTurnedManual_staysAcceptedAndGetsTheAcceptAgain() {
    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.channel("cooking")));
    manualChannel();

    h.deliver(bob, follow("https://remote.example/follows/2", h.urls.channel("cooking")));

    assertThat(await(h.storage.follows().find("cooking", bob.id())).orElseThrow().value().state())
        .isEqualTo(FollowState.ACCEPTED);
    assertThat(h.deliveries()).hasSize(2)
        .allSatisfy(d -> assertThat(InboxHarness.json(d.json()).path("type").asText()).isEqualTo("Accept"));
  }

  @Test
  void followOfAnAccountApprovingManually_staysPending() {
    await(h.storage.localActors().upsertAccount(new Account("alice", "Alice", "", URI.create("https://site.example/a"),
        Optional.empty(), Optional.empty(), true)));

    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.account("alice")));

    assertThat(await(h.storage.follows().find("alice", bob.id())).orElseThrow().value().state())
        .isEqualTo(FollowState.PENDING);
    assertThat(h.deliveries()).isEmpty();
  }

  private void manualChannel() {
    Channel channel = await(h.storage.localActors().findChannel("cooking")).orElseThrow().value();
    await(h.storage.localActors().upsertChannel(new Channel(channel.name(), channel.account(), channel.displayName(),
        channel.summary(), channel.url(), channel.avatar(), channel.banner(), true)));
  }

  @Test
  void followOfAnAccountAndOfTheInstanceActor_areStored() {
    await(h.storage.localActors().ensureInstanceActor(LocalUrls.INSTANCE_ACTOR_NAME));

    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.account("alice")));
    h.deliver(bob, follow("https://remote.example/follows/2", h.urls.instanceActor()));

    assertThat(await(h.storage.follows().find("alice", bob.id()))).isPresent();
    assertThat(await(h.storage.follows().find(LocalUrls.INSTANCE_ACTOR_NAME, bob.id()))).isPresent();
  }

  @Test
  void followOfSomeoneWeDoNotHave_storesAndSendsNothing() {
    h.deliver(bob, follow("https://remote.example/follows/1", h.urls.channel("nobody")));
    h.deliver(bob, follow("https://remote.example/follows/2", h.urls.account("cooking")));

    assertThat(await(h.storage.follows().count("cooking", FollowState.ACCEPTED))).isZero();
    assertThat(h.deliveries()).isEmpty();
  }
}
