package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteActorStore;
import dev.fedgate.gateway.storage.RemoteKey;
import dev.fedgate.gateway.storage.UpsertResult;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link RemoteActorStore} on H2: {@code remote_actor} rows, their keys in {@code remote_key} in published order. */
final class H2RemoteActorStore implements RemoteActorStore {
  private final H2Database database;

  H2RemoteActorStore(H2Database database) {
    this.database = database;
  }

  @Override
  public CompletionStage<UpsertResult> upsert(RemoteActor actor) {
    return database.transaction(c -> {
      for (RemoteKey key : actor.keys()) {
        Optional<URI> owner = ownerOf(c, key.keyId());
        if (owner.isPresent() && !owner.get().equals(actor.id())) {
          return UpsertResult.NAME_TAKEN;
        }
      }
      Optional<RemoteActor> existing = select(c, actor.id(), true);
      if (existing.isPresent() && existing.get().equals(actor)) {
        return UpsertResult.UNCHANGED;
      }
      String sql = existing.isPresent()
          ? "UPDATE remote_actor SET type = ?, username = ?, inbox = ?, shared_inbox = ?, fetched_at = ? WHERE id = ?"
          : "INSERT INTO remote_actor (type, username, inbox, shared_inbox, fetched_at, id) VALUES (?, ?, ?, ?, ?, ?)";
      try (PreparedStatement write = c.prepareStatement(sql)) {
        write.setString(1, actor.type());
        H2Rows.setOptional(write, 2, actor.username());
        write.setString(3, actor.inbox().toString());
        H2Rows.setOptional(write, 4, actor.sharedInbox());
        H2Rows.setInstant(write, 5, actor.fetchedAt());
        write.setString(6, actor.id().toString());
        write.executeUpdate();
      }
      replaceKeys(c, actor);
      return existing.isPresent() ? UpsertResult.UPDATED : UpsertResult.CREATED;
    });
  }

  private static void replaceKeys(Connection c, RemoteActor actor) throws SQLException {
    try (PreparedStatement delete = c.prepareStatement("DELETE FROM remote_key WHERE actor_id = ?")) {
      delete.setString(1, actor.id().toString());
      delete.executeUpdate();
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO remote_key (key_id, actor_id, position, algorithm, encoded) VALUES (?, ?, ?, ?, ?)")) {
      for (int i = 0; i < actor.keys().size(); i++) {
        RemoteKey key = actor.keys().get(i);
        insert.setString(1, key.keyId().toString());
        insert.setString(2, actor.id().toString());
        insert.setInt(3, i);
        insert.setString(4, key.algorithm());
        insert.setString(5, key.encoded());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Optional<URI> ownerOf(Connection c, URI keyId) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT actor_id FROM remote_key WHERE key_id = ?")) {
      select.setString(1, keyId.toString());
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(URI.create(rows.getString(1))) : Optional.empty();
      }
    }
  }

  private static Optional<RemoteActor> select(Connection c, URI id, boolean lock) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT * FROM remote_actor WHERE id = ?" + (lock ? " FOR UPDATE" : ""))) {
      select.setString(1, id.toString());
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(new RemoteActor(id, rows.getString("type"), H2Rows.optionalString(rows, "username"),
            H2Rows.uri(rows, "inbox"), H2Rows.optionalUri(rows, "shared_inbox"), keys(c, id),
            H2Rows.instant(rows, "fetched_at")));
      }
    }
  }

  private static List<RemoteKey> keys(Connection c, URI actor) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(
        "SELECT key_id, algorithm, encoded FROM remote_key WHERE actor_id = ? ORDER BY position")) {
      select.setString(1, actor.toString());
      List<RemoteKey> keys = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(new RemoteKey(URI.create(rows.getString(1)), rows.getString(2), rows.getString(3)));
        }
      }
      return keys;
    }
  }

  @Override
  public CompletionStage<Optional<RemoteActor>> find(URI id) {
    return database.transaction(c -> select(c, id, false));
  }

  @Override
  public CompletionStage<Optional<RemoteActor>> findByKeyId(URI keyId) {
    return database.transaction(c -> {
      Optional<URI> owner = ownerOf(c, keyId);
      return owner.isPresent() ? select(c, owner.get(), false) : Optional.<RemoteActor>empty();
    });
  }

  @Override
  public CompletionStage<Boolean> delete(URI id) {
    return database.transaction(c -> {
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM remote_actor WHERE id = ?")) {
        delete.setString(1, id.toString());
        return delete.executeUpdate() == 1;
      }
    });
  }
}
