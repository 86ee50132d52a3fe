package dev.fedgate.gateway.storage.h2;

import dev.fedgate.gateway.storage.Account;
import dev.fedgate.gateway.storage.ActorKey;
import dev.fedgate.gateway.storage.ActorKind;
import dev.fedgate.gateway.storage.Channel;
import dev.fedgate.gateway.storage.FederationChange;
import dev.fedgate.gateway.storage.FederationSubject;
import dev.fedgate.gateway.storage.Image;
import dev.fedgate.gateway.storage.LocalActor;
import dev.fedgate.gateway.storage.LocalActorStore;
import dev.fedgate.gateway.storage.Stored;
import dev.fedgate.gateway.storage.UpsertResult;
import dev.fedgate.gateway.storage.support.StoredJson;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link LocalActorStore} on H2: one {@code local_actor} table for every kind, keys in {@code local_actor_key}. */
final class H2LocalActorStore implements LocalActorStore {
  private final H2Database database;
  private final InstantSource clock;

  H2LocalActorStore(H2Database database, InstantSource clock) {
    this.database = database;
    this.clock = clock;
  }

  /** The columns accounts and channels share; the instance actor leaves them all empty. */
  private record Fields(String account, String displayName, String summary, URI url, Optional<Image> avatar,
      Optional<Image> banner, boolean manualApproval) {
    static final Fields NONE = new Fields(null, null, null, null, Optional.empty(), Optional.empty(), false);

    static Fields of(Account a) {
      return new Fields(null, a.displayName(), a.summary(), a.url(), a.avatar(), a.banner(),
          a.manuallyApprovesFollowers());
    }

    static Fields of(Channel c) {
      return new Fields(c.account(), c.displayName(), c.summary(), c.url(), c.avatar(), c.banner(),
          c.manuallyApprovesFollowers());
    }

    static Fields read(ResultSet rows) throws SQLException {
      String url = rows.getString("url");
      return new Fields(rows.getString("account_name"), rows.getString("display_name"), rows.getString("summary"),
          url == null ? null : URI.create(url), StoredJson.optionalImage(rows.getString("avatar")),
          StoredJson.optionalImage(rows.getString("banner")), rows.getBoolean("manually_approves_followers"));
    }
  }

  @Override
  public CompletionStage<UpsertResult> upsertAccount(Account account) {
    return database.transaction(c -> upsert(c, account.name(), ActorKind.ACCOUNT, Fields.of(account)));
  }

  @Override
  public CompletionStage<UpsertResult> upsertChannel(Channel channel) {
    return database.transaction(c -> {
      Optional<ActorKind> owner = kindOf(c, channel.account());
      if (owner.isEmpty() || owner.get() != ActorKind.ACCOUNT) {
        return UpsertResult.MISSING_REFERENCE;
      }
      return upsert(c, channel.name(), ActorKind.CHANNEL, Fields.of(channel));
    });
  }

  @Override
  public CompletionStage<UpsertResult> ensureInstanceActor(String name) {
    return database.transaction(c -> upsert(c, name, ActorKind.APPLICATION, Fields.NONE));
  }

