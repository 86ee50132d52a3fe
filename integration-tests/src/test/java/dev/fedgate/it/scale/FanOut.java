package dev.fedgate.it.scale;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.Delivery;
import dev.fedgate.gateway.storage.Follow;
import dev.fedgate.gateway.storage.FollowState;
import dev.fedgate.gateway.storage.StorageBackend;
import dev.fedgate.gateway.storage.StorageProviders;
import dev.fedgate.gateway.storage.StorageSettings;
import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.PublicKeyMaterial;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.DeliverySink;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.storage.StoreContract;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The pieces the scale and fault tests share: a channel created through the Site API, its followers seeded straight
 * into the store (fast), a sink that verifies deliveries with the channel's published key, and the queue gauges read
 * from {@code /metrics}.
 */
public final class FanOut {
  /** The public URL every node is configured with, as behind one load balancer. */
  public static final URI PUBLIC_URL = URI.create("http://fedgate.test");
  public static final String ACCOUNT = "chef";
  public static final String CHANNEL = "kitchen";
  private static final int SEED_BATCH = 500;
  private static final Duration POLL = Duration.ofMillis(20);
  private static final SignedHttpClient HTTP = SignedHttpClient.create(InstantSource.system());

  private FanOut() {}

  /** Creates the account and channel through the Site API of the gateway at {@code base}. */
  public static void createChannel(URI base, String token) {
    SiteApiClient site = new SiteApiClient(base, token);
    assertThat(site.putAccount(ACCOUNT, SiteBodies.account(ACCOUNT)).success()).isTrue();
    assertThat(site.putChannel(CHANNEL, SiteBodies.channel(ACCOUNT, CHANNEL)).success()).isTrue();
  }

  /** The channel's public key as the gateway at {@code base} publishes it. */
  public static PublicKeyMaterial channelKey(URI base) {
    HttpResult actor = HTTP.get(base.resolve("/video-channels/" + CHANNEL), SignedHttpClient.ACCEPT_ACTIVITY);
    assertThat(actor.status()).isEqualTo(200);
    try {
      return PublicKeyMaterial.fromPem(actor.json().orElseThrow().getJsonObject("publicKey").getString("publicKeyPem"));
    } catch (KeyFormatException e) {
      throw new AssertionError("the channel publishes no readable key", e);
    }
  }

  /** A sink that accepts deliveries signed with the channel's key only. */
  public static DeliverySink sink(PublicKeyMaterial channelKey) {
    String keyId = PUBLIC_URL + "/video-channels/" + CHANNEL + "#main-key";
    return DeliverySink.start(id -> id.equals(keyId) ? Optional.of(channelKey) : Optional.empty());
  }

  /** Opens the {@code provider} store with {@code settings}, runs {@code seed} on it, and closes it again. */
  public static void withStore(String provider, StorageSettings settings, Consumer<StorageBackend> seed) {
    StorageBackend storage = StoreContract.await(StorageProviders.find(provider).open(settings));
    try {
      seed.accept(storage);
    } finally {
      StoreContract.await(storage.close());
    }
  }

