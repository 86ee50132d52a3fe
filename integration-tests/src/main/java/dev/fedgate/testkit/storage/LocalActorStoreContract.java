package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.ActorKey;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contract of {@link LocalActorStore}: upserts, the shared namespace, the instance actor and keys. */
public abstract class LocalActorStoreContract extends StoreContract {
  private static final int RACERS = 16;

  private LocalActorStore actors() {
    return backend.localActors();
  }

  @Test
  void upsertAccount_createsAnAccountThatCanBeFound() {
    assertThat(await(actors().upsertAccount(account("alice")))).isEqualTo(UpsertResult.CREATED);

    Stored<Account> stored = await(actors().findAccount("alice")).orElseThrow();
    assertThat(stored.value()).isEqualTo(account("alice"));
    assertThat(stored.updatedAt()).isEqualTo(stored.createdAt());
  }

  @Test
  void upsertAccount_sameAccountAgain_isUnchanged() {
    await(actors().upsertAccount(account("alice")));
    Stored<Account> before = await(actors().findAccount("alice")).orElseThrow();

    assertThat(await(actors().upsertAccount(account("alice")))).isEqualTo(UpsertResult.UNCHANGED);
    assertThat(await(actors().findAccount("alice"))).contains(before);
  }

  @Test
  void upsertAccount_changedAccount_isUpdatedAndKeepsItsCreationTime() {
    await(actors().upsertAccount(account("alice")));
    Stored<Account> before = await(actors().findAccount("alice")).orElseThrow();
    Account renamed = new Account("alice", "Alice B.", "", account("alice").url(), Optional.empty(),
        account("alice").avatar());

    assertThat(await(actors().upsertAccount(renamed))).isEqualTo(UpsertResult.UPDATED);
    Stored<Account> after = await(actors().findAccount("alice")).orElseThrow();
    assertThat(after.value()).isEqualTo(renamed);
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).isAfterOrEqualTo(before.updatedAt());
  }

  @Test
  void upsertAccount_concurrentCreates_createOnce() {
    List<UpsertResult> results = race(RACERS, i -> actors().upsertAccount(account("racer")));

    assertThat(results).containsOnlyOnce(UpsertResult.CREATED).containsOnly(UpsertResult.CREATED,
        UpsertResult.UNCHANGED);
  }

  @Test
  void upsertChannel_createsAChannelOfAnAccount() {
    await(actors().upsertAccount(account("alice")));

    assertThat(await(actors().upsertChannel(channel("cooking", "alice")))).isEqualTo(UpsertResult.CREATED);
    assertThat(await(actors().findChannel("cooking")).map(Stored::value)).contains(channel("cooking", "alice"));
  }

  @Test
  void upsertChannel_movedToAnotherAccount_isUpdated() {
    await(actors().upsertAccount(account("alice")));
    await(actors().upsertAccount(account("bob")));
    await(actors().upsertChannel(channel("cooking", "alice")));

    assertThat(await(actors().upsertChannel(channel("cooking", "bob")))).isEqualTo(UpsertResult.UPDATED);
    assertThat(await(actors().findChannel("cooking")).orElseThrow().value().account()).isEqualTo("bob");
  }

  @Test
  void manualFollowerApproval_isStoredAndChangingItIsAnUpdate() {
    Account plain = account("alice");
    Account manual = new Account(plain.name(), plain.displayName(), plain.summary(), plain.url(), plain.avatar(),
        plain.banner(), true);
    await(actors().upsertAccount(plain));
    Channel channel = channel("cooking", "alice");
    Channel manualChannel = new Channel(channel.name(), channel.account(), channel.displayName(), channel.summary(),
        channel.url(), channel.avatar(), channel.banner(), true);
    await(actors().upsertChannel(channel));

    assertThat(await(actors().upsertAccount(manual))).isEqualTo(UpsertResult.UPDATED);
    assertThat(await(actors().upsertChannel(manualChannel))).isEqualTo(UpsertResult.UPDATED);
    assertThat(await(actors().findAccount("alice")).map(Stored::value)).contains(manual);
    assertThat(await(actors().findChannel("cooking")).map(Stored::value)).contains(manualChannel);
    assertThat(await(actors().upsertChannel(channel))).isEqualTo(UpsertResult.UPDATED);
    assertThat(await(actors().findChannel("cooking")).orElseThrow().value().manuallyApprovesFollowers()).isFalse();
  }

  @Test
  void upsertChannel_unknownAccount_isMissingReference() {
    assertThat(await(actors().upsertChannel(channel("cooking", "nobody")))).isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(await(actors().findChannel("cooking"))).isEmpty();
  }

  @Test
  void upsertChannel_ownerIsAChannel_isMissingReference() {
    await(actors().upsertAccount(account("alice")));
    await(actors().upsertChannel(channel("cooking", "alice")));

    assertThat(await(actors().upsertChannel(channel("baking", "cooking")))).isEqualTo(UpsertResult.MISSING_REFERENCE);
  }

  @Test
  void namesAreSharedAcrossKinds() {
    await(actors().upsertAccount(account("alice")));
    await(actors().upsertChannel(channel("cooking", "alice")));
    await(actors().ensureInstanceActor("peertube"));

    assertThat(await(actors().upsertChannel(channel("alice", "alice")))).isEqualTo(UpsertResult.NAME_TAKEN);
    assertThat(await(actors().upsertAccount(account("cooking")))).isEqualTo(UpsertResult.NAME_TAKEN);
    assertThat(await(actors().upsertAccount(account("peertube")))).isEqualTo(UpsertResult.NAME_TAKEN);
    assertThat(await(actors().ensureInstanceActor("alice"))).isEqualTo(UpsertResult.NAME_TAKEN);
    assertThat(await(actors().findAccount("cooking"))).isEmpty();
    assertThat(await(actors().findChannel("alice"))).isEmpty();
    assertThat(await(actors().findAccount("alice")).map(Stored::value)).contains(account("alice"));
  }

  @Test
  void ensureInstanceActor_isIdempotent() {
    assertThat(await(actors().ensureInstanceActor("peertube"))).isEqualTo(UpsertResult.CREATED);
    assertThat(await(actors().ensureInstanceActor("peertube"))).isEqualTo(UpsertResult.UNCHANGED);
  }

  @Test
  void findActor_tellsTheKindOfEachName() {
    await(actors().upsertAccount(account("alice")));
    await(actors().upsertChannel(channel("cooking", "alice")));
    await(actors().ensureInstanceActor("peertube"));

    assertThat(await(actors().findActor("alice")).orElseThrow().kind()).isEqualTo(ActorKind.ACCOUNT);
    assertThat(await(actors().findActor("cooking")).orElseThrow().kind()).isEqualTo(ActorKind.CHANNEL);
    assertThat(await(actors().findActor("peertube")).orElseThrow().kind()).isEqualTo(ActorKind.APPLICATION);
    assertThat(await(actors().findActor("nobody"))).isEmpty();
  }

  @Test
  void putKeyIfAbsent_storesKeysThatReadBackByteForByte() {
    await(actors().upsertAccount(account("alice")));
    ActorKey rsa = key("RSA", 1);
    ActorKey ed = key("Ed25519", 2);

    assertThat(await(actors().putKeyIfAbsent("alice", rsa))).contains(rsa);
    assertThat(await(actors().putKeyIfAbsent("alice", ed))).contains(ed);
    assertThat(await(actors().findKeys("alice"))).containsExactly(ed, rsa);
  }

  @Test
  void putKeyIfAbsent_secondKeyOfAnAlgorithm_keepsTheFirst() {
    await(actors().upsertAccount(account("alice")));
    ActorKey first = key("RSA", 1);

    await(actors().putKeyIfAbsent("alice", first));
    assertThat(await(actors().putKeyIfAbsent("alice", key("RSA", 9)))).contains(first);
    assertThat(await(actors().findKeys("alice"))).containsExactly(first);
  }

  @Test
  void putKeyIfAbsent_unknownActor_isEmpty() {
    assertThat(await(actors().putKeyIfAbsent("nobody", key("RSA", 1)))).isEmpty();
    assertThat(await(actors().findKeys("nobody"))).isEmpty();
  }

  @Test
  void putKeyIfAbsent_concurrentCallers_allGetTheOneStoredKey() {
    await(actors().upsertAccount(account("alice")));

    List<Optional<ActorKey>> results = race(RACERS, i -> actors().putKeyIfAbsent("alice", key("RSA", i)));

    assertThat(results.stream().map(Optional::orElseThrow).collect(Collectors.toSet())).hasSize(1);
    assertThat(await(actors().findKeys("alice"))).containsExactly(results.get(0).orElseThrow());
  }

  private static ActorKey key(String algorithm, int seed) {
    return new ActorKey(algorithm, ("public-" + algorithm + seed).getBytes(StandardCharsets.UTF_8),
        ("private-" + algorithm + seed).getBytes(StandardCharsets.UTF_8));
  }
}
