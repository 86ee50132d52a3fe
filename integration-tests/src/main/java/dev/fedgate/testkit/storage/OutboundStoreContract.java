package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.OutboundAction;
import dev.fedgate.gateway.storage.OutboundKind;
import dev.fedgate.gateway.storage.OutboundStore;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link OutboundStore}: one follow or like per account and object, acceptance, stable pages. */
public abstract class OutboundStoreContract extends StoreContract {
  private static final URI CHANNEL = URI.create("https://peertube.example/video-channels/cooking");

  private OutboundStore outbound() {
    return backend.outbound();
  }

  @BeforeEach
  final void createActors() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertChannel(channel("kitchen", "alice")));
  }

  /** Alice's pending follow of {@code target}, with activity id number {@code n}. */
  protected static OutboundAction follow(URI target, int n) {
    return new OutboundAction("alice", OutboundKind.FOLLOW, target, URI.create(target + "/inbox"),
        URI.create(Samples.SITE + "/accounts/alice/follows/" + n), FollowState.PENDING);
  }

  @Test
  void add_storesAnActionFoundByObjectAndByActivity() {
    OutboundAction follow = follow(CHANNEL, 1);

    assertThat(await(outbound().add(follow))).isEqualTo(UpsertResult.CREATED);

    Stored<OutboundAction> stored = await(outbound().find("alice", OutboundKind.FOLLOW, CHANNEL)).orElseThrow();
    assertThat(stored.value()).isEqualTo(follow);
    assertThat(stored.createdAt()).isEqualTo(START);
    assertThat(await(outbound().findByActivity(follow.activityId())).map(Stored::value)).contains(follow);
    assertThat(await(outbound().find("alice", OutboundKind.LIKE, CHANNEL))).isEmpty();
  }

  @Test
  void add_again_keepsTheFirstActivityId() {
    await(outbound().add(follow(CHANNEL, 1)));

    assertThat(await(outbound().add(follow(CHANNEL, 2)))).isEqualTo(UpsertResult.UNCHANGED);

    assertThat(await(outbound().find("alice", OutboundKind.FOLLOW, CHANNEL)).orElseThrow().value().activityId())
        .isEqualTo(follow(CHANNEL, 1).activityId());
  }

  @Test
  void add_concurrentlyForOneObject_storesItOnce() {
    List<CompletableFuture<UpsertResult>> adds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      adds.add(outbound().add(follow(CHANNEL, i)).toCompletableFuture());
    }

    List<UpsertResult> results = adds.stream().map(StoreContract::await).toList();

    assertThat(results).containsOnlyOnce(UpsertResult.CREATED);
    assertThat(await(outbound().count("alice", OutboundKind.FOLLOW, FollowState.PENDING))).isEqualTo(1);
  }

  @Test
  void add_byAChannelOrUnknownName_isMissingReference() {
    OutboundAction byChannel = new OutboundAction("kitchen", OutboundKind.LIKE, CHANNEL, CHANNEL, CHANNEL,
        FollowState.ACCEPTED);
    OutboundAction byNobody = new OutboundAction("nobody", OutboundKind.LIKE, CHANNEL, CHANNEL, CHANNEL,
        FollowState.ACCEPTED);

    assertThat(await(outbound().add(byChannel))).isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(await(outbound().add(byNobody))).isEqualTo(UpsertResult.MISSING_REFERENCE);
  }

  @Test
  void setState_acceptsTheFollow_andMakesTheActorFollowed() {
    OutboundAction follow = follow(CHANNEL, 1);
    await(outbound().add(follow));
    assertThat(await(outbound().isFollowed(CHANNEL))).isFalse();
    clock.advance(Duration.ofMinutes(1));

    assertThat(await(outbound().setState(follow.activityId(), FollowState.ACCEPTED))).isTrue();

    Stored<OutboundAction> stored = await(outbound().find("alice", OutboundKind.FOLLOW, CHANNEL)).orElseThrow();
    assertThat(stored.value().state()).isEqualTo(FollowState.ACCEPTED);
    assertThat(stored.updatedAt()).isEqualTo(clock.instant());
    assertThat(await(outbound().isFollowed(CHANNEL))).isTrue();
    assertThat(await(outbound().setState(URI.create("https://other.example/f/1"), FollowState.ACCEPTED))).isFalse();
  }

  @Test
  void remove_isIdempotent() {
    await(outbound().add(follow(CHANNEL, 1)));

    assertThat(await(outbound().remove("alice", OutboundKind.FOLLOW, CHANNEL))).isTrue();
    assertThat(await(outbound().remove("alice", OutboundKind.FOLLOW, CHANNEL))).isFalse();
    assertThat(await(outbound().find("alice", OutboundKind.FOLLOW, CHANNEL))).isEmpty();
  }

  @Test
  void page_listsOneStateOldestFirst_acrossPages() {
    List<URI> targets = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      URI target = URI.create("https://peertube.example/video-channels/c" + i);
      targets.add(target);
      await(outbound().add(follow(target, i)));
      await(outbound().setState(follow(target, i).activityId(), FollowState.ACCEPTED));
    }
    await(outbound().add(follow(CHANNEL, 9)));

    List<URI> listed = readAllPagesBothWays(request -> await(outbound().page("alice", OutboundKind.FOLLOW,
        FollowState.ACCEPTED, request)), 3).stream().map(item -> item.value().object()).toList();

    assertThat(listed).containsExactlyElementsOf(targets);
    assertThat(await(outbound().count("alice", OutboundKind.FOLLOW, FollowState.ACCEPTED))).isEqualTo(5);
    assertThat(await(outbound().count("alice", OutboundKind.LIKE, FollowState.ACCEPTED))).isZero();
  }

  @Test
  void page_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> outbound().page("alice", OutboundKind.FOLLOW, FollowState.ACCEPTED, request));
  }
}
