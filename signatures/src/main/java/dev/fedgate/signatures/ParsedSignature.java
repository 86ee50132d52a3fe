package dev.fedgate.signatures;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.greenbytes.http.sfv.StringItem;

/**
 * One signature read from a message, before any key is known: read {@link #keyId()}, resolve the key (asynchronously
 * if need be), then hand this to {@link HttpVerifier#verify}. Nothing here is trusted yet.
 */
public final class ParsedSignature implements ParseResult {
  private final SignatureScheme scheme;
  private final String keyId;
  private final Optional<String> label;
  private final List<String> coveredComponents;
  private final Optional<String> algorithm;
  private final Optional<String> createdRaw;
  private final Optional<String> expiresRaw;
  private final Optional<Instant> created;
  private final Optional<Instant> expires;
  private final Optional<String> nonce;
  private final Optional<String> tag;
  private final byte[] signature;
  private final List<StringItem> rfc9421Components;
  private final String rfc9421Params;

  private ParsedSignature(Builder b) {
    this.scheme = b.scheme;
    this.keyId = b.keyId;
    this.label = Optional.ofNullable(b.label);
    this.coveredComponents = List.copyOf(b.coveredComponents);
    this.algorithm = Optional.ofNullable(b.algorithm);
    this.createdRaw = Optional.ofNullable(b.createdRaw);
    this.expiresRaw = Optional.ofNullable(b.expiresRaw);
    this.created = Optional.ofNullable(b.created);
    this.expires = Optional.ofNullable(b.expires);
    this.nonce = Optional.ofNullable(b.nonce);
    this.tag = Optional.ofNullable(b.tag);
    this.signature = b.signature;
    this.rfc9421Components = b.rfc9421Components == null ? List.of() : List.copyOf(b.rfc9421Components);
    this.rfc9421Params = b.rfc9421Params;
  }

  static Builder builder(SignatureScheme scheme) {
    return new Builder(scheme);
  }

  /** The scheme the message used. */
  public SignatureScheme scheme() {
    return scheme;
  }

  /** The key id as sent (a URL such as {@code actor#main-key}, or a legacy {@code acct:} URI). */
  public String keyId() {
    return keyId;
  }

  /** The RFC 9421 label; empty for draft-cavage. */
  public Optional<String> label() {
    return label;
  }

  /**
   * Covered components in signature order: draft-cavage names ({@code (request-target)}, {@code host}) or RFC 9421
   * identifiers without quotes ({@code @method}, {@code content-digest}, {@code @query-param;name="id"}).
   */
  public List<String> coveredComponents() {
    return coveredComponents;
  }

  /** The declared algorithm ({@code algorithm} or {@code alg}), untrusted: the key decides. */
  public Optional<String> algorithm() {
    return algorithm;
  }

  /** The {@code created} parameter. */
  public Optional<Instant> created() {
    return created;
  }

  /** The {@code expires} parameter. */
  public Optional<Instant> expires() {
    return expires;
  }

  /** The RFC 9421 {@code nonce} parameter, for callers that keep a replay cache. */
  public Optional<String> nonce() {
    return nonce;
  }

  /** The RFC 9421 {@code tag} parameter (the application profile the signer names). */
  public Optional<String> tag() {
    return tag;
  }

  Optional<String> createdRaw() {
    return createdRaw;
  }

  Optional<String> expiresRaw() {
    return expiresRaw;
  }

  byte[] signature() {
    return signature;
  }

  List<StringItem> rfc9421Components() {
    return rfc9421Components;
  }

  String rfc9421Params() {
    return rfc9421Params;
  }

  @Override
  public String toString() {
    return "ParsedSignature[" + scheme + ", keyId=" + keyId + label.map(l -> ", label=" + l).orElse("")
        + ", covered=" + coveredComponents + "]";
  }

  /** Collects parsed parts; used only by {@link SignatureParser}. */
  static final class Builder {
    private final SignatureScheme scheme;
    private String keyId;
    private String label;
    private List<String> coveredComponents = List.of();
    private String algorithm;
    private String createdRaw;
    private String expiresRaw;
    private Instant created;
    private Instant expires;
    private String nonce;
    private String tag;
    private byte[] signature;
    private List<StringItem> rfc9421Components;
    private String rfc9421Params;

    private Builder(SignatureScheme scheme) {
      this.scheme = scheme;
    }

    Builder keyId(String v) {
      keyId = v;
      return this;
    }

    Builder label(String v) {
      label = v;
      return this;
    }

    Builder covered(List<String> v) {
      coveredComponents = v;
      return this;
    }

    Builder algorithm(String v) {
      algorithm = v;
      return this;
    }

    Builder created(String raw, Instant v) {
      createdRaw = raw;
      created = v;
      return this;
    }

    Builder expires(String raw, Instant v) {
      expiresRaw = raw;
      expires = v;
      return this;
    }

    Builder nonceAndTag(String nonceValue, String tagValue) {
      nonce = nonceValue;
      tag = tagValue;
      return this;
    }

    Builder signature(byte[] v) {
      signature = v;
      return this;
    }

    Builder rfc9421(List<StringItem> components, String params) {
      rfc9421Components = components;
      rfc9421Params = params;
      return this;
    }

    ParsedSignature build() {
      return new ParsedSignature(this);
    }
  }
}
