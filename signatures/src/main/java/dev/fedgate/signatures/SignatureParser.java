package dev.fedgate.signatures;

import dev.fedgate.signatures.internal.CavageParameters;
import dev.fedgate.signatures.internal.ComponentException;
import dev.fedgate.signatures.internal.StructuredFields;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;

/**
 * Reads the signature of a message without verifying it. A message with {@code Signature-Input} is RFC 9421 (as
 * Mastodon decides); otherwise {@code Signature}, then {@code Authorization: Signature …}, is draft-cavage.
 * Never throws on bad input: every problem is a {@link Rejected}.
 */
public final class SignatureParser {
  /** Most covered components we accept in one signature. */
  public static final int MAX_COMPONENTS = 32;
  private static final int MAX_FIELD_CHARS = CavageParameters.MAX_CHARS;
  private static final String AUTH_SCHEME = "signature ";
  private static final Pattern SPACES = Pattern.compile("[ \\t]+");
  private static final Set<String> RFC9421_PARAMS = Set.of("created", "expires", "nonce", "alg", "keyid", "tag");

  private SignatureParser() {}

  /** Parses the first RFC 9421 signature, or the draft-cavage one. */
  public static ParseResult parse(HttpMessage message) {
    return parse(message, Optional.empty());
  }

  /** Parses the RFC 9421 signature under {@code label} (a missing label is {@code NO_SIGNATURE}), or the draft-cavage one. */
  public static ParseResult parse(HttpMessage message, Optional<String> label) {
    HttpHeaders headers = message.headers();
    try {
      if (headers.contains("Signature-Input")) {
        return parseRfc9421(headers, label);
      }
      List<String> signature = headers.values("Signature");
      if (signature.size() > 1) {
        return new Rejected(RejectReason.MALFORMED, "more than one Signature header");
      }
      if (signature.size() == 1) {
        return parseCavage(stripPrefix(signature.get(0)));
      }
      Optional<String> authorization = headers.first("Authorization");
      if (authorization.isPresent() && authorization.get().regionMatches(true, 0, AUTH_SCHEME, 0, AUTH_SCHEME.length())) {
        return parseCavage(authorization.get().substring(AUTH_SCHEME.length()));
      }
      return new Rejected(RejectReason.NO_SIGNATURE, "no Signature, Signature-Input or Authorization: Signature header");
    } catch (ComponentException e) {
      return new Rejected(RejectReason.MALFORMED, e.getMessage());
    } catch (ParseException e) {
      return new Rejected(RejectReason.MALFORMED, "structured field: " + e.getMessage());
    }
  }

  /** Some senders repeat the scheme inside the header ({@code Signature: Signature keyId=…}); Mastodon and PeerTube tolerate it. */
  private static String stripPrefix(String value) {
    String v = value.strip();
    return v.regionMatches(true, 0, AUTH_SCHEME, 0, AUTH_SCHEME.length()) ? v.substring(AUTH_SCHEME.length()) : v;
  }

  private static ParseResult parseCavage(String header) throws ComponentException {
    Map<String, String> p = CavageParameters.parse(header);
    String keyId = p.get("keyId");
    String signature = p.get("signature");
    if (keyId == null || keyId.isEmpty() || signature == null) {
      return new Rejected(RejectReason.MALFORMED, "keyId and signature are required");
    }
    String algorithm = p.get("algorithm");
    // Mastodon's defaults: "date" for rsa-sha256, "(created)" otherwise (draft-12 §2.1.6).
    String headersParam = p.getOrDefault("headers", "rsa-sha256".equals(algorithm) ? "date" : "(created)");
    List<String> covered = new ArrayList<>();
    for (String name : SPACES.split(headersParam)) {
      if (!name.isEmpty()) {
        covered.add(name.toLowerCase(Locale.ROOT));
      }
    }
    if (covered.isEmpty() || covered.size() > MAX_COMPONENTS || new HashSet<>(covered).size() != covered.size()) {
      return new Rejected(RejectReason.MALFORMED, "headers must list 1.." + MAX_COMPONENTS + " distinct names");
    }
    ParsedSignature.Builder b = ParsedSignature.builder(SignatureScheme.CAVAGE_12)
        .keyId(keyId).covered(covered).algorithm(algorithm).signature(base64(signature));
    if (p.containsKey("created")) {
      b.created(p.get("created"), epoch(p.get("created")));
    }
    if (p.containsKey("expires")) {
      b.expires(p.get("expires"), epoch(p.get("expires")));
    }
    return b.build();
  }

