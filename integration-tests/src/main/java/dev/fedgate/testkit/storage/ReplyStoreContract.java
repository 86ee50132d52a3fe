package dev.fedgate.testkit.storage;

import static dev.fedgate.testkit.storage.Samples.account;
import static dev.fedgate.testkit.storage.Samples.channel;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Job;
import dev.fedgate.gateway.storage.PageRequest;
import dev.fedgate.gateway.storage.Reply;
import dev.fedgate.gateway.storage.ReplyState;
import dev.fedgate.gateway.storage.ReplyStore;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ReplyStore}: a reply and its deliveries are written together, once per Note id; deleting
 * tombstones it, cancels its queued deliveries and queues the new ones; pages are stable.
 */
public abstract class ReplyStoreContract extends StoreContract {
  private static final Duration LEASE = Duration.ofMinutes(5);
  private static final URI VIDEO = URI.create("https://peertube.example/videos/watch/1");
  private static final URI AUTHOR = URI.create("https://peertube.example/accounts/bob");
  private static final URI INBOX = URI.create("https://peertube.example/inbox");

  private ReplyStore replies() {
    return backend.replies();
  }

  @BeforeEach
  final void createActors() {
    await(backend.localActors().upsertAccount(account("alice")));
    await(backend.localActors().upsertChannel(channel("kitchen", "alice")));
  }

  /** {@code account}'s reply number {@code n} to the remote video. */
  protected static Reply reply(String account, int n) {
    return new Reply(account, URI.create(Samples.SITE + "/accounts/" + account + "/replies/" + n), VIDEO, AUTHOR,
        INBOX, "<p>reply " + n + "</p>", START, ReplyState.PUBLISHED);
  }

  /** A delivery of {@code verb} about {@code reply} to {@code inbox}. */
  protected static Delivery job(Reply reply, String verb, URI inbox) {
    URI activity = URI.create(reply.id() + "/activity/" + verb);
    return new Delivery(inbox, reply.account(), activity, Optional.of(reply.id()), "{\"id\":\"" + activity + "\"}");
  }

  private List<Delivery> queued() {
    return await(backend.deliveryJobs().claimDue(clock.instant(), 100, LEASE)).stream().map(Job::payload).toList();
  }

  @Test
  void add_storesTheReplyAndQueuesItsJobsTogether() {
    Reply reply = reply("alice", 1);
    Delivery create = job(reply, "create", INBOX);

    assertThat(await(replies().add(reply, List.of(create)))).isEqualTo(UpsertResult.CREATED);

    Stored<Reply> stored = await(replies().find(reply.id())).orElseThrow();
    assertThat(stored.value()).isEqualTo(reply);
    assertThat(stored.createdAt()).isEqualTo(START);
    assertThat(queued()).containsExactly(create);
    assertThat(await(replies().find(URI.create(Samples.SITE + "/accounts/alice/replies/2")))).isEmpty();
  }

  @Test
  void add_again_isUnchangedAndQueuesNothing() {
    Reply reply = reply("alice", 1);
    await(replies().add(reply, List.of(job(reply, "create", INBOX))));
    queued();

    assertThat(await(replies().add(reply, List.of(job(reply, "create", INBOX))))).isEqualTo(UpsertResult.UNCHANGED);

    assertThat(queued()).isEmpty();
  }

  @Test
  void add_concurrentlyForOneId_storesAndQueuesOnce() {
    Reply reply = reply("alice", 1);

    List<UpsertResult> results = race(8, i -> replies().add(reply, List.of(job(reply, "create", INBOX))));

    assertThat(results).containsOnlyOnce(UpsertResult.CREATED);
    assertThat(queued()).hasSize(1);
  }

  @Test
  void add_byAChannelOrUnknownName_isMissingReferenceAndQueuesNothing() {
    Reply byChannel = reply("kitchen", 1);

    assertThat(await(replies().add(byChannel, List.of(job(byChannel, "create", INBOX)))))
        .isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(await(replies().add(reply("nobody", 1), List.of()))).isEqualTo(UpsertResult.MISSING_REFERENCE);
    assertThat(queued()).isEmpty();
    assertThat(await(replies().find(byChannel.id()))).isEmpty();
  }

  @Test
  void delete_tombstonesCancelsQueuedJobsAndQueuesItsOwn_once() {
    Reply reply = reply("alice", 1);
    Reply other = reply("alice", 2);
    await(replies().add(reply, List.of(job(reply, "create", INBOX))));
    await(replies().add(other, List.of(job(other, "create", INBOX))));
    Instant at = START.plus(Duration.ofMinutes(3));
    Delivery delete = new Delivery(INBOX, "alice", URI.create(reply.id() + "/activity/delete"), Optional.empty(),
        "{}");

    assertThat(await(replies().delete(reply.id(), at, List.of(delete)))).isTrue();
    assertThat(await(replies().delete(reply.id(), at, List.of(delete)))).isFalse();

    Stored<Reply> stored = await(replies().find(reply.id())).orElseThrow();
    assertThat(stored.value().state()).isEqualTo(ReplyState.DELETED);
    assertThat(stored.updatedAt()).isEqualTo(at);
    assertThat(queued()).containsExactlyInAnyOrder(job(other, "create", INBOX), delete);
    assertThat(await(replies().delete(URI.create(Samples.SITE + "/accounts/alice/replies/9"), at, List.of(delete))))
        .isFalse();
  }

  @Test
  void page_listsAnAccountsRepliesOldestFirst_acrossPages() {
    for (int i = 0; i < 5; i++) {
      await(replies().add(reply("alice", i), List.of()));
    }
    await(replies().delete(reply("alice", 3).id(), START, List.of()));

    List<Stored<Reply>> listed = readAllPagesBothWays(page -> await(replies().page("alice", page)), 2);

    assertThat(listed).extracting(stored -> stored.value().id())
        .containsExactly(reply("alice", 0).id(), reply("alice", 1).id(), reply("alice", 2).id(),
            reply("alice", 3).id(), reply("alice", 4).id());
    assertThat(listed.get(3).value().state()).isEqualTo(ReplyState.DELETED);
    assertThat(await(replies().page("nobody", PageRequest.first(5))).items()).isEmpty();
  }

  @Test
  void page_malformedCursor_fails() {
    assertMalformedCursorsFail(request -> replies().page("alice", request));
  }
}
