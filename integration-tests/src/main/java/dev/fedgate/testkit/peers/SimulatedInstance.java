package dev.fedgate.testkit.peers;

import dev.fedgate.signatures.HttpHeaders;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.Rejected;
import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.signatures.VerificationResult;
import dev.fedgate.signatures.Verified;
import dev.fedgate.signatures.keys.KeyPair;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A remote instance for tests: a real HTTP server on {@code 127.0.0.1} (free port) serving WebFinger, NodeInfo,
 * actors with real RSA-2048 keys, their collections and any document a test adds; inboxes (personal and shared)
 * that verify every signature with the signer's fetched key and record what arrived; and a client side that resolves
 * handles, fetches with signed {@code GET}s and delivers signed activities as the {@link PeerProfile} would.
 */
public final class SimulatedInstance implements AutoCloseable {
  private static final long MAX_INBOX_BYTES = 1 << 20;
  /** The fetch log keeps at most this many entries, like the inbox record. */
  private static final int MAX_FETCH_LOG = 100_000;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final PeerProfile profile;
  private final Vertx vertx;
  private final URI base;
  private final SignedHttpClient http;
  private final Map<String, Served> documents = new ConcurrentHashMap<>();
  private final Map<String, URI> redirects = new ConcurrentHashMap<>();
  private final Map<String, SimulatedActor> actors = new ConcurrentHashMap<>();
  private final Map<String, List<JsonObject>> outboxes = new ConcurrentHashMap<>();
  private final ArrivalLog<ReceivedActivity> inbox = new ArrivalLog<>();
  private final ArrivalLog<FaultedPost> faulted = new ArrivalLog<>();
  private final Queue<InboxFault> nextFaults = new ConcurrentLinkedQueue<>();
  private volatile Optional<InboxFault> inboxFault = Optional.empty();
  private final InstantSource clock;
  private final List<String> fetched = new CopyOnWriteArrayList<>();
  private final SimulatedActor instanceActor;
  private final RequestVerifier verifier;
  private volatile boolean authorizedFetch;

  /** A document served as is: status, content type and body. */
  public record Served(int status, String contentType, String body) {}

  private SimulatedInstance(PeerProfile profile, InstantSource clock, Vertx vertx, int port, Router router) {
    this.profile = profile;
    this.vertx = vertx;
    this.base = URI.create("http://127.0.0.1:" + port);
    this.clock = clock;
    this.http = SignedHttpClient.create(clock);
    this.instanceActor = createActor(profile.instanceActorName(), profile.instanceActorType());
    this.verifier = new RequestVerifier(new KeyFetcher(http, instanceActor), clock);
    // Routes are mounted once the port (and so every id) is known; nobody can call before start returns.
    router.post().handler(BodyHandler.create().setBodyLimit(MAX_INBOX_BYTES)).handler(this::receive);
    router.get().handler(this::serveDocument);
  }

  /** Starts an instance behaving like {@code profile}, dating signatures by the system clock. */
  public static SimulatedInstance start(PeerProfile profile) {
    return start(profile, InstantSource.system());
  }

  /** Starts an instance behaving like {@code profile}, dating and checking signatures by {@code clock}. */
  public static SimulatedInstance start(PeerProfile profile, InstantSource clock) {
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    try {
      HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
          .toCompletionStage().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return new SimulatedInstance(profile, clock, vertx, server.actualPort(), router);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("simulated instance did not start: " + e.getMessage(), e);
    }
  }

  /** The profile this instance behaves like. */
  public PeerProfile profile() {
    return profile;
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return base;
  }

  /** The host as handles spell it, with the port. */
  public String host() {
    return base.getAuthority();
  }

  /** The shared inbox. */
  public URI sharedInbox() {
    return base.resolve("/inbox");
  }

  /** The instance actor every simulated instance has (Mastodon's representative, PeerTube's server actor). */
  public SimulatedActor instanceActor() {
    return instanceActor;
  }

