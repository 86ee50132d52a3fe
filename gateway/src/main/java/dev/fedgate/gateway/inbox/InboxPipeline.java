package dev.fedgate.gateway.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedgate.gateway.fetch.FetchBudget;
import dev.fedgate.gateway.fetch.RemoteFetcher;
import dev.fedgate.gateway.keys.PublicKeyResolver;
import dev.fedgate.gateway.keys.ResolvedKey;
import dev.fedgate.gateway.problem.FedgateException;
import dev.fedgate.gateway.problem.ProblemType;
import dev.fedgate.gateway.storage.InboundActivity;
import dev.fedgate.gateway.storage.InboxStore;
import dev.fedgate.gateway.storage.support.GroupCommit;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.VerificationPolicy;
import dev.fedgate.vocab.ApObject;
import dev.fedgate.vocab.VocabException;
import dev.fedgate.vocab.VocabProblem;
import dev.fedgate.vocab.activity.Activity;
import dev.fedgate.vocab.json.ReadLimits;
import dev.fedgate.vocab.json.VocabReader;
import dev.fedgate.vocab.jsonld.ContextNormalizer;
import io.vertx.core.Future;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The fixed inbox pipeline, each step with its own refusal: size, media type, JSON limits and shape (no fetch before
 * these), signature (key resolved, verified off the event loop), domain blocks, vocabulary reading and validation,
 * origin (or a verified forward), then de-duplication and durable queueing in one store call. Only then is the
 * request accepted: a crash after 202 loses nothing. The activities verified while earlier ones are being written are
 * queued together ({@link GroupCommit}, one transaction per group), so a store that pays per commit pays once per
 * group.
 */
public final class InboxPipeline {
  /** The media types an inbox reads; {@code application/ld+json} only with the ActivityStreams profile. */
  static final Set<String> JSON_TYPES = Set.of("application/activity+json", "application/json");
  private static final String LD_JSON = "application/ld+json";
  private static final String AS_PROFILE = "https://www.w3.org/ns/activitystreams";
  /** Most activities queued in one transaction. */
  static final int ACCEPT_GROUP = 256;
  /**
   * Groups written at once by default: fewer than the store's connections (8 embedded, at least 4 on PostgreSQL), which
   * the inbox worker and its handlers need too; the fewer in flight, the larger (and cheaper per activity) the groups.
   */
  static final int DEFAULT_ACCEPT_WRITES = 2;

  private final GroupCommit<InboundActivity, InboxStore.Acceptance> accepts;
  private final InboxStore inbox;
  private final InstantSource clock;
  private final InboxWorker worker;
  private final VocabReader reader;
  private final ActivityShape.Parser shapes;
  private final SignatureCheck signatures;
  private final ForwardCheck forwards;
  private final DomainBlocks blocks;
  private final InboxCounters counters;
  private final long maxBodyBytes;
  private volatile Consumer<URI> signers = signer -> { };

