package dev.fedgate.it.hostile;

import static dev.fedgate.it.hostile.Forge.bytes;
import static dev.fedgate.it.hostile.Forge.signed;
import static dev.fedgate.it.hostile.HostileCase.NOTHING;
import static dev.fedgate.it.hostile.HostileCase.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.gateway.storage.RemoteActor;
import dev.fedgate.gateway.storage.RemoteKey;
import dev.fedgate.signatures.HttpSigner;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.keys.KeyPair;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SimulatedActor;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The address-guard (SSRF) rows of the hostile-input table: a gateway with private addresses refused, as in
 * production, whose resolver maps test names to loopback, private, link-local, unique-local, NAT64 and cloud-metadata
 * addresses. Key ids and forwarded objects on those addresses must be refused without a connection: every loopback
 * URL points at a {@link LoopbackSink} that counts connections. Carol, the one signer whose key the gateway holds, is
 * on a public name.
 */
class HostileAddressTest {
  private static final LoopbackSink SINK = LoopbackSink.start();
  private static final List<String> ASKED = new CopyOnWriteArrayList<>();
  private static final Map<String, List<String>> NAMES = Map.of(
      "metadata.test", List.of("169.254.169.254"),
      "loopback.test", List.of("127.0.0.1"),
      "private.test", List.of("10.1.2.3"),
      "linklocal6.test", List.of("fe80::1"),
      "ula.test", List.of("fd00:ec2::254"),
      "cgnat.test", List.of("100.64.0.1"),
      "nat64.test", List.of("64:ff9b::a9fe:a9fe"),
      "mixed.test", List.of("93.184.216.34", "127.0.0.1"),
      "peer.public.test", List.of("93.184.216.34"));

  @RegisterExtension
  static FedgateExtension fedgate = FedgateExtension.embedded().resolving(HostileAddressTest::resolve)
      .refusingPrivateAddresses();

  private static SimulatedActor carol;
  private static URI sharedInbox;
  private static URI videoId;
  private static HostileRunner runner;

  @BeforeAll
  static void setUp() throws Exception {
    SiteApiClient site = fedgate.siteApi();
    assertThat(site.putAccount("chef", SiteBodies.account("chef")).status())
        .isEqualTo(201);
    assertThat(site.putChannel("kitchen", SiteBodies.channel("chef", "kitchen")).status())
        .isEqualTo(201);
    UUID video = UUID.randomUUID();
    videoId = URI.create(site.putVideo(video, SiteBodies.video("kitchen", "Soup")).json()
        .orElseThrow().getString("id"));
    sharedInbox = fedgate.publicUrl().resolve("/inbox");
    carol = new SimulatedActor("carol", URI.create("https://peer.public.test/users/carol"), "Person",
        KeyPair.generateRsa());
    // As if fetched earlier from its public host: the forwarded rows need one signer the gateway can verify.
    fedgate.gateway().storage().remoteActors().upsert(new RemoteActor(carol.id(), "Person", Optional.of("carol"),
        URI.create(carol.id() + "/inbox"), Optional.empty(),
        List.of(new RemoteKey(URI.create(carol.keyId()), "RSA", carol.keys().publicKey().toPem())), Instant.now()))
        .toCompletableFuture().get(30, TimeUnit.SECONDS);
    runner = new HostileRunner(fedgate, List::of, List.of(SINK::connections),
        List.of("/api/v1/videos/" + video + "/comments?status=visible,held,deleted",
            "/api/v1/channels/kitchen/followers"));
  }