  /** Creates an actor of {@code type} ({@code Person}, {@code Group}, {@code Application}) with a fresh RSA key. */
  public SimulatedActor createActor(String name, String type) {
    SimulatedActor actor = new SimulatedActor(name, base.resolve(profile.actorPath(type, name)), type,
        KeyPair.generateRsa());
    actors.put(name, actor);
    serveJson(actor.id().getPath(), profile.actorDocument(actor, sharedInbox()));
    outboxes.put(name, new CopyOnWriteArrayList<>());
    publishCollections(actor);
    return actor;
  }

  /** The actor document this instance serves for {@code actor}. */
  public JsonObject actorDocument(SimulatedActor actor) {
    return profile.actorDocument(actor, sharedInbox());
  }

  /** Adds {@code activity} to {@code actor}'s outbox (newest first) and serves it at its id. */
  public void publish(SimulatedActor actor, JsonObject activity) {
    outboxes.get(actor.name()).add(0, activity);
    serveJson(URI.create(activity.getString("id")).getPath(), activity);
    publishCollections(actor);
  }

  /** Serves {@code document} as {@code application/activity+json} at {@code path}, replacing what was there. */
  public void serveJson(String path, JsonObject document) {
    serve(path, new Served(200, SignedHttpClient.ACTIVITY_JSON, document.encode()));
  }

  /** Serves {@code served} at {@code path} (with its raw query, if any) as is: for deliberately broken documents. */
  public void serve(String path, Served served) {
    documents.put(path, served);
  }

  /** Answers a {@code GET} of {@code path} with {@code 302} to {@code location} (any host): for redirect tests. */
  public void redirect(String path, URI location) {
    redirects.put(path, location);
  }

  /**
   * Mastodon's authorized-fetch ("secure") mode (reference mastodon.md §(f)): when on, every document except WebFinger,
   * NodeInfo and the instance actor answers {@code 401} to a {@code GET} without a verified signature. In either mode
   * a {@code GET} that carries a signature which does not verify is answered {@code 401}, as Mastodon does.
   */
  public void requireSignedFetch(boolean required) {
    authorizedFetch = required;
  }

  /** Meets every {@code POST} to any inbox of this instance with {@code fault}, until {@link #healInbox()}. */
  public void failInbox(InboxFault fault) {
    inboxFault = Optional.of(fault);
  }

  /** Meets the next {@code count} {@code POST}s with {@code fault} (before any {@link #failInbox} fault applies). */
  public void failNextPosts(int count, InboxFault fault) {
    Objects.requireNonNull(fault, "fault");
    for (int i = 0; i < count; i++) {
      nextFaults.add(fault);
    }
  }

  /** Takes {@code POST}s normally again: forgets the standing fault and any pending {@link #failNextPosts}. */
  public void healInbox() {
    inboxFault = Optional.empty();
    nextFaults.clear();
  }

  /** The {@code POST}s met with a fault so far, in order. */
  public List<FaultedPost> faulted() {
    return faulted.all();
  }

  /** The first faulted {@code POST} matching {@code match}, waiting up to {@code timeout}. */
  public Optional<FaultedPost> awaitFaulted(Predicate<FaultedPost> match, Duration timeout) {
    return faulted.await(match, timeout);
  }

  /**
   * Gives {@code actor} a new key pair under the same key id (a key rotation) and serves its new actor document; the
   * returned actor signs with the new key, while {@code actor} still holds the old one.
   */
  public SimulatedActor rotateKey(SimulatedActor actor) {
    SimulatedActor rotated = new SimulatedActor(actor.name(), actor.id(), actor.type(), KeyPair.generateRsa());
    actors.put(rotated.name(), rotated);
    serveJson(rotated.id().getPath(), actorDocument(rotated));
    return rotated;
  }

  /** Everything the inboxes received so far, in order. */
  public List<ReceivedActivity> received() {
    return inbox.all();
  }

  /** The path (with its query, if any) of every {@code GET} this instance answered, in order. */
  public List<String> fetched() {
    return List.copyOf(fetched);
  }

  /** The first received activity matching {@code match}, waiting up to {@code timeout}. */
  public Optional<ReceivedActivity> awaitReceived(Predicate<ReceivedActivity> match, Duration timeout) {
    return inbox.await(match, timeout);
  }

