package dev.fedgate.testkit.conformance;

import dev.fedgate.testkit.peers.PeerProfile;
import dev.fedgate.testkit.peers.SignedHttpClient;
import dev.fedgate.testkit.peers.SimulatedActor;
import dev.fedgate.testkit.peers.SimulatedInstance;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.JsonLdContextNormalizer;
import io.vertx.core.json.JsonObject;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Checks an ActivityPub server the way Mastodon and PeerTube would before federating with it: WebFinger and its round
 * trip, the actor document (content type, id, shape), its key, a signed fetch, its collections and the videos in its
 * outbox. A library ({@link #check}) and a command line:
 * {@code ConformanceChecker @name@host|URL [--allow-http]}, one {@code PASS|FAIL|SKIP <check>: <why>} line per check,
 * exit status 1 on any failure, 2 on bad usage.
 */
public final class ConformanceChecker {
  private final Probe probe;
  private final boolean allowHttp;
  private final VocabReader reader = VocabReader.create(JsonLdContextNormalizer.create(), ReadLimits.DEFAULT);

  private ConformanceChecker(Optional<SimulatedActor> signer, boolean allowHttp, InstantSource clock) {
    this.probe = new Probe(SignedHttpClient.create(clock), signer);
    this.allowHttp = allowHttp;
  }

  /**
   * A checker that signs its fetches as {@code signer} (whose key the target must be able to fetch), or does not sign
   * (the signed-fetch check is then skipped); {@code allowHttp} accepts {@code http} ids, for test servers.
   */
  public static ConformanceChecker create(Optional<SimulatedActor> signer, boolean allowHttp) {
    return new ConformanceChecker(signer, allowHttp, InstantSource.system());
  }

  /** Runs every check against {@code target}: {@code @name@host}, {@code name@host} or an actor URL. */
  public ConformanceReport check(String target) {
    Results results = new Results();
    WebFingerChecks webfinger = new WebFingerChecks(probe, allowHttp ? "http" : "https");
    Optional<URI> actorId = isHandle(target)
        ? webfinger.discover(target.replaceFirst("^@", ""), results) : Optional.of(URI.create(target));
    actorId.ifPresent(id -> checkActor(id, webfinger, results));
    return new ConformanceReport(target, results.all());
  }

  private void checkActor(URI id, WebFingerChecks webfinger, Results results) {
    ActorChecks actors = new ActorChecks(probe, reader, allowHttp);
    Optional<JsonObject> fetched = actors.fetch(id, results);
    if (fetched.isEmpty()) {
      return;
    }
    JsonObject actor = fetched.get();
    actors.shape(actor, results);
    webfinger.roundTrip(actor, results);
    actors.key(actor, results);
    actors.signedFetch(id, results);
    CollectionChecks collections = new CollectionChecks(probe);
    List<Object> outbox = collections.check(actor, "outbox", results);
    collections.check(actor, "followers", results);
    collections.check(actor, "following", results);
    new VideoChecks(probe, reader).check(outbox, results);
  }

  private static boolean isHandle(String target) {
    return !target.contains("://") && target.replaceFirst("^@", "").contains("@");
  }

  /** The command line: prints the report and exits 0 when every check passed, 1 otherwise, 2 on bad usage. */
  public static void main(String[] args) {
    System.exit(run(args, System.out));
  }

  /**
   * What {@link #main} does, without exiting. For a loopback target it starts a {@link SimulatedInstance} holding the
   * checker's actor, so the signed fetch has a key id the target can fetch; other targets cannot reach one, so that
   * check is skipped there.
   */
  public static int run(String[] args, PrintStream out) {
    List<String> arguments = List.of(args);
    boolean allowHttp = arguments.contains("--allow-http");
    List<String> targets = arguments.stream().filter(a -> !a.startsWith("--")).toList();
    if (targets.size() != 1 || arguments.size() - targets.size() != (allowHttp ? 1 : 0)) {
      out.println("usage: ConformanceChecker @name@host|URL [--allow-http]");
      return 2;
    }
    String target = targets.get(0);
    Optional<SimulatedInstance> home = loopback(target) ? Optional.of(SimulatedInstance.start(PeerProfile.mastodon()))
        : Optional.empty();
    try {
      ConformanceReport report = create(home.map(SimulatedInstance::instanceActor), allowHttp).check(target);
      out.println(report.text());
      return report.passed() ? 0 : 1;
    } finally {
      home.ifPresent(SimulatedInstance::close);
    }
  }

  private static boolean loopback(String target) {
    String host = target.contains("://") ? URI.create(target).getHost()
        : URI.create("http://" + target.substring(target.lastIndexOf('@') + 1)).getHost();
    try {
      return host != null && InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
