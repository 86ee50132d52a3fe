package dev.fedgate.gateway.storage.pg;

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
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import java.net.URI;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** {@link LocalActorStore} on PostgreSQL: every kind in {@code local_actor}, keys in {@code local_actor_key}. */
final class PgLocalActorStore implements LocalActorStore {
  private final PgDatabase database;
  private final InstantSource clock;

  PgLocalActorStore(PgDatabase database, InstantSource clock) {
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

    static Fields read(Row row) {
      return new Fields(row.getString("account_name"), row.getString("display_name"), row.getString("summary"),
          PgRows.optionalUri(row, "url").orElse(null), StoredJson.optionalImage(row.getString("avatar")),
          StoredJson.optionalImage(row.getString("banner")), row.getBoolean("manually_approves_followers"));
    }

    /**
     * The column values in {@code account_name, display_name, summary, url, avatar, banner, updated_at, name,
     * manually_approves_followers} order.
     */
    Object[] values(String name, Instant now) {
      return new Object[] {account, displayName, summary, url, avatar.map(StoredJson::image),
          banner.map(StoredJson::image), now, name, manualApproval};
    }
  }

  @Override
  public CompletionStage<UpsertResult> upsertAccount(Account account) {
    return database.transaction(c -> upsert(c, account.name(), ActorKind.ACCOUNT, Fields.of(account)));
  }

  @Override
  public CompletionStage<UpsertResult> upsertChannel(Channel channel) {
    return database.transaction(c -> kindOf(c, channel.account()).compose(owner ->
        owner.filter(ActorKind.ACCOUNT::equals).isEmpty()
            ? Future.succeededFuture(UpsertResult.MISSING_REFERENCE)
            : upsert(c, channel.name(), ActorKind.CHANNEL, Fields.of(channel))));
  }

  @Override
  public CompletionStage<UpsertResult> ensureInstanceActor(String name) {
    return database.transaction(c -> upsert(c, name, ActorKind.APPLICATION, Fields.NONE));
  }

  /** Locks the name's row and compares; a racing first insert fails on the key and the transaction is run again. */
  private Future<UpsertResult> upsert(SqlClient c, String name, ActorKind kind, Fields fields) {
    Instant now = clock.instant();
    return PgDatabase.run(c, "SELECT * FROM local_actor WHERE name = $1 FOR UPDATE", name).compose(rows -> {
      Optional<Row> existing = PgRows.first(rows, row -> row);
      if (existing.isEmpty()) {
        List<Object> values = new ArrayList<>(Arrays.asList(fields.values(name, now)));
        values.add(kind);
        return PgDatabase.run(c, "INSERT INTO local_actor (account_name, display_name, summary, url, avatar, banner,"
            + " updated_at, name, manually_approves_followers, kind, created_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $7)",
            values.toArray()).map(done -> UpsertResult.CREATED);
      }
      if (ActorKind.valueOf(existing.get().getString("kind")) != kind) {
        return Future.succeededFuture(UpsertResult.NAME_TAKEN);
      }
      if (Fields.read(existing.get()).equals(fields)) {
        return Future.succeededFuture(UpsertResult.UNCHANGED);
      }
      return PgDatabase.run(c, "UPDATE local_actor SET account_name = $1, display_name = $2, summary = $3, url = $4,"
          + " avatar = $5, banner = $6, updated_at = $7, manually_approves_followers = $9 WHERE name = $8",
          fields.values(name, now))
          .compose(done -> PgOutbox.mark(c, FederationSubject.actor(name), FederationChange.UPDATED, now))
          .map(done -> UpsertResult.UPDATED);
    });
  }

  @Override
  public CompletionStage<Optional<Stored<Account>>> findAccount(String name) {
    return find(name, ActorKind.ACCOUNT).thenApply(found -> found.map(s -> new Stored<>(
        new Account(name, s.value().displayName(), s.value().summary(), s.value().url(), s.value().avatar(),
            s.value().banner(), s.value().manualApproval()), s.createdAt(), s.updatedAt())));
  }

  @Override
  public CompletionStage<Optional<Stored<Channel>>> findChannel(String name) {
    return find(name, ActorKind.CHANNEL).thenApply(found -> found.map(s -> new Stored<>(
        new Channel(name, s.value().account(), s.value().displayName(), s.value().summary(), s.value().url(),
            s.value().avatar(), s.value().banner(), s.value().manualApproval()), s.createdAt(), s.updatedAt())));
  }

  private CompletionStage<Optional<Stored<Fields>>> find(String name, ActorKind kind) {
    return database.once(c -> PgDatabase.run(c, "SELECT * FROM local_actor WHERE name = $1 AND kind = $2", name, kind)
        .map(rows -> PgRows.first(rows, row -> PgRows.stored(Fields.read(row), row))));
  }

  @Override
  public CompletionStage<Optional<LocalActor>> findActor(String name) {
    return database.once(c -> PgDatabase.run(c, "SELECT kind, created_at FROM local_actor WHERE name = $1", name)
        .map(rows -> PgRows.first(rows, row -> new LocalActor(name, ActorKind.valueOf(row.getString("kind")),
            PgRows.instant(row, "created_at")))));
  }

  /** Which kind of actor holds {@code name}; for stores whose rows refer to local actors. */
  static Future<Optional<ActorKind>> kindOf(SqlClient c, String name) {
    return PgDatabase.run(c, "SELECT kind FROM local_actor WHERE name = $1", name)
        .map(rows -> PgRows.first(rows, row -> ActorKind.valueOf(row.getString("kind"))));
  }

  @Override
  public CompletionStage<Optional<ActorKey>> putKeyIfAbsent(String actorName, ActorKey key) {
    // ON CONFLICT DO NOTHING waits for a racing insert to commit, so the read after it sees the winner's key.
    return database.transaction(c -> kindOf(c, actorName).compose(kind -> kind.isEmpty()
        ? Future.succeededFuture(Optional.<ActorKey>empty())
        : PgDatabase.run(c, "INSERT INTO local_actor_key (actor_name, algorithm, public_key, private_key, created_at)"
            + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", actorName, key.algorithm(), key.publicKey(),
            key.privateKey(), clock.instant())
            .compose(inserted -> PgDatabase.run(c, "SELECT algorithm, public_key, private_key FROM local_actor_key"
                + " WHERE actor_name = $1 AND algorithm = $2", actorName, key.algorithm()))
            .map(rows -> PgRows.first(rows, PgLocalActorStore::readKey))));
  }

  @Override
  public CompletionStage<List<ActorKey>> findKeys(String actorName) {
    return database.once(c -> PgDatabase.run(c, "SELECT algorithm, public_key, private_key FROM local_actor_key"
        + " WHERE actor_name = $1 ORDER BY algorithm COLLATE \"C\"", actorName).map(rows -> {
          List<ActorKey> keys = new ArrayList<>();
          rows.forEach(row -> keys.add(readKey(row)));
          return keys;
        }));
  }

  private static ActorKey readKey(Row row) {
    return new ActorKey(row.getString("algorithm"), row.getBuffer("public_key").getBytes(),
        row.getBuffer("private_key").getBytes());
  }
}