  private static ParseResult parseRfc9421(HttpHeaders headers, Optional<String> wanted) throws ComponentException {
    String inputText = String.join(", ", headers.values("Signature-Input"));
    String signatureText = String.join(", ", headers.values("Signature"));
    if (inputText.length() > MAX_FIELD_CHARS || signatureText.length() > MAX_FIELD_CHARS) {
      return new Rejected(RejectReason.MALFORMED, "signature fields too long");
    }
    Map<String, String> rawInputs = StructuredFields.rawMembers(inputText);
    Map<String, String> rawSignatures = StructuredFields.rawMembers(signatureText);
    if (rawInputs.isEmpty()) {
      return new Rejected(RejectReason.NO_SIGNATURE, "empty Signature-Input");
    }
    String label = wanted.orElse(rawInputs.keySet().iterator().next());
    String raw = rawInputs.get(label);
    String rawSignature = rawSignatures.get(label);
    if (raw == null || rawSignature == null) {
      return new Rejected(RejectReason.NO_SIGNATURE, "no signature labelled " + label);
    }
    // The selected members are parsed strictly on their own, so the inner list is exactly the text the base ends with.
    InnerList list = Parser.parseInnerList(raw);
    Optional<byte[]> signature = byteSequence(rawSignature);
    if (signature.isEmpty()) {
      return new Rejected(RejectReason.MALFORMED, "signature " + label + " is not a byte sequence");
    }
    return rfc9421Signature(label, list, raw, signature.get());
  }

  private static ParseResult rfc9421Signature(String label, InnerList list, String raw, byte[] signature) {
    List<StringItem> components = new ArrayList<>();
    List<String> covered = new ArrayList<>();
    Optional<Rejected> badComponents = components(list, components, covered);
    if (badComponents.isPresent()) {
      return badComponents.get();
    }
    Parameters params = list.getParams();
    for (String name : params.keySet()) {
      if (!RFC9421_PARAMS.contains(name)) {
        return new Rejected(RejectReason.MALFORMED, "unknown signature parameter " + name);
      }
    }
    Object keyId = value(params, "keyid");
    Object alg = value(params, "alg");
    Object created = value(params, "created");
    Object expires = value(params, "expires");
    Object nonce = value(params, "nonce");
    Object tag = value(params, "tag");
    if (!(keyId instanceof String) || !isOptional(alg, String.class) || !isOptional(nonce, String.class)
        || !isOptional(tag, String.class) || !isOptional(created, Long.class) || !isOptional(expires, Long.class)) {
      return new Rejected(RejectReason.MALFORMED, "keyid (string) is required; alg, nonce, tag strings; created, expires integers");
    }
    ParsedSignature.Builder b = ParsedSignature.builder(SignatureScheme.RFC_9421).label(label).keyId((String) keyId)
        .covered(covered).algorithm((String) alg).nonceAndTag((String) nonce, (String) tag).signature(signature)
        .rfc9421(components, raw);
    if (created != null) {
      b.created(created.toString(), Instant.ofEpochSecond((Long) created));
    }
    if (expires != null) {
      b.expires(expires.toString(), Instant.ofEpochSecond((Long) expires));
    }
    return b.build();
  }

  /** Collects the component identifiers; each must be a string, none repeated, at most {@link #MAX_COMPONENTS}. */
  private static Optional<Rejected> components(InnerList list, List<StringItem> components, List<String> covered) {
    for (Item<? extends Object> item : list.get()) {
      if (!(item instanceof StringItem component)) {
        return Optional.of(new Rejected(RejectReason.MALFORMED, "component identifiers must be strings"));
      }
      String id = component.get() + component.getParams().serialize();
      if (covered.contains(id) || covered.size() == MAX_COMPONENTS) {
        return Optional.of(new Rejected(RejectReason.MALFORMED, "component " + id + " repeated, or too many components"));
      }
      components.add(component);
      covered.add(id);
    }
    return Optional.empty();
  }

  private static boolean isOptional(Object value, Class<?> type) {
    return value == null || type.isInstance(value);
  }

  private static Object value(Parameters params, String name) {
    Item<? extends Object> item = params.get(name);
    if (item instanceof StringItem s) {
      return s.get();
    }
    if (item instanceof IntegerItem i) {
      return i.get();
    }
    return item;
  }

  /** An sf-binary item; the plain {@code :base64:} form is decoded directly (it is most of the parsing cost). */
  private static Optional<byte[]> byteSequence(String raw) {
    if (raw.length() >= 2 && raw.charAt(0) == ':' && raw.indexOf(':', 1) == raw.length() - 1) {
      try {
        return Optional.of(Base64.getDecoder().decode(raw.substring(1, raw.length() - 1)));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    if (Parser.parseItem(raw) instanceof ByteSequenceItem bytes) {
      byte[] out = new byte[bytes.get().remaining()];
      bytes.get().duplicate().get(out);
      return Optional.of(out);
    }
    return Optional.empty();
  }

  private static byte[] base64(String value) throws ComponentException {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw ComponentException.malformed("signature is not Base64");
    }
  }

  /** Seconds since the epoch, possibly with a fraction (draft-12 allows a decimal {@code expires}). */
  private static Instant epoch(String value) throws ComponentException {
    try {
      BigDecimal seconds = new BigDecimal(value);
      return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
      throw ComponentException.malformed("bad timestamp " + value);
    }
  }
}
