package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.ClaimableQueue;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@link InboxStore} on H2: de-duplication marks in {@code inbox_seen} (primary key on the activity id, so a racing
 * second insert fails and is retried as "seen"), and the common queue over {@code inbox_item}. A single accept is a
 * group of one. An accept is durable once the activities it queued are synced to the database's journal
 * ({@link H2Journal}); a process that finds them there after a crash accepts them again ({@link #replay}), which
 * queues those the file lost and finds the others seen.
 */
final class H2InboxStore extends H2ClaimableQueue<InboundActivity> implements InboxStore {
  /** The marks among the ids of one array parameter, found by primary key. */
  static final String SEEN_SQL = "SELECT activity_id FROM inbox_seen WHERE activity_id = ANY(?)";
  /** Most journal records accepted again in one transaction. */
  static final int REPLAY_GROUP = 256;
  /** Most bytes of journal records (past the first) accepted again in one transaction. */
  static final long REPLAY_BYTES = 16L * 1024 * 1024;

  H2InboxStore(H2Database database, InstantSource clock) {
    super(database, clock, "inbox_item", List.of("activity_id", "recipient", "signer", "body"));
  }

  @Override
  void bindPayload(Connection c, PreparedStatement statement, int first, InboundActivity activity) throws SQLException {
    statement.setString(first, activity.activityId().toString());
    H2Rows.setOptional(statement, first + 1, activity.recipient());
    statement.setString(first + 2, activity.signer().toString());
    statement.setString(first + 3, activity.json());
  }

  @Override
  InboundActivity readPayload(ResultSet rows) throws SQLException {
    return new InboundActivity(H2Rows.uri(rows, "activity_id"), H2Rows.optionalString(rows, "recipient"),
        H2Rows.uri(rows, "signer"), rows.getString("body"));
  }

  @Override
  public CompletionStage<Boolean> accept(InboundActivity activity) {
    return acceptAll(List.of(activity)).thenApply(answers -> answers.get(0));
  }

  @Override
  public CompletionStage<List<Boolean>> acceptAll(List<InboundActivity> activities) {
    return accept(activities, null)
        .thenApply(InboxStore.Acceptance::queuedFlags);
  }

  @Override
  public CompletionStage<List<InboxStore.Acceptance>> acceptAllLeased(List<InboundActivity> activities, Instant now,
      Duration lease) {
    ClaimableQueue.checkLease(lease);
    return accept(activities, new NewLease(UUID.randomUUID(), now.plus(lease)));
  }

  /**
   * One transaction: a mark for each new id (in id order, so concurrent groups lock overlapping ids in one order and
   * never deadlock; a mark another connection is inserting makes this one wait, then fail as a unique-key race that
   * {@link H2Database} retries, re-reading the marks), then the queue rows of the new ids, in arrival order, leased
   * under {@code lease} unless it is null.
   */
  private CompletionStage<List<InboxStore.Acceptance>> accept(List<InboundActivity> activities, NewLease lease) {
    List<InboundActivity> group = List.copyOf(activities);
    return database.journaled(c -> accept(c, group, lease), answers -> journalRecords(group, answers));
  }

  private List<InboxStore.Acceptance> accept(Connection c, List<InboundActivity> group, NewLease lease)
      throws SQLException {
    Set<String> marked = mark(c, new TreeSet<>(group.stream().map(a -> a.activityId().toString()).toList()));
    List<InboxStore.Acceptance> answers = new ArrayList<>(group.size());
    for (InboundActivity activity : group) {
      if (!marked.remove(activity.activityId().toString())) {
        answers.add(InboxStore.Acceptance.SEEN);
      } else if (lease == null) {
        insert(c, activity);
        answers.add(InboxStore.Acceptance.QUEUED);
      } else {
        answers.add(InboxStore.Acceptance.leased(insert(c, activity, lease)));
      }
    }
    return answers;
  }

  /** What a replay did: the journal records it read, and how many of their activities it queued again. */
  record Replayed(int read, int queued) {}

  /**
   * Accepts again, unleased and in groups, the activities of the journal records a crashed process left; completes
   * once all are written to the file.
   */
  CompletionStage<Replayed> replay(H2Journal.LeftRecords left) {
    List<InboundActivity> group;
    try {
      group = left.next(REPLAY_GROUP, REPLAY_BYTES).stream().map(H2InboxStore::fromRecord).toList();
    } catch (IOException e) {
      return CompletableFuture.failedFuture(new UncheckedIOException("could not read the journal", e));
    }
    if (group.isEmpty()) {
      return CompletableFuture.completedFuture(new Replayed(0, 0));
    }
    return database.transaction(c -> accept(c, group, null)).thenCompose(answers -> {
      int queued = (int) answers.stream().filter(InboxStore.Acceptance::queued).count();
      return replay(left).thenApply(rest -> new Replayed(group.size() + rest.read(), queued + rest.queued()));
    });
  }

  private static List<byte[]> journalRecords(List<InboundActivity> group, List<InboxStore.Acceptance> answers) {
    List<byte[]> records = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      if (answers.get(i).queued()) {
        records.add(toRecord(group.get(i)));
      }
    }
    return records;
  }

  static byte[] toRecord(InboundActivity activity) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(activity.json().length() + 256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writeText(out, activity.activityId().toString());
      out.writeBoolean(activity.recipient().isPresent());
      writeText(out, activity.recipient().orElse(""));
      writeText(out, activity.signer().toString());
      writeText(out, activity.json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static InboundActivity fromRecord(byte[] record) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(record))) {
      URI id = URI.create(readText(in));
      boolean addressed = in.readBoolean();
      String recipient = readText(in);
      URI signer = URI.create(readText(in));
      return new InboundActivity(id, addressed ? Optional.of(recipient) : Optional.empty(), signer, readText(in));
    } catch (IOException e) {
      throw new UncheckedIOException("a journal record is not an inbound activity", e);
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }

  /**
   * Marks the ids not seen before; returns those. One read finds the group's marks, then the rest are inserted: a
   * concurrent group inserting one of them makes its insert wait and then fail as a unique-key race, and the retried
   * transaction finds that mark.
   */
  private Set<String> mark(Connection c, SortedSet<String> ids) throws SQLException {
    Set<String> marked = new LinkedHashSet<>(ids);
    try (PreparedStatement seen = c.prepareStatement(SEEN_SQL)) {
      seen.setObject(1, ids.toArray(String[]::new));
      try (ResultSet rows = seen.executeQuery()) {
        while (rows.next()) {
          marked.remove(rows.getString(1));
        }
      }
    }
    if (marked.isEmpty()) {
      return marked;
    }
    Instant now = clock.instant();
    try (PreparedStatement mark = c.prepareStatement("INSERT INTO inbox_seen (activity_id, seen_at) VALUES (?, ?)")) {
      for (String id : marked) {
        mark.setString(1, id);
        H2Rows.setInstant(mark, 2, now);
        mark.addBatch();
      }
      mark.executeBatch();
    }
    return marked;
  }

  @Override
  public CompletionStage<Integer> pruneSeen(Instant before) {
    return database.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM inbox_seen WHERE seen_at < ?")) {
        H2Rows.setInstant(delete, 1, before);
        return delete.executeUpdate();
      }
    });
  }
}
