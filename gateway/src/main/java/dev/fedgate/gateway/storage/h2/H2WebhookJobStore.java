package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.List;

/** {@link WebhookJobStore} on H2: the common queue over {@code webhook_job}. */
final class H2WebhookJobStore extends H2JobQueue<WebhookEvent> implements WebhookJobStore {

  H2WebhookJobStore(H2Database database, InstantSource clock) {
    super(database, clock, "webhook_job", List.of("event_type", "body"));
  }

  @Override
  void bindPayload(PreparedStatement statement, int first, WebhookEvent event) throws SQLException {
    statement.setString(first, event.type());
    statement.setString(first + 1, event.json());
  }

  @Override
  WebhookEvent readPayload(ResultSet rows) throws SQLException {
    return new WebhookEvent(rows.getString("event_type"), rows.getString("body"));
  }
}
