package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@link InboxStore} on H2: de-duplication marks in {@code inbox_seen} (primary key on the activity id, so a racing
 * second insert fails and is retried as "seen"), and the common queue over {@code inbox_item}.
 */
final class H2InboxStore extends H2ClaimableQueue<InboundActivity> implements InboxStore {

  H2InboxStore(H2Database database, InstantSource clock) {
    super(database, clock, "inbox_item", List.of("activity_id", "recipient", "signer", "body"));
  }

  @Override
  void bindPayload(PreparedStatement statement, int first, InboundActivity activity) throws SQLException {
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
    String id = activity.activityId().toString();
    return database.transaction(c -> {
      try (PreparedStatement seen = c.prepareStatement("SELECT 1 FROM inbox_seen WHERE activity_id = ?")) {
        seen.setString(1, id);
        try (ResultSet rows = seen.executeQuery()) {
          if (rows.next()) {
            return false;
          }
        }
      }
      try (PreparedStatement mark =
          c.prepareStatement("INSERT INTO inbox_seen (activity_id, seen_at) VALUES (?, ?)")) {
        mark.setString(1, id);
        H2Rows.setInstant(mark, 2, clock.instant());
        mark.executeUpdate();
      }
      insert(c, activity);
      return true;
    });
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
