package dev.fedgate.signatures;

import dev.fedgate.signatures.digest.DigestCheck;
import dev.fedgate.signatures.digest.DigestField;
import dev.fedgate.signatures.internal.CavageSigningString;
import dev.fedgate.signatures.internal.ComponentException;
import dev.fedgate.signatures.internal.HttpDates;
import dev.fedgate.signatures.internal.SignatureBase;
import dev.fedgate.signatures.keys.KeyType;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import dev.fedgate.signatures.keys.VerifyingKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies one parsed signature against the key the caller resolved for its keyId, under a policy. Cheap checks
 * (scheme, algorithm, key size, coverage, clock) run before the signature; the body digest is checked after it.
 * Never throws on bad input. Thread-safe.
 */
public final class HttpVerifier {
  private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

  private final VerifyingKey key;
  private final SignatureAlgorithm keyAlgorithm;
  private final VerificationPolicy policy;

  private HttpVerifier(VerifyingKey key, SignatureAlgorithm keyAlgorithm, VerificationPolicy policy) {
    this.key = key;
    this.keyAlgorithm = keyAlgorithm;
    this.policy = policy;
  }

  /** A verifier for one key used with its usual algorithm (RSA: PKCS#1 v1.5 SHA-256, as every fediverse peer). */
  public static HttpVerifier create(VerifyingKey key, VerificationPolicy policy) {
    return create(key, SignatureAlgorithm.defaultFor(key.type()), policy);
  }

  /** A verifier for a key bound to one algorithm (e.g. an RSA key published for {@code rsa-pss-sha512}). */
  public static HttpVerifier create(VerifyingKey key, SignatureAlgorithm keyAlgorithm, VerificationPolicy policy) {
    Objects.requireNonNull(key, "key");
    if (keyAlgorithm.keyType() != key.type()) {
      throw new IllegalArgumentException(keyAlgorithm.rfc9421Name() + " does not fit a " + key.type() + " key");
    }
    return new HttpVerifier(key, keyAlgorithm, Objects.requireNonNull(policy, "policy"));
  }

  /** Verifies {@code parsed} (read from {@code message}) at time {@code now}. */
  public VerificationResult verify(HttpMessage message, ParsedSignature parsed, Instant now) {
    if (!policy.schemes().contains(parsed.scheme())) {
      return new Rejected(RejectReason.SCHEME_NOT_ACCEPTED, parsed.scheme() + " is not accepted");
    }
    if (policy.label().isPresent() && parsed.scheme() == SignatureScheme.RFC_9421
        && !policy.label().equals(parsed.label())) {
      return new Rejected(RejectReason.NO_SIGNATURE, "expected label " + policy.label().get());
    }
    AlgorithmChoice choice = algorithm(parsed);
    if (choice.rejected() != null) {
      return choice.rejected();
    }
    if (key.type() == KeyType.RSA && key.sizeBits() < policy.minimumRsaBits()) {
      return new Rejected(RejectReason.KEY_TOO_WEAK, "RSA key of " + key.sizeBits() + " bits");
    }
    Optional<Instant> signedAt = signatureTime(message, parsed);
    Optional<Rejected> refused = coverage(message, parsed);
    if (refused.isEmpty()) {
      refused = timeWindow(message, parsed, signedAt, now);
    }
    if (refused.isEmpty()) {
      refused = signature(message, parsed, choice.algorithm());
    }
    if (refused.isEmpty()) {
      refused = digests(message, parsed);
    }
    return refused.<VerificationResult>map(r -> r)
        .orElseGet(() -> new Verified(parsed.keyId(), parsed.scheme(), parsed.coveredComponents(), signedAt));
  }

