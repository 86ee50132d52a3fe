package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static dev.fedgate.testkit.storage.Samples.video;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.gateway.storage.Interaction;
import dev.fedgate.gateway.storage.InteractionKind;
import dev.fedgate.gateway.storage.InteractionStore;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.UpsertResult;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link InteractionStore}: one interaction per actor, video and kind; ratings are exclusive. */
public abstract class InteractionStoreContract extends StoreContract {
  private static final UUID VIDEO = UUID.fromString("5f1c3a4e-7a43-4c4b-9f0e-2b8e8d1e6a11");
  private static final URI BOB = URI.create("https://mastodon.example/users/bob");
  private static final URI CAROL = URI.create("https://peertube.example/accounts/carol");

  private InteractionStore interactions() {
    return backend.interactions();
  }

  @BeforeEach
  final void createVideo() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertChannel(channel("cooking", "alice")));
    await(backend.videos().upsert(video(VIDEO, "cooking", Instant.EPOCH)));
  }

  private static Interaction of(URI actor, InteractionKind kind) {
    return new Interaction(VIDEO, actor, kind, URI.create(actor + "/activities/" + kind));
  }

  @Test
  void record_countsEachActorOnce() {
    assertThat(await(interactions().record(of(BOB, InteractionKind.LIKE)))).isEqualTo(UpsertResult.CREATED);
    assertThat(await(interactions().record(of(BOB, InteractionKind.LIKE)))).isEqualTo(UpsertResult.UNCHANGED);
    await(interactions().record(of(CAROL, InteractionKind.LIKE)));
    await(interactions().record(of(BOB, InteractionKind.SHARE)));

    assertThat(await(interactions().count(VIDEO, InteractionKind.LIKE))).isEqualTo(2);
    assertThat(await(interactions().count(VIDEO, InteractionKind.SHARE))).isEqualTo(1);
  }

  @Test
  void page_listsOneKindInTheOrderRecorded_keysetPaged() {
    List<URI> likers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      URI liker = URI.create("https://peer" + i + ".example/users/u" + i);
      likers.add(liker);
      await(interactions().record(of(liker, InteractionKind.LIKE)));
    }
    await(interactions().record(of(BOB, InteractionKind.SHARE)));
    await(interactions().remove(VIDEO, likers.get(1), InteractionKind.LIKE));

    List<Interaction> likes = readAllPagesBothWays(request -> await(interactions().page(VIDEO, InteractionKind.LIKE,
        request)), 2);

    assertThat(likes).containsExactly(of(likers.get(0), InteractionKind.LIKE), of(likers.get(2), InteractionKind.LIKE),
        of(likers.get(3), InteractionKind.LIKE), of(likers.get(4), InteractionKind.LIKE));
    assertThat(await(interactions().page(VIDEO, InteractionKind.SHARE, PageRequest.first(10))).items())
        .containsExactly(of(BOB, InteractionKind.SHARE));
    assertThat(await(interactions().page(UUID.randomUUID(), InteractionKind.LIKE, PageRequest.first(10))).items())
        .isEmpty();
    assertMalformedCursorsFail(request -> interactions().page(VIDEO, InteractionKind.LIKE, request));
  }

  @Test
  void record_concurrentRepeats_countOnce() {
    List<UpsertResult> results = race(12, i -> interactions().record(of(BOB, InteractionKind.SHARE)));

    assertThat(results).containsOnlyOnce(UpsertResult.CREATED);
    assertThat(await(interactions().count(VIDEO, InteractionKind.SHARE))).isEqualTo(1);
  }

  @Test
  void record_aDislikeReplacesTheLike() {
    await(interactions().record(of(BOB, InteractionKind.LIKE)));
    await(interactions().record(of(BOB, InteractionKind.SHARE)));

    await(interactions().record(of(BOB, InteractionKind.DISLIKE)));

    assertThat(await(interactions().count(VIDEO, InteractionKind.LIKE))).isZero();
    assertThat(await(interactions().count(VIDEO, InteractionKind.DISLIKE))).isEqualTo(1);
    assertThat(await(interactions().count(VIDEO, InteractionKind.SHARE))).isEqualTo(1);
  }

  @Test
  void record_deletedOrUnknownVideo_isMissingReference() {
    await(backend.videos().delete(VIDEO));

    assertThat(await(interactions().record(of(BOB, InteractionKind.LIKE))))
        .isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(await(interactions().record(new Interaction(UUID.randomUUID(), BOB, InteractionKind.LIKE,
        URI.create(BOB + "/likes/1"))))).isEqualTo(UpsertResult.MISSING_REFERENCE);
  }

  @Test
  void remove_undoesOneInteractionOnce() {
    await(interactions().record(of(BOB, InteractionKind.LIKE)));

    assertThat(await(interactions().remove(VIDEO, BOB, InteractionKind.LIKE))).isTrue();
    assertThat(await(interactions().remove(VIDEO, BOB, InteractionKind.LIKE))).isFalse();
    assertThat(await(interactions().count(VIDEO, InteractionKind.LIKE))).isZero();
  }

  @Test
  void addViews_addsToTheTotals_andDropsVideosThatAreNotLive() {
    UUID deleted = UUID.randomUUID();
    await(backend.videos().upsert(video(deleted, "cooking", Instant.EPOCH)));
    await(backend.videos().delete(deleted));

    assertThat(await(interactions().addViews(Map.of(VIDEO, 3L, deleted, 5L, UUID.randomUUID(), 7L)))).isEqualTo(1);
    assertThat(await(interactions().addViews(Map.of(VIDEO, 4L)))).isEqualTo(1);

    assertThat(await(interactions().views(VIDEO))).isEqualTo(7);
    assertThat(await(interactions().views(deleted))).isZero();
  }

  @Test
  void addViews_concurrentFlushes_loseNothing() {
    race(12, i -> interactions().addViews(Map.of(VIDEO, 10L)));

    assertThat(await(interactions().views(VIDEO))).isEqualTo(120);
  }

  @Test
  void addViews_negativeCount_isRefused() {
    assertThatThrownBy(() -> interactions().addViews(Map.of(VIDEO, -1L)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void removeActor_removesAllOfThatActorsInteractions() {
    await(interactions().record(of(BOB, InteractionKind.LIKE)));
    await(interactions().record(of(BOB, InteractionKind.SHARE)));
    await(interactions().record(of(CAROL, InteractionKind.SHARE)));

    assertThat(await(interactions().removeActor(BOB))).isEqualTo(2);
    assertThat(await(interactions().count(VIDEO, InteractionKind.SHARE))).isEqualTo(1);
  }
}