  /** Seeds {@code count} accepted followers of the channel, each with its own inbox on {@code sink}. */
  public static void seedFollowers(StorageBackend storage, DeliverySink sink, int count) {
    for (int start = 0; start < count; start += SEED_BATCH) {
      List<CompletableFuture<?>> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + SEED_BATCH); i++) {
        URI follower = URI.create("http://followers.test/users/f" + i);
        batch.add(storage.follows().upsert(new Follow(CHANNEL, follower, sink.inbox("f" + i), Optional.empty(),
            FollowState.ACCEPTED, URI.create(follower + "/follows/1"))).toCompletableFuture());
      }
      StoreContract.await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)));
    }
  }

  /**
   * Queues {@code count} deliveries of one {@code Create} by the channel, one per follower inbox on {@code sink}, as a
   * publish to that many followers would (in batches: one enqueue of 10,000 copies of a rendered video takes the
   * embedded store longer than the Site API's 5 s storage deadline on a small machine).
   */
  public static void queueDeliveries(StorageBackend storage, DeliverySink sink, int count) {
    URI activity = PUBLIC_URL.resolve("/videos/watch/" + UUID.randomUUID() + "/activity");
    String json = new JsonObject().put("@context", "https://www.w3.org/ns/activitystreams")
        .put("id", activity.toString()).put("type", "Create")
        .put("actor", PUBLIC_URL.resolve("/video-channels/" + CHANNEL).toString()).encode();
    for (int start = 0; start < count; start += SEED_BATCH) {
      List<Delivery> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + SEED_BATCH); i++) {
        batch.add(new Delivery(sink.inbox("f" + i), CHANNEL, activity, Optional.empty(), json));
      }
      StoreContract.await(storage.deliveryJobs().enqueueAll(batch));
    }
  }

  /** Publishes a new video of the channel through the Site API; its deliveries are queued when this returns. */
  public static void publish(URI base, String token) {
    HttpResult published = new SiteApiClient(base, token).putVideo(UUID.randomUUID(),
        SiteBodies.video(CHANNEL, "Soup for " + UUID.randomUUID()));
    assertThat(published.success()).as("publish answered %s: %s", published.status(), published.text()).isTrue();
  }

  /** Delivery jobs waiting or in flight, as the gateway at {@code base} reports them on {@code /metrics}. */
  public static long pendingDeliveries(URI base) {
    return pendingJobs(base, "delivery");
  }

  /**
   * Jobs of {@code queue} ({@code delivery}, {@code webhook} or {@code inbox}) waiting or in flight, as the gateway at
   * {@code base} reports them on {@code /metrics}.
   */
  public static long pendingJobs(URI base, String queue) {
    String gauges = metrics(base, "store");
    return value(gauges, "fedgate_queue_jobs{queue=\"" + queue + "\",state=\"waiting\"}")
        + value(gauges, "fedgate_queue_jobs{queue=\"" + queue + "\",state=\"in-flight\"}");
  }

  /** Deliveries the gateway at {@code base} itself completed as done since it started. */
  public static long completedDeliveries(URI base) {
    return value(metrics(base, "process"), "fedgate_jobs_completed_total{queue=\"delivery\",outcome=\"done\"}");
  }

  /** The series of one collector ({@code process} or {@code store}) of the gateway at {@code base}'s {@code /metrics}. */
  public static String metrics(URI base, String collector) {
    HttpResult metrics = HTTP.get(base.resolve("/metrics?collect%5B%5D=" + collector), "text/plain");
    assertThat(metrics.status()).isEqualTo(200);
    return metrics.text();
  }

  /** One series' value in a {@code /metrics} text; 0 when absent. */
  public static long value(String metrics, String series) {
    for (String line : metrics.split("\n")) {
      if (line.startsWith(series + " ")) {
        return (long) Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  /** Polls {@code /metrics} until no delivery is waiting or in flight; fails after {@code timeout}. */
  public static void awaitDrained(URI base, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (pendingDeliveries(base) > 0) {
      assertThat(System.nanoTime()).as("deliveries drained within %s", timeout).isLessThan(deadline);
      // Each check is a scan of the queue by the gateway: a pause keeps the check from becoming its load.
      LockSupport.parkNanos(POLL.toNanos());
    }
  }

  /** The text of every event in the log of the gateway at {@code base}, read page by page. */
  public static List<String> events(URI base, String token) {
    SiteApiClient site = new SiteApiClient(base, token);
    List<String> events = new ArrayList<>();
    String path = "/api/v1/events?limit=1000";
    while (path != null) {
      JsonObject page = site.get(path).json().orElseThrow();
      JsonArray items = page.getJsonArray("items");
      for (int i = 0; i < items.size(); i++) {
        events.add(items.getJsonObject(i).encode());
      }
      String next = page.getString("next");
      path = next == null ? null : "/api/v1/events?limit=1000&after=" + next;
    }
    return events;
  }
}
