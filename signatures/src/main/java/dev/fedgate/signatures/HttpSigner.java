package dev.fedgate.signatures;

import dev.fedgate.signatures.digest.DigestAlgorithm;
import dev.fedgate.signatures.digest.DigestField;
import dev.fedgate.signatures.internal.CavageSigningString;
import dev.fedgate.signatures.internal.ComponentException;
import dev.fedgate.signatures.internal.HttpDates;
import dev.fedgate.signatures.internal.SignatureBase;
import dev.fedgate.signatures.keys.KeyType;
import dev.fedgate.signatures.keys.SignatureAlgorithm;
import dev.fedgate.signatures.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;

/**
 * Signs outgoing requests with either scheme, adding {@code Host}, {@code Date}, a body digest and the signature
 * headers. Defaults are what peers accept (DESIGN.md, "Signatures out"): draft-cavage {@code rsa-sha256} covering
 * {@code (request-target) host date digest content-type} for a body and {@code (request-target) host date} without;
 * RFC 9421 covering {@code @method @target-uri} plus {@code content-digest} for a body, with {@code created} and
 * {@code keyid}. Thread-safe; the key never leaves it.
 */
public final class HttpSigner {
  private final SigningKey key;
  private final String keyId;
  private final SignatureScheme scheme;
  private final SignatureAlgorithm algorithm;
  private final Optional<List<String>> components;
  private final String label;
  private final boolean includeAlg;

  private HttpSigner(Builder b) {
    key = b.key;
    keyId = b.keyId;
    scheme = b.scheme;
    algorithm = b.algorithm.orElse(SignatureAlgorithm.defaultFor(b.key.type()));
    components = b.components;
    label = b.label;
    includeAlg = b.includeAlg;
  }

  /** A builder for a key and the keyId peers will resolve it by (e.g. {@code actor#main-key}). */
  public static Builder builder(SigningKey key, String keyId) {
    return new Builder(key, keyId);
  }

  /** A signer with the defaults for the scheme. */
  public static HttpSigner create(SigningKey key, String keyId, SignatureScheme scheme) {
    return builder(key, keyId).scheme(scheme).build();
  }

  /** The scheme this signer uses. */
  public SignatureScheme scheme() {
    return scheme;
  }

  /**
   * Signs at {@code now}. Existing {@code Host} and {@code Date} are kept; the digest header is (re)computed from the body.
   *
   * @throws IllegalArgumentException if a configured component is absent from the request (a programming error)
   */
  public SignedRequest sign(HttpRequest request, Instant now) {
    HttpHeaders.Builder added = HttpHeaders.builder();
    HttpHeaders headers = request.headers();
    if (!headers.contains("Host")) {
      headers = add(headers, added, "Host", request.authority());
    }
    if (scheme == SignatureScheme.CAVAGE_12 && !headers.contains("Date")) {
      headers = add(headers, added, "Date", HttpDates.format(now));
    }
    boolean body = HttpVerifier.hasBody(request);
    if (body) {
      DigestField field = scheme == SignatureScheme.CAVAGE_12 ? DigestField.DIGEST : DigestField.CONTENT_DIGEST;
      String value = field.compute(request.body(), DigestAlgorithm.SHA_256);
      headers = headers.without(field.headerName());
      headers = add(headers, added, field.headerName(), value);
    }
    HttpRequest prepared = request.withHeaders(headers);
    try {
      Map<String, String> signature = scheme == SignatureScheme.CAVAGE_12
          ? Map.of("Signature", cavage(prepared, body, now)) : rfc9421(prepared, body, now);
      for (Map.Entry<String, String> e : signature.entrySet()) {
        headers = add(headers, added, e.getKey(), e.getValue());
      }
    } catch (ComponentException e) {
      throw new IllegalArgumentException("cannot sign: " + e.getMessage(), e);
    }
    return new SignedRequest(request.withHeaders(headers), added.build());
  }

  private static HttpHeaders add(HttpHeaders headers, HttpHeaders.Builder added, String name, String value) {
    added.add(name, value);
    return headers.with(name, value);
  }