  /** Resolves {@code name@host} by WebFinger to the {@code self} link's actor id, as Mastodon does. */
  public Optional<URI> resolve(String handle) {
    String acct = handle.startsWith("@") ? handle.substring(1) : handle;
    String host = acct.substring(acct.indexOf('@') + 1);
    URI query = URI.create("http://" + host + "/.well-known/webfinger?resource=acct:" + acct);
    HttpResult answer = http.get(query, "application/jrd+json, application/json");
    return answer.status() == 200 ? answer.json().flatMap(SimulatedInstance::selfLink) : Optional.empty();
  }

  /** A {@code GET} of {@code target} signed by {@code signer} with draft-cavage, as both peers fetch. */
  public HttpResult fetch(SimulatedActor signer, URI target) {
    return fetch(signer, target, SignatureScheme.CAVAGE_12);
  }

  /** A {@code GET} of {@code target} signed by {@code signer} with {@code scheme}. */
  public HttpResult fetch(SimulatedActor signer, URI target, SignatureScheme scheme) {
    return http.signedGet(signer, target, scheme);
  }

  /** Posts {@code activity} signed by {@code signer} to {@code recipient}'s inbox chosen as the profile would. */
  public HttpResult deliver(SimulatedActor signer, JsonObject activity, JsonObject recipient, SignatureScheme scheme) {
    return post(signer, activity, profile.inboxFor(activity, recipient), scheme);
  }

  /** Posts {@code activity} signed by {@code signer} to {@code inbox}. */
  public HttpResult post(SimulatedActor signer, JsonObject activity, URI inbox, SignatureScheme scheme) {
    return http.post(signer, inbox, activity.encode().getBytes(StandardCharsets.UTF_8), scheme);
  }

  /** Stops the server and its Vert.x instance. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture()
          .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("simulated instance did not stop: " + e.getMessage(), e);
    }
  }

  private void publishCollections(SimulatedActor actor) {
    serveCollection(actor.outbox(), new JsonArray(List.copyOf(outboxes.get(actor.name()))));
    serveCollection(actor.followers(), new JsonArray());
    serveCollection(actor.following(), new JsonArray());
  }

  /** An {@code OrderedCollection} with {@code totalItems} and one page, as both peers page. */
  private void serveCollection(URI id, JsonArray items) {
    String page = id + "?page=1";
    serveJson(id.getPath(), new JsonObject().put("@context", PeerProfile.ACTIVITY_STREAMS).put("id", id.toString())
        .put("type", "OrderedCollection").put("totalItems", items.size()).put("first", page));
    serve(id.getPath() + "?page=1", new Served(200, SignedHttpClient.ACTIVITY_JSON, new JsonObject()
        .put("@context", PeerProfile.ACTIVITY_STREAMS).put("id", page).put("type", "OrderedCollectionPage")
        .put("partOf", id.toString()).put("totalItems", items.size()).put("orderedItems", items).encode()));
  }

  /** A redirect or a document a test served wins (even over WebFinger and NodeInfo); then the built-in routes. */
  private void serveDocument(RoutingContext ctx) {
    String path = ctx.request().path();
    String query = ctx.request().query();
    if (fetched.size() < MAX_FETCH_LOG) {
      fetched.add(query == null ? path : path + "?" + query);
    }
    Served served = documents.get(query == null ? path : path + "?" + query);
    URI redirect = redirects.get(path);
    if (redirect != null) {
      ctx.response().setStatusCode(302).putHeader("Location", redirect.toString()).end();
    } else if (served != null) {
      boolean signed = ctx.request().headers().contains("Signature")
          || ctx.request().getHeader("Authorization") != null;
      if ((authorizedFetch || signed) && !path.equals(instanceActor.id().getPath())) {
        verify(ctx, "GET", new byte[0]).onComplete(result -> {
          if (result.succeeded() && result.result() instanceof Verified) {
            answer(ctx, served);
          } else {
            ctx.response().setStatusCode(401).end();
          }
        });
      } else {
        answer(ctx, served);
      }
    } else if ("/.well-known/webfinger".equals(path)) {
      webfinger(ctx);
    } else if ("/.well-known/nodeinfo".equals(path) || "/nodeinfo/2.0".equals(path)) {
      nodeInfo(ctx, path);
    } else {
      ctx.response().setStatusCode(404).end();
    }
  }

