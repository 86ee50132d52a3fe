package dev.fedgate.gateway.inbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.mapping.ActivityMapper;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.mapping.VideoMapper;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.json.VocabWriter;
import dev.fedgate.vocab.peertube.Video;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteVideoHandlerTest {
  /** A PeerTube-like remote site whose channel publishes videos, rendered as Fedgate renders its own. */
  private static final LocalUrls REMOTE = new LocalUrls(URI.create("https://tube.example"));
  private static final Instant UPDATED = Instant.parse("2026-11-02T10:00:00Z");

  private final ActivityMapper activities = new ActivityMapper(REMOTE);
  private final VocabWriter writer = VocabWriter.create();
  private InboxHarness h;
  private RemotePeer channel;
  private Video video;

  @BeforeEach
  void setUp() {
    h = new InboxHarness();
    channel = new RemotePeer(REMOTE.channel("lab"));
    h.fetcher.serve(channel.id(), channel.actorJson());
    video = new VideoMapper(REMOTE).video(new Stored<>(SiteFixtures.video(UUID.randomUUID(), "lab",
        SiteFixtures.PUBLISHED), SiteFixtures.PUBLISHED, UPDATED), "bob");
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  private void follow() {
    URI id = URI.create(h.urls.account("alice") + "/follows/1");
    await(h.storage.outbound().add(new OutboundAction("alice", OutboundKind.FOLLOW, channel.id(), channel.inbox(), id,
        FollowState.PENDING)));
    await(h.storage.outbound().setState(id, FollowState.ACCEPTED));
  }

  private String json(ApObject activity) {
    return new String(writer.write(activity), StandardCharsets.UTF_8);
  }

  @Test
  void createVideo_byAFollowedChannel_tellsTheSiteItsIdNameAndPage() {
    follow();

    h.deliver(channel, json(activities.create(video, "lab")));

    WebhookEvent event = h.webhooks().get(0);
    assertThat(event.type()).isEqualTo("remote-video.published");
    JsonNode body = InboxHarness.json(event.json());
    assertThat(body.path("video").asText()).isEqualTo(video.id().toString());
    assertThat(body.path("name").asText()).isEqualTo("Measuring light with chocolate");
    assertThat(body.path("channel").asText()).isEqualTo(channel.id().toString());
    assertThat(body.path("url").asText()).startsWith("https://site.example/w/");
  }

  @Test
  void createVideo_byAChannelNobodyFollows_isIgnored() {
    h.deliver(channel, json(activities.create(video, "lab")));

    assertThat(h.webhooks()).isEmpty();
  }

  @Test
  void updateAndDelete_byAFollowedChannel_areReported() {
    follow();

    h.deliver(channel, json(activities.update(video, "lab")));
    h.deliver(channel, json(activities.delete(video.id(), "lab")));

    assertThat(h.webhooks()).extracting(WebhookEvent::type)
        .containsExactly("remote-video.updated", "remote-video.deleted");
  }

  @Test
  void deleteOfTheChannelItself_isAnActorDeletion_notAVideo() {
    follow();

    h.deliver(channel, """
        {"@context":"https://www.w3.org/ns/activitystreams","id":"%1$s#delete","type":"Delete","actor":"%1$s",
         "object":"%1$s"}""".formatted(channel.id()));

    assertThat(h.webhooks()).extracting(WebhookEvent::type).containsExactly("actor.deleted");
  }
}