  /** The algorithm comes from the key; a declared one must equal it (never picked from the header alone). */
  private AlgorithmChoice algorithm(ParsedSignature parsed) {
    Optional<String> declared = parsed.algorithm();
    SignatureAlgorithm algorithm;
    if (parsed.scheme() == SignatureScheme.CAVAGE_12) {
      String name = declared.orElse("hs2019").toLowerCase(Locale.ROOT);
      boolean pseudo = parsed.coveredComponents().contains("(created)") || parsed.coveredComponents().contains("(expires)");
      if (!name.equals("hs2019") && pseudo) {
        return AlgorithmChoice.refuse(RejectReason.MALFORMED, "(created)/(expires) need algorithm hs2019 (draft-12 §2.3)");
      }
      if (name.equals("hs2019")) {
        algorithm = keyAlgorithm;
      } else if (name.equals("rsa-sha256")) {
        algorithm = SignatureAlgorithm.RSA_V1_5_SHA256;
      } else if (name.equals("ed25519")) {
        algorithm = SignatureAlgorithm.ED25519;
      } else {
        return AlgorithmChoice.refuse(RejectReason.UNSUPPORTED_ALGORITHM, "algorithm " + name);
      }
    } else if (declared.isPresent()) {
      Optional<SignatureAlgorithm> named = SignatureAlgorithm.fromRfc9421Name(declared.get());
      if (named.isEmpty()) {
        return AlgorithmChoice.refuse(RejectReason.UNSUPPORTED_ALGORITHM, "alg " + declared.get());
      }
      algorithm = named.get();
    } else {
      algorithm = keyAlgorithm;
    }
    if (algorithm != keyAlgorithm) {
      return AlgorithmChoice.refuse(RejectReason.ALGORITHM_KEY_MISMATCH,
          algorithm.rfc9421Name() + " declared, key is for " + keyAlgorithm.rfc9421Name());
    }
    if (!policy.algorithms().contains(algorithm)) {
      return AlgorithmChoice.refuse(RejectReason.UNSUPPORTED_ALGORITHM, algorithm.rfc9421Name() + " is not accepted");
    }
    return new AlgorithmChoice(algorithm, null);
  }

  private Optional<Rejected> coverage(HttpMessage message, ParsedSignature parsed) {
    boolean cavage = parsed.scheme() == SignatureScheme.CAVAGE_12;
    List<String> covered = parsed.coveredComponents();
    for (ComponentRequirement r : cavage ? policy.cavageRequirements() : policy.rfc9421Requirements()) {
      if (r.appliesTo(message) && r.anyOf().stream().noneMatch(covered::contains)) {
        return reject(RejectReason.REQUIRED_COMPONENT_MISSING, "signature must cover one of " + r.anyOf());
      }
    }
    if (!cavage && policy.requireCreated() && parsed.created().isEmpty()) {
      return reject(RejectReason.REQUIRED_COMPONENT_MISSING, "created parameter is required");
    }
    String digest = cavage ? "digest" : "content-digest";
    if (policy.requireBodyDigest() && hasBody(message) && !covered.contains(digest)) {
      return reject(RejectReason.DIGEST_MISSING, "a request with a body must cover " + digest);
    }
    return Optional.empty();
  }

  /** Whether a message carries (or by its method should carry) a body, so that a digest is expected. */
  static boolean hasBody(HttpMessage message) {
    return message instanceof HttpRequest r
        && (r.bodyLength() > 0 || BODY_METHODS.contains(r.method().toUpperCase(Locale.ROOT)));
  }

  private Optional<Rejected> timeWindow(HttpMessage message, ParsedSignature parsed, Optional<Instant> created, Instant now) {
    if (created.isEmpty()) {
      if (parsed.scheme() == SignatureScheme.RFC_9421) {
        return Optional.empty(); // requireCreated was checked with the coverage
      }
      return message.headers().contains("Date") ? reject(RejectReason.MALFORMED, "unparsable Date header")
          : reject(RejectReason.REQUIRED_COMPONENT_MISSING, "no signature time (Date or created)");
    }
    Instant start = created.get();
    Instant limit = start.plus(policy.maxValidity());
    Instant expires = parsed.expires().orElse(start.plus(policy.defaultValidity()));
    if (expires.isAfter(limit)) {
      expires = limit;
    }
    if (start.isAfter(now.plus(policy.clockSkew()))) {
      return reject(RejectReason.NOT_YET_VALID, "signed at " + start + ", later than now plus skew");
    }
    if (now.isAfter(expires.plus(policy.clockSkew()))) {
      return reject(RejectReason.EXPIRED, "expired at " + expires);
    }
    return Optional.empty();
  }