  private String cavage(HttpRequest request, boolean body, Instant now) throws ComponentException {
    List<String> covered = components.orElseGet(() -> defaultCavage(request, body));
    Optional<String> created = covered.contains("(created)") ? Optional.of(Long.toString(now.getEpochSecond())) : Optional.empty();
    // Mastodon and PeerTube expect "rsa-sha256" for RSA; other keys, and (created), need "hs2019" (draft-12 §2.3).
    boolean rsa = key.type() == KeyType.RSA && algorithm == SignatureAlgorithm.RSA_V1_5_SHA256 && created.isEmpty();
    String text = CavageSigningString.build(request, covered, created, Optional.empty(), true);
    StringBuilder header = new StringBuilder(512).append("keyId=\"").append(keyId).append("\",algorithm=\"")
        .append(rsa ? "rsa-sha256" : "hs2019").append('"');
    created.ifPresent(c -> header.append(",created=").append(c));
    return header.append(",headers=\"").append(String.join(" ", covered)).append("\",signature=\"")
        .append(Base64.getEncoder().encodeToString(key.sign(algorithm, text.getBytes(StandardCharsets.UTF_8))))
        .append('"').toString();
  }

  private static List<String> defaultCavage(HttpRequest request, boolean body) {
    List<String> covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
    if (body) {
      covered.add("digest");
      if (request.headers().contains("Content-Type")) {
        covered.add("content-type");
      }
    }
    return covered;
  }

  private Map<String, String> rfc9421(HttpRequest request, boolean body, Instant now) throws ComponentException {
    List<String> names = components.orElseGet(() -> body
        ? List.of("@method", "@target-uri", "content-digest") : List.of("@method", "@target-uri"));
    List<StringItem> items = new ArrayList<>(names.size());
    for (String name : names) {
      items.add(component(name));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("created", now.getEpochSecond());
    params.put("keyid", keyId);
    if (includeAlg) {
      params.put("alg", algorithm.rfc9421Name());
    }
    List<Item<? extends Object>> list = new ArrayList<>(items);
    String serialized = InnerList.valueOf(list).withParams(Parameters.valueOf(params)).serialize();
    String base = SignatureBase.build(request, items, serialized);
    String signature = Base64.getEncoder().encodeToString(key.sign(algorithm, base.getBytes(StandardCharsets.UTF_8)));
    Map<String, String> out = new LinkedHashMap<>();
    out.put("Signature-Input", label + "=" + serialized);
    out.put("Signature", label + "=:" + signature + ":");
    return out;
  }

  /** A component identifier written as in {@link ParsedSignature#coveredComponents()}, e.g. {@code @query-param;name="id"}. */
  private static StringItem component(String identifier) throws ComponentException {
    int semi = identifier.indexOf(';');
    String name = semi < 0 ? identifier : identifier.substring(0, semi);
    Parameters params = semi < 0 ? Parameters.EMPTY : Parser.parseParameters(identifier.substring(semi));
    return StringItem.valueOf(name.toLowerCase(Locale.ROOT)).withParams(params);
  }

  /** Configuration of a signer. */
  public static final class Builder {
    private final SigningKey key;
    private final String keyId;
    private SignatureScheme scheme = SignatureScheme.CAVAGE_12;
    private Optional<SignatureAlgorithm> algorithm = Optional.empty();
    private Optional<List<String>> components = Optional.empty();
    private String label = "sig1";
    private boolean includeAlg;

    private Builder(SigningKey key, String keyId) {
      this.key = Objects.requireNonNull(key, "key");
      this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** The scheme; draft-cavage by default (PeerTube accepts nothing else, stable Mastodon signs only it). */
    public Builder scheme(SignatureScheme v) {
      scheme = Objects.requireNonNull(v);
      return this;
    }

    /** The algorithm; by default the key's ({@code rsa-v1_5-sha256} for RSA). */
    public Builder algorithm(SignatureAlgorithm v) {
      algorithm = Optional.of(v);
      return this;
    }

    /** Covered components instead of the defaults, in the scheme's notation. */
    public Builder components(List<String> v) {
      components = Optional.of(List.copyOf(v));
      return this;
    }

    /** RFC 9421 label; {@code sig1} by default. */
    public Builder label(String v) {
      label = Objects.requireNonNull(v);
      return this;
    }

    /** Whether RFC 9421 signatures carry the {@code alg} parameter (off by default, as Mastodon and Fedify send). */
    public Builder includeAlg(boolean v) {
      includeAlg = v;
      return this;
    }

    /** The signer; refuses an algorithm that does not fit the key, or a bad label or keyId. */
    public HttpSigner build() {
      if (algorithm.isPresent() && algorithm.get().keyType() != key.type()) {
        throw new IllegalStateException(algorithm.get().rfc9421Name() + " does not fit a " + key.type() + " key");
      }
      if (!label.matches("[a-z*][a-z0-9_.*-]*")) {
        throw new IllegalStateException("label must be an RFC 8941 key");
      }
      if (keyId.isEmpty() || keyId.indexOf('"') >= 0 || keyId.indexOf('\\') >= 0) {
        throw new IllegalStateException("keyId must be non-empty without quotes or backslashes");
      }
      return new HttpSigner(this);
    }
  }
}