  private UpsertResult upsert(Connection c, String name, ActorKind kind, Fields fields) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT * FROM local_actor WHERE name = ? FOR UPDATE")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next()) {
          if (ActorKind.valueOf(rows.getString("kind")) != kind) {
            return UpsertResult.NAME_TAKEN;
          }
          if (Fields.read(rows).equals(fields)) {
            return UpsertResult.UNCHANGED;
          }
          update(c, name, fields);
          H2Outbox.mark(c, FederationSubject.actor(name), FederationChange.UPDATED, clock.instant());
          return UpsertResult.UPDATED;
        }
      }
    }
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO local_actor (account_name, display_name,"
        + " summary, url, avatar, banner, updated_at, manually_approves_followers, name, kind, created_at)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Instant now = bindFields(insert, fields);
      insert.setString(9, name);
      insert.setString(10, kind.name());
      H2Rows.setInstant(insert, 11, now);
      insert.executeUpdate();
    }
    return UpsertResult.CREATED;
  }

  private void update(Connection c, String name, Fields fields) throws SQLException {
    try (PreparedStatement update = c.prepareStatement("UPDATE local_actor SET account_name = ?, display_name = ?,"
        + " summary = ?, url = ?, avatar = ?, banner = ?, updated_at = ?, manually_approves_followers = ?"
        + " WHERE name = ?")) {
      bindFields(update, fields);
      update.setString(9, name);
      update.executeUpdate();
    }
  }

  /**
   * Binds the shared columns as parameters 1 to 8 ({@code updated_at} is 7, the approval flag 8); returns the time
   * used.
   */
  private Instant bindFields(PreparedStatement statement, Fields fields) throws SQLException {
    Instant now = clock.instant();
    statement.setString(1, fields.account());
    statement.setString(2, fields.displayName());
    statement.setString(3, fields.summary());
    statement.setString(4, fields.url() == null ? null : fields.url().toString());
    statement.setString(5, fields.avatar().map(StoredJson::image).orElse(null));
    statement.setString(6, fields.banner().map(StoredJson::image).orElse(null));
    H2Rows.setInstant(statement, 7, now);
    statement.setBoolean(8, fields.manualApproval());
    return now;
  }

  @Override
  public CompletionStage<Optional<Stored<Account>>> findAccount(String name) {
    return database.transaction(c -> find(c, name, ActorKind.ACCOUNT).map(s -> new Stored<>(
        new Account(name, s.value().displayName(), s.value().summary(), s.value().url(), s.value().avatar(),
            s.value().banner(), s.value().manualApproval()), s.createdAt(), s.updatedAt())));
  }

  @Override
  public CompletionStage<Optional<Stored<Channel>>> findChannel(String name) {
    return database.transaction(c -> find(c, name, ActorKind.CHANNEL).map(s -> new Stored<>(
        new Channel(name, s.value().account(), s.value().displayName(), s.value().summary(), s.value().url(),
            s.value().avatar(), s.value().banner(), s.value().manualApproval()), s.createdAt(), s.updatedAt())));
  }

  private static Optional<Stored<Fields>> find(Connection c, String name, ActorKind kind) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT * FROM local_actor WHERE name = ? AND kind = ?")) {
      select.setString(1, name);
      select.setString(2, kind.name());
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        return Optional.of(new Stored<>(Fields.read(rows), H2Rows.instant(rows, "created_at"),
            H2Rows.instant(rows, "updated_at")));
      }
    }
  }

  @Override
  public CompletionStage<Optional<LocalActor>> findActor(String name) {
    return database.transaction(c -> {
      try (PreparedStatement select = c.prepareStatement("SELECT kind, created_at FROM local_actor WHERE name = ?")) {
        select.setString(1, name);
        try (ResultSet rows = select.executeQuery()) {
          return rows.next()
              ? Optional.of(new LocalActor(name, ActorKind.valueOf(rows.getString("kind")),
                  H2Rows.instant(rows, "created_at")))
              : Optional.empty();
        }
      }
    });
  }

  static Optional<ActorKind> kindOf(Connection c, String name) throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT kind FROM local_actor WHERE name = ?")) {
      select.setString(1, name);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(ActorKind.valueOf(rows.getString(1))) : Optional.empty();
      }
    }
  }

  @Override
  public CompletionStage<Optional<ActorKey>> putKeyIfAbsent(String actorName, ActorKey key) {
    return database.transaction(c -> {
      if (kindOf(c, actorName).isEmpty()) {
        return Optional.empty();
      }
      Optional<ActorKey> existing = keys(c, actorName, Optional.of(key.algorithm())).stream().findFirst();
      if (existing.isPresent()) {
        return existing;
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO local_actor_key"
          + " (actor_name, algorithm, public_key, private_key, created_at) VALUES (?, ?, ?, ?, ?)")) {
        insert.setString(1, actorName);
        insert.setString(2, key.algorithm());
        insert.setBytes(3, key.publicKey());
        insert.setBytes(4, key.privateKey());
        H2Rows.setInstant(insert, 5, clock.instant());
        insert.executeUpdate();
      }
      return Optional.of(key);
    });
  }

  @Override
  public CompletionStage<List<ActorKey>> findKeys(String actorName) {
    return database.transaction(c -> keys(c, actorName, Optional.empty()));
  }

  private static List<ActorKey> keys(Connection c, String actorName, Optional<String> algorithm)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement("SELECT algorithm, public_key, private_key"
        + " FROM local_actor_key WHERE actor_name = ? AND (? IS NULL OR algorithm = ?) ORDER BY algorithm")) {
      select.setString(1, actorName);
      if (algorithm.isPresent()) {
        select.setString(2, algorithm.get());
        select.setString(3, algorithm.get());
      } else {
        select.setNull(2, Types.VARCHAR);
        select.setNull(3, Types.VARCHAR);
      }
      List<ActorKey> keys = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          keys.add(new ActorKey(rows.getString(1), rows.getBytes(2), rows.getBytes(3)));
        }
      }
      return keys;
    }
  }
}
