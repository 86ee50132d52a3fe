package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static dev.fedgate.testkit.storage.Samples.minimalVideo;
import static dev.fedgate.testkit.storage.Samples.video;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Page;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.Video;
import dev.fedgate.gateway.storage.VideoStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link VideoStore}: upserts, tombstones, and keyset pages per channel, account and in all. */
public abstract class VideoStoreContract extends StoreContract {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.123456Z");

  private VideoStore videos() {
    return backend.videos();
  }

  @BeforeEach
  final void createChannels() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertChannel(channel("cooking", "alice")));
    await(backend.localActors().upsertChannel(channel("music", "alice")));
  }

  @Test
  void upsert_createsAVideoThatReadsBackWhole() {
    Video full = video(UUID.randomUUID(), "cooking", T0);
    Video minimal = minimalVideo(UUID.randomUUID(), "cooking", T0);

    assertThat(await(videos().upsert(full))).isEqualTo(UpsertResult.CREATED);
    assertThat(await(videos().upsert(minimal))).isEqualTo(UpsertResult.CREATED);
    assertThat(await(videos().find(full.uuid())).map(Stored::value)).contains(full);
    assertThat(await(videos().find(minimal.uuid())).map(Stored::value)).contains(minimal);
  }

  @Test
  void upsert_sameVideoAgain_isUnchanged() {
    Video video = video(UUID.randomUUID(), "cooking", T0);
    await(videos().upsert(video));
    Stored<Video> before = await(videos().find(video.uuid())).orElseThrow();

    assertThat(await(videos().upsert(video))).isEqualTo(UpsertResult.UNCHANGED);
    assertThat(await(videos().find(video.uuid()))).contains(before);
  }

  @Test
  void upsert_changedVideo_isUpdated() {
    UUID uuid = UUID.randomUUID();
    await(videos().upsert(video(uuid, "cooking", T0)));
    Video moved = minimalVideo(uuid, "music", T0.plusSeconds(5));

    assertThat(await(videos().upsert(moved))).isEqualTo(UpsertResult.UPDATED);
    assertThat(await(videos().find(uuid)).map(Stored::value)).contains(moved);
  }

  @Test
  void upsert_unknownChannel_isMissingReference() {
    UUID uuid = UUID.randomUUID();

    assertThat(await(videos().upsert(video(uuid, "nowhere", T0)))).isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(await(videos().upsert(video(uuid, "alice", T0)))).isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(await(videos().find(uuid))).isEmpty();
  }

  @Test
  void delete_leavesATombstoneThatRefusesUpserts() {
    UUID uuid = UUID.randomUUID();
    await(videos().upsert(video(uuid, "cooking", T0)));

    assertThat(await(videos().delete(uuid))).isTrue();
    assertThat(await(videos().find(uuid))).isEmpty();
    assertThat(await(videos().findTombstone(uuid))).hasValueSatisfying(t -> {
      assertThat(t.channel()).isEqualTo("cooking");
      assertThat(t.publishedAt()).isEqualTo(T0);
    });
    assertThat(await(videos().upsert(video(uuid, "cooking", T0)))).isEqualTo(UpsertResult.GONE);
    assertThat(await(videos().delete(uuid))).isFalse();
  }

  @Test
  void delete_unknownVideo_isFalse() {
    UUID uuid = UUID.randomUUID();

    assertThat(await(videos().delete(uuid))).isFalse();
    assertThat(await(videos().findTombstone(uuid))).isEmpty();
  }

  @Test
  void findTombstone_liveVideo_isEmpty() {
    UUID uuid = UUID.randomUUID();
    await(videos().upsert(video(uuid, "cooking", T0)));

    assertThat(await(videos().findTombstone(uuid))).isEmpty();
  }

  @Test
  void delete_concurrentCalls_exactlyOneDeletes() {
    UUID uuid = UUID.randomUUID();
    await(videos().upsert(video(uuid, "cooking", T0)));

    List<Boolean> results = race(16, i -> videos().delete(uuid));

    assertThat(results).containsOnlyOnce(true);
  }

  @Test
  void pageByChannel_newestPublishedFirst_tiesByNewestCreated() {
    UUID old = create("cooking", T0);
    UUID tieFirst = create("cooking", T0.plusSeconds(60));
    UUID tieSecond = create("cooking", T0.plusSeconds(60));
    UUID newest = create("cooking", T0.plusSeconds(120));
    create("music", T0.plusSeconds(500));
    UUID deleted = create("cooking", T0.plusSeconds(600));
    await(videos().delete(deleted));

    assertThat(readAll("cooking", 2)).containsExactly(newest, tieSecond, tieFirst, old);
    assertThat(await(videos().countByChannel("cooking"))).isEqualTo(4);
  }

  @Test
  void pageByChannel_pagesHaveTheRequestedSizeAndTheLastHasNoNext() {
    for (int i = 0; i < 5; i++) {
      create("cooking", T0.plusSeconds(i));
    }

    Page<Stored<Video>> first = await(videos().pageByChannel("cooking", PageRequest.first(2)));
    Page<Stored<Video>> second = await(videos().pageByChannel("cooking",
        PageRequest.after(first.next().orElseThrow(), 3)));

    assertThat(first.items()).hasSize(2);
    assertThat(second.items()).hasSize(3);
    assertThat(second.next()).isEmpty();
  }

  @Test
  void pageByChannel_unknownChannel_isEmpty() {
    Page<Stored<Video>> page = await(videos().pageByChannel("nowhere", PageRequest.first(10)));

    assertThat(page.items()).isEmpty();
    assertThat(page.next()).isEmpty();
    assertThat(await(videos().countByChannel("nowhere"))).isZero();
  }

  @Test
  void pageByChannel_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> videos().pageByChannel("cooking", request));
  }

  @Test
  void pageByChannel_concurrentInserts_neverSkipOrRepeatAnExistingVideo() {
    List<UUID> existing = createWithTies(120);
    List<CompletableFuture<UpsertResult>> inserts = new ArrayList<>();
    List<UUID> seen = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    int round = 0;
    do {
      // Between page reads, new videos land before, inside and after the part already read.
      for (int i = 0; i < 3; i++) {
        inserts.add(videos().upsert(video(UUID.randomUUID(), "cooking", T0.plusSeconds((round * 7L + i * 13L) % 41)))
            .toCompletableFuture());
      }
      Page<Stored<Video>> page = await(videos().pageByChannel("cooking", afterOrFirst(cursor, 7)));
      page.items().forEach(v -> seen.add(v.value().uuid()));
      cursor = page.next();
      round++;
    } while (cursor.isPresent());
    inserts.forEach(StoreContract::await);

    assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
  }

  @Test
  void pageByChannel_backwardDuringConcurrentInserts_neverSkipsOrRepeatsAnExistingVideo() {
    List<UUID> existing = createWithTies(120);
    List<CompletableFuture<UpsertResult>> inserts = new ArrayList<>();
    int[] round = {0};
    // Between page reads, new videos land before, inside and after the part already read.
    List<UUID> seen = readBackwardFromTheEnd(request -> await(videos().pageByChannel("cooking", request)), 7, () -> {
      for (int i = 0; i < 3; i++) {
        inserts.add(videos().upsert(video(UUID.randomUUID(), "cooking",
            T0.plusSeconds((round[0] * 7L + i * 13L) % 41))).toCompletableFuture());
      }
      round[0]++;
    }).stream().map(v -> v.value().uuid()).toList();
    inserts.forEach(StoreContract::await);

    assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
  }

  @Test
  void pageByAccount_listsTheVideosOfAllItsChannels_newestFirst_andPageAllListsEveryone() {
    await(backend.localActors().upsertAccount(account("bob")));
    await(backend.localActors().upsertChannel(channel("gardening", "bob")));
    UUID cooking = create("cooking", T0);
    UUID music = create("music", T0.plusSeconds(60));
    UUID tie = create("cooking", T0.plusSeconds(60));
    UUID bobs = create("gardening", T0.plusSeconds(30));
    UUID deleted = create("music", T0.plusSeconds(600));
    await(videos().delete(deleted));

    List<UUID> alices = readAllPagesBothWays(request -> await(videos().pageByAccount("alice", request)), 2).stream()
        .map(v -> v.value().uuid()).toList();
    List<UUID> everyone = readAllPagesBothWays(request -> await(videos().pageAll(request)), 3).stream()
        .map(v -> v.value().uuid()).toList();

    assertThat(alices).containsExactly(tie, music, cooking);
    assertThat(await(videos().countByAccount("alice"))).isEqualTo(3);
    assertThat(everyone).containsExactly(tie, music, bobs, cooking);
    assertThat(await(videos().countAll())).isEqualTo(4);
    assertThat(await(videos().pageByAccount("nobody", PageRequest.first(5))).items()).isEmpty();
    assertThat(await(videos().countByAccount("nobody"))).isZero();
  }

  @Test
  void pageByAccountAndPageAll_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> videos().pageByAccount("alice", request));
    assertMalformedCursorsFail(request -> videos().pageAll(request));
  }

  /** {@code count} videos of {@code cooking}, three to each publication time. */
  private List<UUID> createWithTies(int count) {
    List<UUID> created = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      created.add(create("cooking", T0.plusSeconds(i % (count / 3))));
    }
    return created;
  }

  private UUID create(String channel, Instant publishedAt) {
    UUID uuid = UUID.randomUUID();
    assertThat(await(videos().upsert(video(uuid, channel, publishedAt)))).isEqualTo(UpsertResult.CREATED);
    return uuid;
  }

  private List<UUID> readAll(String channel, int pageSize) {
    return readAllPagesBothWays(request -> await(videos().pageByChannel(channel, request)), pageSize).stream()
        .map(v -> v.value().uuid()).collect(Collectors.toList());
  }

}
