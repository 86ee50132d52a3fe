package dev.fedgate.gateway.storage.pg;

import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.RemoteKey;
import dev.fedgate.gateway.storage.UpsertResult;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link RemoteActorStore} on PostgreSQL: {@code remote_actor} rows, their keys in {@code remote_key} in order. */
final class PgRemoteActorStore implements RemoteActorStore {
  private final PgDatabase database;

  PgRemoteActorStore(PgDatabase database) {
    this.database = database;
  }

  @Override
  public CompletionStage<UpsertResult> upsert(RemoteActor actor) {
    String[] keyIds = actor.keys().stream().map(key -> key.keyId().toString()).toArray(String[]::new);
    return database.transaction(c -> PgDatabase.run(c,
        "SELECT 1 FROM remote_key WHERE key_id = ANY($1) AND actor_id <> $2", keyIds, actor.id()).compose(owned -> {
          if (owned.size() > 0) {
            return Future.succeededFuture(UpsertResult.NAME_TAKEN);
          }
          return select(c, actor.id(), " FOR UPDATE").compose(existing -> {
            if (existing.isPresent() && existing.get().equals(actor)) {
              return Future.succeededFuture(UpsertResult.UNCHANGED);
            }
            Object[] values = {actor.type(), actor.username(), actor.inbox(), actor.sharedInbox(), actor.fetchedAt(),
                actor.id()};
            Future<?> written = existing.isPresent()
                ? PgDatabase.run(c, "UPDATE remote_actor SET type = $1, username = $2, inbox = $3, shared_inbox = $4,"
                    + " fetched_at = $5 WHERE id = $6", values)
                : PgDatabase.run(c, "INSERT INTO remote_actor (type, username, inbox, shared_inbox, fetched_at, id)"
                    + " VALUES ($1, $2, $3, $4, $5, $6)", values);
            return written.compose(done -> replaceKeys(c, actor))
                .map(done -> existing.isPresent() ? UpsertResult.UPDATED : UpsertResult.CREATED);
          });
        }));
  }

  private static Future<Void> replaceKeys(SqlClient c, RemoteActor actor) {
    Future<?> deleted = PgDatabase.run(c, "DELETE FROM remote_key WHERE actor_id = $1", actor.id());
    if (actor.keys().isEmpty()) {
      return deleted.mapEmpty();
    }
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < actor.keys().size(); i++) {
      RemoteKey key = actor.keys().get(i);
      rows.add(new Object[] {key.keyId(), actor.id(), i, key.algorithm(), key.encoded()});
    }
    return deleted.compose(done -> PgDatabase.batch(c, "INSERT INTO remote_key (key_id, actor_id, position,"
        + " algorithm, encoded) VALUES ($1, $2, $3, $4, $5)", rows)).mapEmpty();
  }

  private static Future<Optional<RemoteActor>> select(SqlClient c, URI id, String lock) {
    return PgDatabase.run(c, "SELECT * FROM remote_actor WHERE id = $1" + lock, id).compose(rows -> {
      Optional<Row> found = PgRows.first(rows, row -> row);
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      Row row = found.get();
      return PgDatabase.run(c, "SELECT key_id, algorithm, encoded FROM remote_key WHERE actor_id = $1"
          + " ORDER BY position", id).map(keyRows -> {
            List<RemoteKey> keys = new ArrayList<>();
            keyRows.forEach(key -> keys.add(new RemoteKey(PgRows.uri(key, "key_id"), key.getString("algorithm"),
                key.getString("encoded"))));
            return Optional.of(new RemoteActor(id, row.getString("type"), PgRows.optionalString(row, "username"),
                PgRows.uri(row, "inbox"), PgRows.optionalUri(row, "shared_inbox"), keys,
                PgRows.instant(row, "fetched_at")));
          });
    });
  }

  @Override
  public CompletionStage<Optional<RemoteActor>> find(URI id) {
    return database.transaction(c -> select(c, id, ""));
  }

  @Override
  public CompletionStage<Optional<RemoteActor>> findByKeyId(URI keyId) {
    return database.transaction(c -> PgDatabase.run(c, "SELECT actor_id FROM remote_key WHERE key_id = $1", keyId)
        .compose(rows -> rows.size() == 0
            ? Future.succeededFuture(Optional.<RemoteActor>empty())
            : select(c, PgRows.uri(rows.iterator().next(), "actor_id"), "")));
  }

  @Override
  public CompletionStage<Boolean> delete(URI id) {
    return database.once(c -> PgDatabase.run(c, "DELETE FROM remote_actor WHERE id = $1", id)
        .map(rows -> rows.rowCount() == 1));
  }
}