  /** {@code created}, or for draft-cavage without it the {@code Date} header (Mastodon's rule). */
  private static Optional<Instant> signatureTime(HttpMessage message, ParsedSignature parsed) {
    if (parsed.created().isPresent() || parsed.scheme() == SignatureScheme.RFC_9421) {
      return parsed.created();
    }
    return message.headers().first("Date").flatMap(HttpDates::parse);
  }

  private Optional<Rejected> signature(HttpMessage message, ParsedSignature parsed, SignatureAlgorithm algorithm) {
    try {
      if (parsed.scheme() == SignatureScheme.RFC_9421) {
        String base = SignatureBase.build(message, parsed.rfc9421Components(), parsed.rfc9421Params());
        return checked(algorithm, base, parsed);
      }
      if (!(message instanceof HttpRequest request)) {
        return reject(RejectReason.MALFORMED, "draft-cavage signs requests only");
      }
      List<String> headers = parsed.coveredComponents();
      String full = CavageSigningString.build(request, headers, parsed.createdRaw(), parsed.expiresRaw(), true);
      Optional<Rejected> result = checked(algorithm, full, parsed);
      if (result.isPresent() && policy.acceptRequestTargetWithoutQuery() && request.target().getRawQuery() != null
          && headers.contains("(request-target)")) {
        return checked(algorithm, CavageSigningString.build(request, headers, parsed.createdRaw(), parsed.expiresRaw(), false), parsed);
      }
      return result;
    } catch (ComponentException e) {
      return reject(RejectReason.MALFORMED, e.getMessage());
    }
  }

  private Optional<Rejected> checked(SignatureAlgorithm algorithm, String base, ParsedSignature parsed) {
    boolean ok = key.verify(algorithm, base.getBytes(StandardCharsets.UTF_8), parsed.signature());
    return ok ? Optional.empty() : reject(RejectReason.BAD_SIGNATURE, "signature does not verify");
  }

  /** Every covered digest field must match the body; so must a {@code Digest} a cavage request sent uncovered. */
  private Optional<Rejected> digests(HttpMessage message, ParsedSignature parsed) {
    boolean cavage = parsed.scheme() == SignatureScheme.CAVAGE_12;
    DigestField field = cavage ? DigestField.DIGEST : DigestField.CONTENT_DIGEST;
    List<String> lines = message.headers().values(field.headerName());
    boolean covered = parsed.coveredComponents().contains(field.headerName().toLowerCase(Locale.ROOT));
    if (lines.isEmpty()) {
      return covered ? reject(RejectReason.DIGEST_MISSING, field.headerName() + " header absent") : Optional.empty();
    }
    DigestCheck check = field.verify(lines, message.body());
    switch (check) {
      case MATCH:
        return Optional.empty();
      case MISMATCH:
        return reject(RejectReason.DIGEST_MISMATCH, "body does not match " + field.headerName());
      case NO_SUPPORTED_ALGORITHM:
        return reject(RejectReason.DIGEST_MISSING, field.headerName() + " has no SHA-256 or SHA-512 value");
      default:
        return reject(RejectReason.MALFORMED, field.headerName() + " cannot be parsed");
    }
  }

  private static Optional<Rejected> reject(RejectReason reason, String detail) {
    return Optional.of(new Rejected(reason, detail));
  }

  /** An algorithm, or why there is none. */
  private record AlgorithmChoice(SignatureAlgorithm algorithm, Rejected rejected) {
    static AlgorithmChoice refuse(RejectReason reason, String detail) {
      return new AlgorithmChoice(null, new Rejected(reason, detail));
    }
  }
}
