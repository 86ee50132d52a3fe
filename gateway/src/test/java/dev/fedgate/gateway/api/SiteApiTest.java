package dev.fedgate.gateway.api;

import static dev.fedgate.gateway.TestGateway.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.keys.LocalKeys;
import dev.fedgate.gateway.outbox.OutboxRelay;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.gateway.storage.Video;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SiteApiTest {
  private final ExecutorService cpu = Executors.newFixedThreadPool(2);
  private RecordingPublisher publisher;
  private final List<String> changes = new CopyOnWriteArrayList<>();
  private StorageBackend storage;
  private SiteApi api;

  @BeforeEach
  void open() {
    storage = await(StorageProviders.find("embedded").open(StorageSettings.builder()
        .url("mem:site-api-" + UUID.randomUUID()).build()));
    publisher = new RecordingPublisher(storage.deliveryJobs());
    api = new SiteApi(storage, new LocalKeys(storage.localActors(), Optional.empty(), cpu),
        new OutboxRelay(storage.deliveryJobs(), publisher, () -> { }, java.time.InstantSource.system()),
        new ChangeListener() {
          @Override
          public void actorChanged(String name) {
            changes.add("actor " + name);
          }

          @Override
          public void videoChanged(UUID uuid) {
            changes.add("video " + uuid);
          }
        }, java.time.InstantSource.system());
  }

  @AfterEach
  void close() {
    await(storage.close());
    cpu.shutdown();
  }

  private static Account alice(String displayName) {
    return new Account("alice", displayName, "", URI.create("https://site.example/@alice"), Optional.empty(),
        Optional.empty());
  }

  private static Channel cooking(String displayName) {
    return new Channel("cooking", "alice", displayName, "", URI.create("https://site.example/c/cooking"),
        Optional.empty(), Optional.empty());
  }

  private static Video bread(String name) {
    return SiteInputs.video(SiteInputsTest.UUID_1, SiteInputsTest.validVideo().put("name", name).encode());
  }

  private static ProblemType problemOf(Throwable thrown) {
    Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
    while (cause != null && !(cause instanceof FedgateException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("a FedgateException in " + thrown).isNotNull();
    return ((FedgateException) cause).type();
  }

  @Test
  void newAccount_getsKeys_andIsNotFederated_updateIsFederated_repeatIsSilent() {
    Change<Account> created = await(api.putAccount(alice("Alice")));
    assertThat(created.created()).isTrue();
    assertThat(await(storage.localActors().findKeys("alice"))).hasSize(2);
    assertThat(publisher.calls).isEmpty();

    Change<Account> updated = await(api.putAccount(alice("Alice B.")));
    assertThat(updated.created()).isFalse();
    assertThat(updated.stored().value().displayName()).isEqualTo("Alice B.");
    assertThat(publisher.calls).containsExactly("actorUpdated alice");

    await(api.putAccount(alice("Alice B.")));
    assertThat(publisher.calls).as("the same body again federates nothing").hasSize(1);
    assertThat(changes).containsExactly("actor alice", "actor alice");
  }

  @Test
  void channel_needsItsAccount_andNamesAreOneNamespace() {
    assertThatThrownBy(() -> await(api.putChannel(cooking("Cooking")))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.INVALID_REQUEST));
    await(api.putAccount(alice("Alice")));
    assertThat(await(api.putChannel(cooking("Cooking"))).created()).isTrue();
    assertThat(await(storage.localActors().findKeys("cooking"))).hasSize(2);

    Account clash = new Account("cooking", "Imposter", "", URI.create("https://site.example/x"), Optional.empty(),
        Optional.empty());
    assertThatThrownBy(() -> await(api.putAccount(clash))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.CONFLICT));
    Account instance = new Account("peertube", "Imposter", "", URI.create("https://site.example/x"), Optional.empty(),
        Optional.empty());
    await(storage.localActors().ensureInstanceActor("peertube"));
    assertThatThrownBy(() -> await(api.putAccount(instance))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.CONFLICT));
  }

  @Test
  void video_createUpdateRepeatDelete_federateOnce_each() {
    await(api.putAccount(alice("Alice")));
    await(api.putChannel(cooking("Cooking")));
    UUID uuid = SiteInputsTest.UUID_1;

    assertThat(await(api.putVideo(bread("Bread at home"))).created()).isTrue();
    assertThat(await(api.putVideo(bread("Bread at home"))).created()).isFalse();
    assertThat(await(api.putVideo(bread("Bread, better"))).stored().value().name()).isEqualTo("Bread, better");
    await(api.deleteVideo(uuid));
    await(api.deleteVideo(uuid));

    assertThat(publisher.calls).containsExactly("videoPublished " + uuid, "videoUpdated " + uuid,
        "videoDeleted " + uuid);
    assertThat(changes).filteredOn(c -> c.startsWith("video")).hasSize(3);
    assertThatThrownBy(() -> await(api.video(uuid))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.GONE));
    assertThatThrownBy(() -> await(api.putVideo(bread("Back again")))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.GONE));
  }

  @Test
  void video_ofUnknownChannel_isRefused_andUnknownReadsAreNotFound() {
    assertThatThrownBy(() -> await(api.putVideo(bread("Bread at home")))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.INVALID_REQUEST));
    assertThatThrownBy(() -> await(api.video(UUID.randomUUID()))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.NOT_FOUND));
    assertThatThrownBy(() -> await(api.deleteVideo(UUID.randomUUID()))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.NOT_FOUND));
    assertThatThrownBy(() -> await(api.account("nobody"))).satisfies(
        e -> assertThat(problemOf(e)).isEqualTo(ProblemType.NOT_FOUND));
    assertThat(publisher.calls).isEmpty();
  }
}