  private InboxPipeline(Builder b) {
    this.accepts = new GroupCommit<>(ACCEPT_GROUP, b.acceptWrites, this::write);
    this.inbox = b.inbox;
    this.clock = b.clock;
    this.worker = b.worker;
    this.reader = VocabReader.create(b.normalizer, b.limits);
    this.shapes = new ActivityShape.Parser(b.limits);
    this.signatures = new SignatureCheck(b.keys, b.policy, b.blocks, b.clock, b.cpu);
    this.forwards = new ForwardCheck(b.keys, b.fetcher, reader, b.clock, b.cpu);
    this.blocks = b.blocks;
    this.counters = b.counters;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /** A builder; every dependency but the policy, limits and blocks must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Calls {@code listener} with the actor of every request whose signature verified (an inbox POST or a signed fetch):
   * contact from a host, which revives its deliveries. The listener runs on the event loop and must not block.
   */
  public void onSigned(Consumer<URI> listener) {
    signers = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Checks the HTTP signature of a GET under authorized fetch with the inbox's own signature step (same policy, key
   * cache, rotation refetch and domain blocks).
   *
   * @return the signer's actor id, or a failure with a {@link FedgateException}: {@code unauthorized} for a missing,
   *     invalid or unknown signature, {@code unavailable} when the key could not be fetched for now
   */
  public Future<URI> verifyFetch(HttpRequest request) {
    return signedBy(signatures.verify(request, FetchBudget.perRequest()))
        .map(ResolvedKey::owner)
        .recover(failure -> Future.failedFuture(failure instanceof RefusalException refusal
            && refusal.refused().refusal().status() == 503
            ? new FedgateException(ProblemType.UNAVAILABLE, "the signing key cannot be fetched now; retry later")
            : new FedgateException(ProblemType.UNAUTHORIZED,
                "this server requires a valid HTTP signature on fetches (authorized fetch)")));
  }

  /** Runs the pipeline on one request; the outcome is counted. The future never fails. */
  public Future<InboxOutcome> receive(InboxRequest request) {
    Future<InboxOutcome> outcome;
    try {
      outcome = run(request);
    } catch (RefusalException e) {
      outcome = Future.failedFuture(e);
    }
    return outcome.recover(InboxPipeline::toOutcome).onSuccess(counters::answered);
  }

  private Future<InboxOutcome> run(InboxRequest request) {
    if (request.body().length > maxBodyBytes) {
      throw new RefusalException(InboxRefusal.BODY_TOO_LARGE, "the body exceeds " + maxBodyBytes + " bytes");
    }
    checkMediaType(request.headers().first("Content-Type"));
    ActivityShape shape = shapes.parse(request.body());
    FetchBudget budget = FetchBudget.perRequest();
    return signedBy(signatures.verify(request, budget)).compose(key -> {
      if (blocks.blocks(shape.actor())) {
        throw new RefusalException(InboxRefusal.DOMAIN_BLOCKED, "the actor's domain is blocked");
      }
      ApObject activity = read(shape);
      URI actor = shape.actor();
      Optional<String> violation = activity instanceof Activity typed ? Origins.violation(typed, actor)
          : Origins.sameOrigin(shape.id(), actor) ? Optional.empty()
          : Optional.of("the activity id is not on the actor's host");
      if (violation.isPresent()) {
        throw new RefusalException(InboxRefusal.ORIGIN_MISMATCH, violation.get());
      }
      // Kept as received when the actor signed it, so inbox forwarding re-sends exactly the bytes it signed; the
      // worker then processes what was read here, which was read from those very bytes.
      if (actor.equals(key.owner())) {
        return queue(new InboundActivity(shape.id(), request.recipient(), actor,
            new String(request.body(), StandardCharsets.UTF_8)), Optional.of(activity));
      }
      return forwards.verify(request.body(), shape.tree(), activity, actor, budget).map(ObjectNode::toString)
          .compose(json -> queue(new InboundActivity(shape.id(), request.recipient(), actor, json), Optional.empty()));
    });
  }

  /** How many verified activities wait for a group write to start. */
  int acceptsWaiting() {
    return accepts.waiting();
  }

  private Future<ResolvedKey> signedBy(Future<ResolvedKey> verified) {
    return verified.onSuccess(key -> signers.accept(key.owner()));
  }

  /** Queues {@code activity}; {@code read} is its JSON as read by vocab, when that JSON is the one queued. */
  private Future<InboxOutcome> queue(InboundActivity activity, Optional<ApObject> read) {
    return Future.fromCompletionStage(accepts.submit(activity))
        .recover(failure -> Future.failedFuture(
            new RefusalException(InboxRefusal.STORAGE_UNAVAILABLE, "the activity could not be stored now")))
        .map(acceptance -> {
          if (worker != null && acceptance.queued()) {
            acceptance.leased().ifPresentOrElse(job -> worker.take(job, read), worker::queued);
          }
          return new InboxOutcome.Accepted(acceptance.queued()
              ? InboxOutcome.Acceptance.QUEUED : InboxOutcome.Acceptance.DUPLICATE);
        });
  }

  /**
   * Queues a group in one store call, leased to the worker as it is accepted while the worker has room for it (the
   * worker then processes it without claiming it from the queue: one write fewer for each activity).
   */
  private CompletionStage<List<InboxStore.Acceptance>> write(List<InboundActivity> group) {
    if (worker != null && worker.hasRoom(group.size())) {
      return inbox.acceptAllLeased(group, clock.instant(), worker.lease());
    }
    return inbox.acceptAll(group).thenApply(InboxStore.Acceptance::unleased);
  }

  /**
   * Reads the document with vocab. Types we do not model read as {@code Unrecognized}: accepted here (202) once
   * their id is on the actor's host, and counted as unhandled by the worker, as peers expect of unknown types.
   */
  private ApObject read(ActivityShape shape) {
    ObjectNode tree = shape.tree();
    try {
      ApObject object = reader.read(tree);
      if (object instanceof Activity activity && !activity.id().equals(shape.id())) {
        throw new RefusalException(InboxRefusal.INVALID_ACTIVITY, "the id is not readable", Optional.of("/id"));
      }
      // The signer was matched against the plain-JSON actor; a context that remaps terms must not change who acts.
      if (object instanceof Activity activity && !activity.actor().id().equals(shape.actor())) {
        throw new RefusalException(InboxRefusal.INVALID_ACTIVITY, "the context changes the actor",
            Optional.of("/actor"));
      }
      return object;
    } catch (VocabException e) {
      InboxRefusal refusal = e.problem() == VocabProblem.LIMIT_EXCEEDED
          ? InboxRefusal.LIMIT_EXCEEDED : InboxRefusal.INVALID_ACTIVITY;
      throw new RefusalException(refusal, e.rule(), Optional.of(e.pointer()));
    }
  }

  private static void checkMediaType(Optional<String> header) {
    String value = header.orElse("").toLowerCase(Locale.ROOT);
    String[] parts = value.split(";");
    String type = parts[0].trim();
    if (JSON_TYPES.contains(type)) {
      return;
    }
    if (type.equals(LD_JSON) && value.contains(AS_PROFILE)) {
      return;
    }
    throw new RefusalException(InboxRefusal.UNSUPPORTED_MEDIA_TYPE,
        "the body must be application/activity+json or application/ld+json with the ActivityStreams profile");
  }

  private static Future<InboxOutcome> toOutcome(Throwable failure) {
    if (failure instanceof RefusalException refusal) {
      return Future.succeededFuture(refusal.refused());
    }
    if (failure instanceof SignatureCheck.GoneSigner) {
      return Future.succeededFuture(new InboxOutcome.Accepted(InboxOutcome.Acceptance.DROPPED_GONE_ACTOR));
    }
    return Future.succeededFuture(new InboxOutcome.Refused(InboxRefusal.STORAGE_UNAVAILABLE,
        "the activity could not be processed now", Optional.empty()));
  }

  /** Configures an {@link InboxPipeline}; {@link #build()} names what is missing. */
  public static final class Builder {
    private InboxStore inbox;
    private PublicKeyResolver keys;
    private RemoteFetcher fetcher;
    private ContextNormalizer normalizer;
    private InstantSource clock;
    private Executor cpu;
    private InboxCounters counters;
    private VerificationPolicy policy = VerificationPolicy.MASTODON_COMPATIBLE;
    private ReadLimits limits = ReadLimits.DEFAULT;
    private DomainBlocks blocks = DomainBlocks.NONE;
    private long maxBodyBytes = ReadLimits.DEFAULT.maxBodyBytes();
    private int acceptWrites = DEFAULT_ACCEPT_WRITES;
    private InboxWorker worker;

    private Builder() {}

    /** Where accepted activities are de-duplicated and queued. */
    public Builder inbox(InboxStore value) {
      inbox = value;
      return this;
    }

    /** Resolves signing keys. */
    public Builder keys(PublicKeyResolver value) {
      keys = value;
      return this;
    }

    /** Fetches forwarded objects from their origin. */
    public Builder fetcher(RemoteFetcher value) {
      fetcher = value;
      return this;
    }

    /** Normalizes JSON-LD contexts before reading. */
    public Builder normalizer(ContextNormalizer value) {
      normalizer = value;
      return this;
    }

    /** The clock signatures and proofs are checked against. */
    public Builder clock(InstantSource value) {
      clock = value;
      return this;
    }

    /** Where RSA and Ed25519 verification run. */
    public Builder cpu(Executor value) {
      cpu = value;
      return this;
    }

    /** Where outcomes are counted. */
    public Builder counters(InboxCounters value) {
      counters = value;
      return this;
    }

    /** The signature policy; {@link VerificationPolicy#MASTODON_COMPATIBLE} by default. */
    public Builder policy(VerificationPolicy value) {
      policy = Objects.requireNonNull(value);
      return this;
    }

    /** JSON limits; {@link ReadLimits#DEFAULT} by default. */
    public Builder limits(ReadLimits value) {
      limits = Objects.requireNonNull(value);
      return this;
    }

    /** Blocked domains; none by default. */
    public Builder blocks(DomainBlocks value) {
      blocks = Objects.requireNonNull(value);
      return this;
    }

    /** The body cap; Mastodon's 1 MiB by default. */
    public Builder maxBodyBytes(long value) {
      maxBodyBytes = value;
      return this;
    }

    /**
     * How many groups of accepted activities may be written at once; {@value InboxPipeline#DEFAULT_ACCEPT_WRITES} by
     * default.
     */
    public Builder acceptWrites(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("acceptWrites must be positive");
      }
      acceptWrites = value;
      return this;
    }

    /**
     * The worker to lease accepted activities to, so it processes them without a claim from the queue; without one
     * (tests of the pipeline alone) accepted activities wait for a claim.
     */
    public Builder worker(InboxWorker value) {
      worker = Objects.requireNonNull(value, "worker");
      return this;
    }

    /** Builds the pipeline. */
    public InboxPipeline build() {
      Objects.requireNonNull(inbox, "inbox is not set");
      Objects.requireNonNull(keys, "keys is not set");
      Objects.requireNonNull(fetcher, "fetcher is not set");
      Objects.requireNonNull(normalizer, "normalizer is not set");
      Objects.requireNonNull(clock, "clock is not set");
      Objects.requireNonNull(cpu, "cpu is not set");
      Objects.requireNonNull(counters, "counters is not set");
      return new InboxPipeline(this);
    }
  }
}
