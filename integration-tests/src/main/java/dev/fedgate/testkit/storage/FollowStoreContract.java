package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.FollowStore;
import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link FollowStore}: idempotent follows, counts, fan-out targets and stable keyset pages. */
public abstract class FollowStoreContract extends StoreContract {

  private FollowStore follows() {
    return backend.follows();
  }

  @BeforeEach
  final void createActors() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertChannel(channel("cooking", "alice")));
  }

  /** A follow of {@code localActor} by follower {@code n} on {@code host}, accepted, with a shared inbox. */
  protected static Follow follow(String localActor, String host, int n) {
    URI actor = URI.create("https://" + host + "/users/u" + n);
    return new Follow(localActor, actor, URI.create(actor + "/inbox"), Optional.of(URI.create("https://" + host
        + "/inbox")), FollowState.ACCEPTED, URI.create(actor + "#follows/" + n));
  }

  @Test
  void upsert_createsAFollowThatCanBeFound() {
    Follow follow = follow("cooking", "mastodon.example", 1);

    assertThat(await(follows().upsert(follow))).isEqualTo(UpsertResult.CREATED);
    assertThat(await(follows().find("cooking", follow.follower())).map(Stored::value)).contains(follow);
    assertThat(await(follows().find("alice", follow.follower()))).isEmpty();
  }

  @Test
  void upsert_repeatedFollow_isUnchanged_andAStateChangeIsUpdated() {
    Follow pending = new Follow("cooking", URI.create("https://peertube.example/accounts/p"),
        URI.create("https://peertube.example/accounts/p/inbox"), Optional.empty(), FollowState.PENDING,
        URI.create("https://peertube.example/follows/1"));
    await(follows().upsert(pending));
    Stored<Follow> before = await(follows().find("cooking", pending.follower())).orElseThrow();

    assertThat(await(follows().upsert(pending))).isEqualTo(UpsertResult.UNCHANGED);
    clock.advance(Duration.ofMinutes(1));
    Follow accepted = new Follow("cooking", pending.follower(), pending.inbox(), Optional.empty(),
        FollowState.ACCEPTED, pending.activityId());
    assertThat(await(follows().upsert(accepted))).isEqualTo(UpsertResult.UPDATED);

    Stored<Follow> after = await(follows().find("cooking", pending.follower())).orElseThrow();
    assertThat(after.value()).isEqualTo(accepted);
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).isEqualTo(clock.instant());
  }

  @Test
  void upsert_unknownLocalActor_isMissingReference() {
    assertThat(await(follows().upsert(follow("nobody", "mastodon.example", 1))))
        .isEqualTo(UpsertResult.MISSING_REFERENCE);
  }

  @Test
  void remove_removesOneFollowOnce() {
    Follow follow = follow("cooking", "mastodon.example", 1);
    await(follows().upsert(follow));
    await(follows().upsert(follow("alice", "mastodon.example", 1)));

    assertThat(await(follows().remove("cooking", follow.follower()))).isTrue();
    assertThat(await(follows().remove("cooking", follow.follower()))).isFalse();
    assertThat(await(follows().find("alice", follow.follower()))).isPresent();
  }

  @Test
  void removeFollower_removesEveryFollowOfThatActor() {
    await(follows().upsert(follow("cooking", "mastodon.example", 1)));
    await(follows().upsert(follow("alice", "mastodon.example", 1)));
    await(follows().upsert(follow("alice", "mastodon.example", 2)));

    assertThat(await(follows().removeFollower(URI.create("https://mastodon.example/users/u1")))).isEqualTo(2);
    assertThat(await(follows().count("alice", FollowState.ACCEPTED))).isEqualTo(1);
  }

  @Test
  void removeByInbox_removesFollowsWithThatPersonalInboxOnly() {
    await(follows().upsert(follow("cooking", "mastodon.example", 1)));
    await(follows().upsert(follow("alice", "mastodon.example", 1)));
    await(follows().upsert(follow("alice", "mastodon.example", 2)));

    assertThat(await(follows().removeByInbox(URI.create("https://mastodon.example/users/u1/inbox")))).isEqualTo(2);
    assertThat(await(follows().removeByInbox(URI.create("https://mastodon.example/inbox")))).isZero();
    assertThat(await(follows().count("alice", FollowState.ACCEPTED))).isEqualTo(1);
  }

  @Test
  void count_countsOneStateOfOneActor() {
    await(follows().upsert(follow("cooking", "a.example", 1)));
    await(follows().upsert(follow("cooking", "a.example", 2)));
    Follow pending = follow("cooking", "b.example", 3);
    await(follows().upsert(new Follow("cooking", pending.follower(), pending.inbox(), pending.sharedInbox(),
        FollowState.PENDING, pending.activityId())));

    assertThat(await(follows().count("cooking", FollowState.ACCEPTED))).isEqualTo(2);
    assertThat(await(follows().count("cooking", FollowState.PENDING))).isEqualTo(1);
    assertThat(await(follows().count("nobody", FollowState.ACCEPTED))).isZero();
  }

  @Test
  void deliveryInboxes_prefersSharedInboxes_andListsEachTargetOnce() {
    await(follows().upsert(follow("cooking", "mastodon.example", 1)));
    await(follows().upsert(follow("cooking", "mastodon.example", 2)));
    await(follows().upsert(follow("alice", "mastodon.example", 3)));
    Follow personal = new Follow("alice", URI.create("https://peertube.example/accounts/p"),
        URI.create("https://peertube.example/accounts/p/inbox"), Optional.empty(), FollowState.ACCEPTED,
        URI.create("https://peertube.example/follows/1"));
    await(follows().upsert(personal));
    Follow pending = follow("cooking", "pending.example", 4);
    await(follows().upsert(new Follow("cooking", pending.follower(), pending.inbox(), pending.sharedInbox(),
        FollowState.PENDING, pending.activityId())));

    assertThat(await(follows().deliveryInboxes(List.of("cooking", "alice")))).containsExactlyInAnyOrder(
        URI.create("https://mastodon.example/inbox"), URI.create("https://peertube.example/accounts/p/inbox"));
    assertThat(await(follows().deliveryInboxes(List.of()))).isEmpty();
  }

  @Test
  void deliveryInboxes_tooManyActors_isRefused() {
    List<String> actors = new ArrayList<>();
    for (int i = 0; i <= FollowStore.MAX_DELIVERY_ACTORS; i++) {
      actors.add("actor" + i);
    }

    assertThatThrownBy(() -> follows().deliveryInboxes(actors)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void page_listsOldestFirstInPagesOfTheRequestedSize() {
    List<Follow> created = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      created.add(follow("cooking", "m.example", i));
      await(follows().upsert(created.get(i)));
    }

    Page<Stored<Follow>> first = await(follows().page("cooking", FollowState.ACCEPTED, PageRequest.first(3)));
    List<Follow> all = readAllPagesBothWays(p -> await(follows().page("cooking", FollowState.ACCEPTED, p)), 3).stream()
        .map(Stored::value).toList();

    assertThat(first.items()).hasSize(3);
    assertThat(first.next()).isPresent();
    assertThat(all).containsExactlyElementsOf(created);
    assertThat(await(follows().page("cooking", FollowState.PENDING, PageRequest.first(3))).items()).isEmpty();
  }

  @Test
  void page_concurrentInserts_neverSkipOrRepeatAnExistingFollower() {
    List<URI> existing = addFollowers(150);
    List<CompletableFuture<UpsertResult>> inserts = new ArrayList<>();
    List<URI> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int n = 0;
    do {
      for (int i = 0; i < 4; i++) {
        inserts.add(follows().upsert(follow("cooking", "new.example", n++)).toCompletableFuture());
      }
      Page<Stored<Follow>> page = await(follows().page("cooking", FollowState.ACCEPTED, afterOrFirst(cursor, 9)));
      page.items().forEach(f -> seen.add(f.value().follower()));
      cursor = page.next();
    } while (cursor.isPresent());
    inserts.forEach(StoreContract::await);

    assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
    assertThat(Set.copyOf(seen)).hasSizeGreaterThanOrEqualTo(existing.size());
  }

  @Test
  void page_backwardDuringConcurrentInserts_neverSkipsOrRepeatsAnExistingFollower() {
    List<URI> existing = addFollowers(150);
    List<CompletableFuture<UpsertResult>> inserts = new ArrayList<>();
    int[] n = {0};
    List<URI> seen = readBackwardFromTheEnd(request -> await(follows().page("cooking", FollowState.ACCEPTED, request)),
        9, () -> {
          for (int i = 0; i < 4; i++) {
            inserts.add(follows().upsert(follow("cooking", "new.example", n[0]++)).toCompletableFuture());
          }
        }).stream().map(f -> f.value().follower()).toList();
    inserts.forEach(StoreContract::await);

    assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
  }

  @Test
  void page_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> follows().page("cooking", FollowState.ACCEPTED, request));
  }

  /** {@code count} accepted followers of {@code cooking} from {@code old.example}, oldest first. */
  private List<URI> addFollowers(int count) {
    List<URI> followers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Follow follow = follow("cooking", "old.example", i);
      followers.add(follow.follower());
      await(follows().upsert(follow));
    }
    return followers;
  }
}
