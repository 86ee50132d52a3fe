package dev.fedgate.gateway.outbox;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedgate.gateway.Gateway;
import dev.fedgate.gateway.SiteFixtures;
import dev.fedgate.gateway.TestGateway;
import dev.fedgate.gateway.mapping.LocalObjects;
import dev.fedgate.gateway.mapping.LocalUrls;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.PendingFederation;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoTombstone;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueueingPublisherTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";
  private static final URI SHARED_A = URI.create("https://a.example/inbox");
  private static final URI SHARED_D = URI.create("https://d.example/inbox");
  private static final URI OWN_B = URI.create("https://b.example/users/b/inbox");

  @TempDir Path dataDirectory;
  private TestGateway test;
  private StorageBackend storage;
  private QueueingPublisher publisher;
  private String base;

  @BeforeEach
  void start() {
    test = TestGateway.start(dataDirectory);
    Gateway gateway = test.gateway();
    storage = gateway.storage();
    LocalUrls urls = new LocalUrls(gateway.publicUrl());
    base = gateway.publicUrl().toString();
    publisher = new QueueingPublisher(urls, storage,
        new LocalObjects(urls, storage.localActors(), storage.videos(), storage.comments(),
        storage.replies(), gateway.keys()));
    SiteFixtures.createActors(gateway, "alice", "science");
    // The channel: one follower behind a shared inbox, one with only its own inbox.
    follow("science", "https://a.example/users/a", Optional.of(SHARED_A));
    follow("science", "https://b.example/users/b", Optional.empty());
    // The account: a follower on the same shared inbox as the channel's.
    follow("alice", "https://a.example/users/a2", Optional.of(SHARED_A));
    // The instance actor: one instance already reached through the channel, one only through the instance actor.
    follow(LocalUrls.INSTANCE_ACTOR_NAME, "https://a.example/accounts/peertube", Optional.of(SHARED_A));
    follow(LocalUrls.INSTANCE_ACTOR_NAME, "https://d.example/accounts/peertube", Optional.of(SHARED_D));
  }

  @AfterEach
  void stop() {
    test.close();
  }

  @Test
  void videoPublished_queuesCreateToOwnersFollowersAndAnnounceToTheRest() {
    Stored<Video> video = upsertVideo();
    String id = videoId(video);
    assertThat(federate(FederationSubject.video(video.value().uuid()))).isTrue();
    List<Delivery> jobs = queued();
    assertThat(jobs).extracting(Delivery::inbox).containsExactly(SHARED_A, OWN_B, SHARED_D);
    Delivery create = jobs.get(0);
    assertThat(create.signer()).isEqualTo("science");
    assertThat(create.activityId()).isEqualTo(URI.create(id + "/activity/create"));
    assertThat(create.objectId()).contains(URI.create(id));
    assertThat(jobs.get(1).json()).isEqualTo(create.json());
    JsonNode activity = parse(create.json());
    assertThat(activity.has("@context")).isTrue();
    assertThat(activity.get("type").asText()).isEqualTo("Create");
    assertThat(activity.get("id").asText()).isEqualTo(id + "/activity/create");
    assertThat(activity.get("actor").asText()).isEqualTo(base + "/video-channels/science");
    assertThat(activity.get("to").get(0).asText()).isEqualTo(PUBLIC);
    assertThat(activity.get("cc").get(0).asText()).isEqualTo(base + "/video-channels/science/followers");
    JsonNode object = activity.get("object");
    assertThat(object.get("type").asText()).isEqualTo("Video");
    assertThat(object.get("id").asText()).isEqualTo(id);
    assertThat(object.get("attributedTo").get(0).asText()).isEqualTo(base + "/video-channels/science");
    assertThat(object.get("attributedTo").get(1).asText()).isEqualTo(base + "/accounts/alice");
    assertThat(object.has("@context")).isFalse();
    Delivery announce = jobs.get(2);
    assertThat(announce.signer()).isEqualTo(LocalUrls.INSTANCE_ACTOR_NAME);
    JsonNode announced = parse(announce.json());
    assertThat(announced.get("type").asText()).isEqualTo("Announce");
    assertThat(announced.get("id").asText()).isEqualTo(id + "/activity/announce");
    assertThat(announced.get("actor").asText()).isEqualTo(base + "/accounts/peertube");
    assertThat(announced.get("object").asText()).isEqualTo(id);
    assertThat(announced.get("cc").get(0).asText()).isEqualTo(base + "/accounts/peertube/followers");
  }

  @Test
  void videoPublished_withoutFollowers_queuesNothing() {
    SiteFixtures.createActors(test.gateway(), "lonely", "quiet");
    UUID uuid = UUID.randomUUID();
    await(storage.videos().upsert(SiteFixtures.video(uuid, "quiet", SiteFixtures.PUBLISHED)));
    Stored<Video> video = await(storage.videos().find(uuid)).orElseThrow();
    await(storage.follows().removeFollower(URI.create("https://a.example/accounts/peertube")));
    await(storage.follows().removeFollower(URI.create("https://d.example/accounts/peertube")));
    assertThat(federate(FederationSubject.video(video.value().uuid()))).isTrue();
    assertThat(queued()).isEmpty();
  }

  @Test
  void videoUpdated_queuesUpdateVersionedByItsUpdatedTimeToTheWholeAudience() {
    Stored<Video> original = upsertVideo();
    assertThat(federate(FederationSubject.video(original.value().uuid()))).isTrue();
    assertThat(queued()).as("the creation's jobs, claimed out of the way").hasSize(3);
    Video changed = SiteFixtures.video(original.value().uuid(), "science", SiteFixtures.PUBLISHED);
    Video renamed = new Video(changed.uuid(), changed.channel(), "A new title for the chocolate", changed.description(),
        changed.durationSeconds(), changed.publishedAt(), changed.url(), changed.embedUrl(), changed.thumbnails(),
        changed.files(), changed.hls(), changed.tags(), changed.language(), changed.licence(), changed.category(),
        changed.sensitive(), changed.commentsPolicy(), changed.live());
    await(storage.videos().upsert(renamed));
    Stored<Video> video = await(storage.videos().find(renamed.uuid())).orElseThrow();
    assertThat(federate(FederationSubject.video(video.value().uuid()))).isTrue();
    List<Delivery> jobs = queued();
    assertThat(jobs).extracting(Delivery::inbox).containsExactly(SHARED_A, OWN_B, SHARED_D);
    assertThat(jobs).extracting(Delivery::signer).containsOnly("science");
    URI activityId = URI.create(videoId(video) + "/activity/update/" + video.updatedAt().toEpochMilli());
    assertThat(jobs).extracting(Delivery::activityId).containsOnly(activityId);
    JsonNode activity = parse(jobs.get(0).json());
    assertThat(activity.get("type").asText()).isEqualTo("Update");
    assertThat(activity.get("object").get("name").asText()).isEqualTo("A new title for the chocolate");
    assertThat(Instant.parse(activity.get("object").get("updated").asText())).isEqualTo(video.updatedAt());
  }

  @Test
  void updateOfAnUnfederatedVideo_federatesAsItsCreation_withTheNewContent() {
    Stored<Video> original = upsertVideo();
    Video changed = original.value();
    await(storage.videos().upsert(new Video(changed.uuid(), changed.channel(), "Renamed before anyone heard of it",
        changed.description(), changed.durationSeconds(), changed.publishedAt(), changed.url(), changed.embedUrl(),
        changed.thumbnails(), changed.files(), changed.hls(), changed.tags(), changed.language(), changed.licence(),
        changed.category(), changed.sensitive(), changed.commentsPolicy(), changed.live())));
    assertThat(federate(FederationSubject.video(changed.uuid()))).isTrue();
    List<Delivery> jobs = queued();
    JsonNode create = parse(jobs.get(0).json());
    assertThat(create.get("type").asText()).isEqualTo("Create");
    assertThat(create.get("object").get("name").asText()).isEqualTo("Renamed before anyone heard of it");
  }

  @Test
  void federate_sameMarkTwice_queuesOnce() {
    Stored<Video> video = upsertVideo();
    PendingFederation pending =
        await(storage.deliveryJobs().findPending(FederationSubject.video(video.value().uuid()))).orElseThrow();
    assertThat(await(publisher.federate(pending))).isTrue();
    assertThat(await(publisher.federate(pending))).isFalse();
    assertThat(queued()).hasSize(3);
  }

  @Test
  void videoDeleted_cancelsQueuedJobsThenQueuesDelete() {
    Stored<Video> video = upsertVideo();
    String id = videoId(video);
    assertThat(federate(FederationSubject.video(video.value().uuid()))).isTrue();
    assertThat(await(storage.videos().delete(video.value().uuid()))).isTrue();
    VideoTombstone tombstone = await(storage.videos().findTombstone(video.value().uuid())).orElseThrow();
    assertThat(federate(FederationSubject.video(tombstone.uuid()))).isTrue();
    List<Delivery> jobs = queued();
    assertThat(jobs).extracting(Delivery::inbox).containsExactly(SHARED_A, OWN_B, SHARED_D);
    assertThat(jobs).extracting(Delivery::activityId).containsOnly(URI.create(id + "/activity/delete"));
    assertThat(jobs).extracting(Delivery::signer).containsOnly("science");
    assertThat(jobs).extracting(Delivery::objectId).containsOnly(Optional.empty());
    JsonNode activity = parse(jobs.get(0).json());
    assertThat(activity.get("type").asText()).isEqualTo("Delete");
    assertThat(activity.get("actor").asText()).isEqualTo(base + "/video-channels/science");
    assertThat(activity.get("object").asText()).isEqualTo(id);
  }

  @Test
  void actorUpdated_queuesUpdateOfTheActorByItselfToItsFollowers() {
    Account alice = SiteFixtures.account("alice");
    await(storage.localActors().upsertAccount(new Account("alice", "Alice, renamed", alice.summary(), alice.url(),
        alice.avatar(), alice.banner())));
    assertThat(federate(FederationSubject.actor("alice"))).isTrue();
    List<Delivery> jobs = queued();
    assertThat(jobs).extracting(Delivery::inbox).containsExactly(SHARED_A);
    Delivery update = jobs.get(0);
    assertThat(update.signer()).isEqualTo("alice");
    String actor = base + "/accounts/alice";
    Instant changedAt = await(storage.localActors().findAccount("alice")).orElseThrow().updatedAt();
    assertThat(update.activityId()).isEqualTo(URI.create(actor + "/activity/update/" + changedAt.toEpochMilli()));
    JsonNode activity = parse(update.json());
    assertThat(activity.get("type").asText()).isEqualTo("Update");
    assertThat(activity.get("actor").asText()).isEqualTo(actor);
    assertThat(activity.get("object").get("id").asText()).isEqualTo(actor);
    assertThat(activity.get("object").get("type").asText()).isEqualTo("Person");
    assertThat(activity.get("object").get("publicKey").get("id").asText()).isEqualTo(actor + "#main-key");
  }

  /** Federates the subject's pending mark as the Site API does after a write. */
  private boolean federate(FederationSubject subject) {
    PendingFederation pending = await(storage.deliveryJobs().findPending(subject)).orElseThrow();
    return await(publisher.federate(pending));
  }

  private Stored<Video> upsertVideo() {
    UUID uuid = UUID.randomUUID();
    await(storage.videos().upsert(SiteFixtures.video(uuid, "science", SiteFixtures.PUBLISHED)));
    return await(storage.videos().find(uuid)).orElseThrow();
  }

  private String videoId(Stored<Video> video) {
    return base + "/videos/watch/" + video.value().uuid();
  }

  private void follow(String localActor, String follower, Optional<URI> sharedInbox) {
    await(storage.follows().upsert(SiteFixtures.follow(localActor, URI.create(follower), sharedInbox)));
  }

  /** Every queued job, Creates before Announces as queued (ids grow), each group in inbox order. */
  private List<Delivery> queued() {
    List<Job<Delivery>> jobs = await(storage.deliveryJobs().claimDue(Instant.now().plus(Duration.ofHours(1)), 1000,
        Duration.ofMinutes(5)));
    return jobs.stream().sorted(Comparator.comparingLong(job -> job.id().value())).map(Job::payload).toList();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