  private static void answer(RoutingContext ctx, Served served) {
    ctx.response().setStatusCode(served.status()).putHeader("Content-Type", served.contentType()).end(served.body());
  }

  private void webfinger(RoutingContext ctx) {
    String resource = Optional.ofNullable(ctx.request().getParam("resource")).orElse("");
    String acct = URLDecoder.decode(resource, StandardCharsets.UTF_8).replaceFirst("^acct:", "");
    String name = acct.endsWith("@" + host()) ? acct.substring(0, acct.length() - host().length() - 1) : "";
    SimulatedActor actor = actors.get(name);
    if (actor == null) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    JsonObject jrd = new JsonObject().put("subject", "acct:" + name + "@" + host())
        .put("aliases", new JsonArray().add(actor.id().toString()))
        .put("links", new JsonArray().add(new JsonObject().put("rel", "self")
            .put("type", SignedHttpClient.ACTIVITY_JSON).put("href", actor.id().toString())));
    ctx.response().putHeader("Content-Type", "application/jrd+json").end(jrd.encode());
  }

  private void nodeInfo(RoutingContext ctx, String path) {
    JsonObject body = path.startsWith("/.well-known") ? new JsonObject().put("links", new JsonArray()
        .add(new JsonObject().put("rel", "http://nodeinfo.diaspora.software/ns/schema/2.0")
            .put("href", base.resolve("/nodeinfo/2.0").toString()))
        .add(new JsonObject().put("rel", "https://www.w3.org/ns/activitystreams#Application")
            .put("href", instanceActor.id().toString())))
        : new JsonObject().put("version", "2.0")
            .put("software", new JsonObject().put("name", profile.software()).put("version", "simulated"))
            .put("protocols", new JsonArray().add("activitypub")).put("openRegistrations", false)
            .put("usage", new JsonObject().put("users", new JsonObject().put("total", actors.size())));
    ctx.response().putHeader("Content-Type", "application/json").end(body.encode());
  }

  private void receive(RoutingContext ctx) {
    String path = ctx.request().path();
    boolean personal = actors.values().stream().anyMatch(a -> a.inbox().getPath().equals(path));
    if (!personal && !"/inbox".equals(path)) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    byte[] body = ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
    Optional<InboxFault> fault = Optional.ofNullable(nextFaults.poll()).or(() -> inboxFault);
    if (fault.isPresent()) {
      faulted.add(new FaultedPost(path, HttpResult.jsonObject(body), fault.get(), clock.instant()));
      answerFault(ctx, fault.get());
      return;
    }
    HttpHeaders headers = VertxRequests.headers(ctx, host());
    verify(ctx, "POST", body).onComplete(result -> {
      VerificationResult verification = result.succeeded() ? result.result()
          : Rejected.unknownKey(String.valueOf(result.cause()));
      inbox.add(new ReceivedActivity(path, headers, HttpResult.jsonObject(body), verification));
      ctx.response().setStatusCode(verification instanceof Verified ? 202 : 401).end();
    });
  }

  private void answerFault(RoutingContext ctx, InboxFault fault) {
    if (fault instanceof InboxFault.Down) {
      ctx.request().connection().close();
    } else if (fault instanceof InboxFault.Slow slow) {
      vertx.setTimer(slow.delay().toMillis(), id -> ctx.response().setStatusCode(202).end());
    } else {
      InboxFault.Status status = (InboxFault.Status) fault;
      status.retryAfter().ifPresent(after -> ctx.response().putHeader("Retry-After",
          Long.toString(after.toSeconds())));
      ctx.response().setStatusCode(status.status()).end();
    }
  }

  /** Verifies the request's signature on a worker thread (the signer's key is fetched over HTTP). */
  private Future<VerificationResult> verify(RoutingContext ctx, String method, byte[] body) {
    HttpRequest request = VertxRequests.toSigned(ctx, method, host(), body);
    return vertx.executeBlocking(() -> verifier.verify(request), false);
  }

  private static Optional<URI> selfLink(JsonObject jrd) {
    JsonArray links = jrd.getJsonArray("links", new JsonArray());
    return links.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
        .filter(l -> "self".equals(l.getString("rel"))).map(l -> l.getString("href")).filter(h -> h != null)
        .findFirst().map(URI::create);
  }
}
