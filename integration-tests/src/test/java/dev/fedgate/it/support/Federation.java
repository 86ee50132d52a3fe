package dev.fedgate.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.HttpResult;
import dev.fedgate.testkit.peers.ReceivedActivity;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;

/** The steps every scenario and fault test takes: a channel on the gateway, found, followed and publishing. */
public final class Federation {
  /** How long a step may take before the test fails; generous for a loaded 2-core machine. */
  public static final Duration WAIT = Duration.ofSeconds(30);

  private Federation() {}

  /** Creates an account and a channel of it, both named uniquely from {@code prefix}; returns the channel's name. */
  public static String channel(SiteApiClient site, String prefix) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String account = prefix + "_owner_" + suffix;
    String channel = prefix + "_" + suffix;
    assertThat(site.putAccount(account, SiteBodies.account(account)).status()).isEqualTo(201);
    assertThat(site.putChannel(channel, SiteBodies.channel(account, channel)).status()).isEqualTo(201);
    return channel;
  }

  /**
   * Finds {@code name} by WebFinger from {@code remote} and fetches its actor document signed by {@code actor} with
   * {@code scheme}.
   */
  public static JsonObject discover(FedgateExtension fedgate, SimulatedInstance remote, SimulatedActor actor,
      String name, SignatureScheme scheme) {
    URI id = remote.resolve("@" + fedgate.handle(name)).orElseThrow(() -> new AssertionError("no WebFinger for "
        + name));
    HttpResult fetched = remote.fetch(actor, id, scheme);
    assertThat(fetched.status()).as("GET %s: %s", id, fetched.text()).isEqualTo(200);
    return fetched.json().orElseThrow();
  }

  /** {@code actor} follows {@code target}; the gateway answers 202 and a verified {@code Accept} of it arrives. */
  public static JsonObject follow(SimulatedInstance remote, SimulatedActor actor, JsonObject target,
      SignatureScheme scheme) {
    JsonObject follow = remote.profile().follow(actor, URI.create(target.getString("id")));
    accepted(remote.deliver(actor, follow, target, scheme));
    ReceivedActivity accept = awaitActivity(remote, "Accept", follow.getString("id"));
    assertThat(accept.verified()).as("%s", accept.verification()).isTrue();
    assertThat(accept.path()).as("the Accept goes to the follower's own inbox").isEqualTo(actor.inbox().getPath());
    return follow;
  }

  /** Publishes a video of {@code channel} through the Site API; returns its ActivityPub id. */
  public static URI publish(SiteApiClient site, UUID uuid, String channel, String name) {
    HttpResult published = site.putVideo(uuid, SiteBodies.video(channel, name));
    assertThat(published.status()).as(published.text()).isEqualTo(201);
    return URI.create(published.json().orElseThrow().getString("id"));
  }

  /** The first activity of {@code type} received by {@code remote} whose {@code object} mentions {@code object}. */
  public static ReceivedActivity awaitActivity(SimulatedInstance remote, String type, String object) {
    return remote.awaitReceived(r -> type.equals(r.type())
        && r.activity().orElseThrow().getValue("object", "").toString().contains(object), WAIT)
        .orElseThrow(() -> new AssertionError("no " + type + " of " + object + " arrived; got "
            + remote.received().stream().map(ReceivedActivity::type).toList()));
  }

  /** Asserts the gateway took an activity: {@code 202 Accepted}. */
  public static void accepted(HttpResult answer) {
    assertThat(answer.status()).as("%s answered %s: %s", answer.uri(), answer.status(), answer.text())
        .isEqualTo(202);
  }

  /** The {@code items} of a Site API list. */
  public static JsonArray items(HttpResult list) {
    assertThat(list.status()).as(list.text()).isEqualTo(200);
    return list.json().orElseThrow().getJsonArray("items", new JsonArray());
  }
}