  @AfterAll
  static void tearDown() {
    SINK.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void refusedWithoutConnecting_keyOrObjectOnANonPublicAddress(HostileCase row) {
    runner.run(row);
  }

  static Stream<HostileCase> cases() {
    int port = SINK.port();
    return Stream.of(
        key("ssrf-key-loopback", "a key id on 127.0.0.1", "https://127.0.0.1:" + port),
        key("ssrf-key-loopback-v6", "a key id on [::1]", "https://[::1]:" + port),
        key("ssrf-key-v4-mapped", "a key id on [::ffff:127.0.0.1]", "https://[::ffff:127.0.0.1]:" + port),
        key("ssrf-key-unspecified", "a key id on 0.0.0.0", "https://0.0.0.0:" + port),
        key("ssrf-key-private", "a key id on 10.1.2.3", "https://10.1.2.3"),
        key("ssrf-key-metadata", "a key id on the cloud metadata address", "https://169.254.169.254/latest/meta-data"),
        key("ssrf-key-metadata-v6", "a key id on EC2's IPv6 metadata address", "https://[fd00:ec2::254]"),
        key("ssrf-key-cgnat", "a key id on carrier-grade NAT space", "https://100.64.0.1"),
        key("ssrf-name-loopback", "a name resolving to 127.0.0.1", "https://loopback.test:" + port),
        key("ssrf-name-metadata", "a name resolving to 169.254.169.254", "https://metadata.test"),
        key("ssrf-name-private", "a name resolving to 10.1.2.3", "https://private.test"),
        key("ssrf-name-link-local-v6", "a name resolving to fe80::1", "https://linklocal6.test"),
        key("ssrf-name-unique-local", "a name resolving to fd00:ec2::254", "https://ula.test"),
        key("ssrf-name-nat64-metadata", "a name resolving to the metadata address behind NAT64", "https://nat64.test"),
        key("ssrf-name-mixed", "a name resolving to a public and a loopback address", "https://mixed.test:" + port),
        new HostileCase("ssrf-key-plain-http", "a key id over plain http (not even resolved)", () -> {
          ASKED.clear();
          return signedBy("http://peer.public.test/users/dave#main-key");
        }, 401, "key-unknown", NOTHING, HostileCase.Effect.NONE, () -> assertThat(ASKED).isEmpty()),
        refused("ssrf-forwarded-note-metadata", "carol forwards a Create whose Note must be refetched from the metadata"
            + " address", () -> forwarded("https://metadata.test"), 401, "forward-unverified", NOTHING),
        refused("ssrf-forwarded-note-loopback", "carol forwards a Create whose Note lives on a loopback name",
            () -> forwarded("https://loopback.test:" + port), 401, "forward-unverified", NOTHING),
        refused("ssrf-actor-loopback", "carol relays a Like by an actor on loopback (no proof, nothing fetched)",
            () -> signed(carol, sharedInbox, PeerProfile.activity(PeerProfile.ACTIVITY_STREAMS,
                URI.create("https://loopback.test:" + port + "/likes/1"), "Like", carol)
                .put("actor", "https://loopback.test:" + port + "/users/x").put("object", videoId.toString())),
            401, "forward-unverified", NOTHING));
  }

  /** A Like signed with a key id under {@code base}: the key fetch must be refused by the guard. */
  private static HostileCase key(String name, String tries, String base) {
    return refused(name, tries, () -> signedBy(base + "/users/mallory#main-key"), 401, "key-unknown", NOTHING);
  }

  private static RawRequest signedBy(String keyId) {
    JsonObject like = PeerProfile.activity(PeerProfile.ACTIVITY_STREAMS,
        URI.create(keyId.replaceFirst("#.*", "") + "#likes/" + UUID.randomUUID()), "Like", carol)
        .put("actor", keyId.replaceFirst("#.*", "")).put("object", videoId.toString());
    return signed(HttpSigner.create(carol.keys().privateKey(), keyId, SignatureScheme.CAVAGE_12), sharedInbox,
        bytes(like), Duration.ZERO);
  }

  /** A Create{Note} by an actor under {@code origin}, signed by carol: a forward whose Note must be refetched. */
  private static RawRequest forwarded(String origin) {
    String actor = origin + "/users/x";
    JsonObject note = new JsonObject().put("id", origin + "/notes/" + UUID.randomUUID()).put("type", "Note")
        .put("attributedTo", actor).put("inReplyTo", videoId.toString()).put("content", "hi")
        .put("to", PeerProfile.PUBLIC);
    JsonObject create = new JsonObject().put("@context", PeerProfile.ACTIVITY_STREAMS)
        .put("id", note.getString("id") + "/activity").put("type", "Create").put("actor", actor).put("object", note);
    return signed(carol, sharedInbox, create);
  }

  private static Future<List<InetAddress>> resolve(String host) {
    ASKED.add(host);
    List<String> addresses = NAMES.get(host);
    if (addresses == null) {
      try {
        // IP literals resolve to themselves without DNS.
        return Future.succeededFuture(List.of(InetAddress.getByName(host)));
      } catch (UnknownHostException e) {
        return Future.failedFuture(e);
      }
    }
    return Future.succeededFuture(addresses.stream().map(HostileAddressTest::literal).toList());
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
