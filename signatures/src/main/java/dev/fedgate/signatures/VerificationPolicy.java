package dev.fedgate.signatures;

import dev.fedgate.signatures.keys.PrivateKeyMaterial;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a verifier accepts: schemes, algorithms, minimum RSA size, required components, the clock window, and the
 * interop switches. Immutable; build with {@link #builder()} (checked in {@code build()}) or start from a preset.
 *
 * <p>Clock window (Mastodon's {@code matches_time_window?}): with {@code created} the signature time (the
 * {@code (created)} / {@code created} parameter, else the {@code Date} header) and {@code expires} the
 * {@code expires} parameter or {@code created + defaultValidity}, never later than {@code created + maxValidity}:
 * refuse when {@code created > now + clockSkew} or {@code now > expires + clockSkew}.
 */
public final class VerificationPolicy {
  /** Mastodon's {@code CLOCK_SKEW_MARGIN}: 1 hour. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofHours(1);
  /** Mastodon's validity when no {@code expires} is sent: 5 minutes. */
  public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(5);
  /** Mastodon's {@code EXPIRATION_WINDOW_LIMIT}: 12 hours. */
  public static final Duration DEFAULT_MAX_VALIDITY = Duration.ofHours(12);

  /**
   * What Mastodon 4.x accepts (app/lib/signed_request.rb, signature_verification.rb): draft-cavage covering
   * {@code date} or {@code (created)}, and {@code (request-target)} or {@code digest}; GET covers {@code host}; POST
   * covers {@code digest}; {@code (request-target)} also accepted without its query (a legacy Mastodon form).
   * RFC 9421 covering {@code @method} and {@code @target-uri} with {@code created}; POST covers
   * {@code content-digest}. RSA PKCS#1 v1.5 SHA-256 and Ed25519; RSA from 2048 bits; clock window 1 h / 5 min / 12 h.
   * Any signature PeerTube sends (it covers {@code (request-target) host date [digest]}) passes as well.
   */
  public static final VerificationPolicy MASTODON_COMPATIBLE = builder()
      .schemes(EnumSet.allOf(SignatureScheme.class))
      .algorithms(EnumSet.of(SignatureAlgorithm.RSA_V1_5_SHA256, SignatureAlgorithm.ED25519))
      .cavageRequirements(List.of(
          ComponentRequirement.always("date", "(created)"),
          ComponentRequirement.always("(request-target)", "digest"),
          ComponentRequirement.forMethod("GET", "host")))
      .rfc9421Requirements(List.of(
          ComponentRequirement.always("@method"),
          ComponentRequirement.always("@target-uri")))
      .requireCreated(true)
      .requireBodyDigest(true)
      .acceptRequestTargetWithoutQuery(true)
      .build();

  /**
   * RFC 9421 only, for peers known to sign with it (Fedify, Mastodon main): every asymmetric RFC 9421 algorithm,
   * {@code @method}, {@code @target-uri} and {@code created} required, a body needs {@code content-digest}; a tight
   * clock (1 min skew, 5 min default validity, at most 1 h) because such peers set {@code created} from a synced clock.
   */
  public static final VerificationPolicy STRICT_RFC_9421 = builder()
      .schemes(EnumSet.of(SignatureScheme.RFC_9421))
      .algorithms(EnumSet.of(SignatureAlgorithm.RSA_V1_5_SHA256, SignatureAlgorithm.RSA_PSS_SHA512,
          SignatureAlgorithm.ECDSA_P256_SHA256, SignatureAlgorithm.ED25519))
      .rfc9421Requirements(List.of(
          ComponentRequirement.always("@method"),
          ComponentRequirement.always("@target-uri")))
      .requireCreated(true)
      .requireBodyDigest(true)
      .clockSkew(Duration.ofMinutes(1))
      .maxValidity(Duration.ofHours(1))
      .build();

  private final Set<SignatureScheme> schemes;
  private final Set<SignatureAlgorithm> algorithms;
  private final int minimumRsaBits;
  private final List<ComponentRequirement> cavageRequirements;
  private final List<ComponentRequirement> rfc9421Requirements;
  private final boolean requireCreated;
  private final boolean requireBodyDigest;
  private final boolean acceptRequestTargetWithoutQuery;
  private final Optional<String> label;
  private final Duration clockSkew;
  private final Duration defaultValidity;
  private final Duration maxValidity;

  private VerificationPolicy(Builder b) {
    schemes = Set.copyOf(b.schemes);
    algorithms = Set.copyOf(b.algorithms);
    minimumRsaBits = b.minimumRsaBits;
    cavageRequirements = List.copyOf(b.cavageRequirements);
    rfc9421Requirements = List.copyOf(b.rfc9421Requirements);
    requireCreated = b.requireCreated;
    requireBodyDigest = b.requireBodyDigest;
    acceptRequestTargetWithoutQuery = b.acceptRequestTargetWithoutQuery;
    label = b.label;
    clockSkew = b.clockSkew;
    defaultValidity = b.defaultValidity;
    maxValidity = b.maxValidity;
  }

  /** A builder with Mastodon's clock window, RSA minimum 2048, nothing else set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy's values. */
  public Builder toBuilder() {
    return new Builder().schemes(schemes).algorithms(algorithms).minimumRsaBits(minimumRsaBits)
        .cavageRequirements(cavageRequirements).rfc9421Requirements(rfc9421Requirements)
        .requireCreated(requireCreated).requireBodyDigest(requireBodyDigest)
        .acceptRequestTargetWithoutQuery(acceptRequestTargetWithoutQuery).label(label)
        .clockSkew(clockSkew).defaultValidity(defaultValidity).maxValidity(maxValidity);
  }

  /** Accepted schemes. */
  public Set<SignatureScheme> schemes() {
    return schemes;
  }

  /** Accepted algorithms. */
  public Set<SignatureAlgorithm> algorithms() {
    return algorithms;
  }

  /** Smallest RSA modulus accepted. */
  public int minimumRsaBits() {
    return minimumRsaBits;
  }

  /** Coverage rules for draft-cavage. */
  public List<ComponentRequirement> cavageRequirements() {
    return cavageRequirements;
  }

  /** Coverage rules for RFC 9421. */
  public List<ComponentRequirement> rfc9421Requirements() {
    return rfc9421Requirements;
  }

  /** Whether RFC 9421 signatures must carry {@code created}. */
  public boolean requireCreated() {
    return requireCreated;
  }

  /** Whether a request with a body (or POST/PUT/PATCH) must cover {@code digest} / {@code content-digest}. */
  public boolean requireBodyDigest() {
    return requireBodyDigest;
  }

  /** Whether a cavage {@code (request-target)} signed without the query string is accepted (Mastodon legacy). */
  public boolean acceptRequestTargetWithoutQuery() {
    return acceptRequestTargetWithoutQuery;
  }

  /** The RFC 9421 label to verify; empty means the first one. */
  public Optional<String> label() {
    return label;
  }

  /** Allowed clock difference each way. */
  public Duration clockSkew() {
    return clockSkew;
  }

  /** Validity when no {@code expires} is sent. */
  public Duration defaultValidity() {
    return defaultValidity;
  }

  /** Longest validity honoured, whatever {@code expires} says. */
  public Duration maxValidity() {
    return maxValidity;
  }

  /** Mutable collector for a policy; {@link #build()} checks it. */
  public static final class Builder {
    private Set<SignatureScheme> schemes = EnumSet.noneOf(SignatureScheme.class);
    private Set<SignatureAlgorithm> algorithms = EnumSet.noneOf(SignatureAlgorithm.class);
    private int minimumRsaBits = PrivateKeyMaterial.MIN_RSA_BITS;
    private List<ComponentRequirement> cavageRequirements = List.of();
    private List<ComponentRequirement> rfc9421Requirements = List.of();
    private boolean requireCreated;
    private boolean requireBodyDigest;
    private boolean acceptRequestTargetWithoutQuery;
    private Optional<String> label = Optional.empty();
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private Duration defaultValidity = DEFAULT_VALIDITY;
    private Duration maxValidity = DEFAULT_MAX_VALIDITY;

    private Builder() {}

    /** Accepted schemes (at least one). */
    public Builder schemes(Set<SignatureScheme> v) {
      schemes = Set.copyOf(v);
      return this;
    }

    /** Accepted algorithms (at least one). */
    public Builder algorithms(Set<SignatureAlgorithm> v) {
      algorithms = Set.copyOf(v);
      return this;
    }

    /** Smallest RSA modulus; at least 2048, Tink's floor. */
    public Builder minimumRsaBits(int v) {
      minimumRsaBits = v;
      return this;
    }

    /** Coverage rules for draft-cavage. */
    public Builder cavageRequirements(List<ComponentRequirement> v) {
      cavageRequirements = List.copyOf(v);
      return this;
    }

    /** Coverage rules for RFC 9421. */
    public Builder rfc9421Requirements(List<ComponentRequirement> v) {
      rfc9421Requirements = List.copyOf(v);
      return this;
    }

    /** Whether RFC 9421 needs {@code created}. */
    public Builder requireCreated(boolean v) {
      requireCreated = v;
      return this;
    }

    /** Whether bodies need a covered digest. */
    public Builder requireBodyDigest(boolean v) {
      requireBodyDigest = v;
      return this;
    }

    /** Whether the query-less cavage {@code (request-target)} is accepted. */
    public Builder acceptRequestTargetWithoutQuery(boolean v) {
      acceptRequestTargetWithoutQuery = v;
      return this;
    }

    /** The RFC 9421 label to verify. */
    public Builder label(Optional<String> v) {
      label = Objects.requireNonNull(v);
      return this;
    }

    /** Allowed clock difference. */
    public Builder clockSkew(Duration v) {
      clockSkew = Objects.requireNonNull(v);
      return this;
    }

    /** Validity when no {@code expires} is sent. */
    public Builder defaultValidity(Duration v) {
      defaultValidity = Objects.requireNonNull(v);
      return this;
    }

    /** Longest validity honoured. */
    public Builder maxValidity(Duration v) {
      maxValidity = Objects.requireNonNull(v);
      return this;
    }

    /** The policy; names the first invalid option. */
    public VerificationPolicy build() {
      if (schemes.isEmpty()) {
        throw new IllegalStateException("schemes is not set");
      }
      if (algorithms.isEmpty()) {
        throw new IllegalStateException("algorithms is not set");
      }
      if (minimumRsaBits < PrivateKeyMaterial.MIN_RSA_BITS) {
        throw new IllegalStateException("minimumRsaBits must be at least " + PrivateKeyMaterial.MIN_RSA_BITS + " (Tink refuses smaller keys)");
      }
      if (clockSkew.isNegative() || defaultValidity.isNegative() || defaultValidity.isZero()) {
        throw new IllegalStateException("clockSkew must be >= 0 and defaultValidity > 0");
      }
      if (maxValidity.compareTo(defaultValidity) < 0) {
        throw new IllegalStateException("maxValidity must be at least defaultValidity");
      }
      return new VerificationPolicy(this);
    }
  }
}
