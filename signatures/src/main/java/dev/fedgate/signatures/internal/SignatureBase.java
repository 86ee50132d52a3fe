package dev.fedgate.signatures.internal;

import dev.fedgate.signatures.HttpMessage;
import dev.fedgate.signatures.HttpRequest;
import dev.fedgate.signatures.HttpResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;
import org.greenbytes.http.sfv.Type;

/** The RFC 9421 §2.5 signature base: one {@code "component": value} line per covered component, then {@code @signature-params}. */
public final class SignatureBase {
  private static final Set<String> FIELD_PARAMETERS = Set.of("sf", "key", "bs", "req");

  private SignatureBase() {}

  /**
   * Builds the base.
   *
   * @param components the covered component identifiers as parsed from Signature-Input
   * @param signatureParams the inner list exactly as received (or as the signer serialized it)
   */
  public static String build(HttpMessage message, List<StringItem> components, String signatureParams)
      throws ComponentException {
    StringBuilder sb = new StringBuilder(512);
    for (StringItem component : components) {
      String identifier = component.serialize();
      for (String value : values(message, component)) {
        sb.append(identifier).append(": ").append(value).append('\n');
      }
    }
    return sb.append("\"@signature-params\": ").append(signatureParams).toString();
  }

  private static List<String> values(HttpMessage message, StringItem component) throws ComponentException {
    String name = component.get();
    Parameters params = component.getParams();
    if (!name.equals(name.toLowerCase(Locale.ROOT)) || name.isEmpty()) {
      throw ComponentException.malformed("component names are lower-case: " + name);
    }
    HttpMessage target = params.containsKey("req") ? relatedRequest(message) : message;
    if (name.startsWith("@")) {
      return derived(target, name, params);
    }
    for (String p : params.keySet()) {
      if (!FIELD_PARAMETERS.contains(p)) {
        throw ComponentException.malformed("unsupported component parameter " + p);
      }
    }
    return List.of(field(target, name, params));
  }

  private static HttpMessage relatedRequest(HttpMessage message) throws ComponentException {
    if (message instanceof HttpResponse response && response.request().isPresent()) {
      return response.request().get();
    }
    throw ComponentException.malformed(";req needs a response with its request");
  }

  private static List<String> derived(HttpMessage message, String name, Parameters params) throws ComponentException {
    if (name.equals("@status")) {
      if (message instanceof HttpResponse response) {
        return List.of(Integer.toString(response.status()));
      }
      throw ComponentException.malformed("@status is only for responses");
    }
    if (!(message instanceof HttpRequest request)) {
      throw ComponentException.malformed(name + " needs a request");
    }
    String path = request.target().getRawPath() == null || request.target().getRawPath().isEmpty()
        ? "/" : request.target().getRawPath();
    String query = request.target().getRawQuery();
    switch (name) {
      case "@method":
        return List.of(request.method());
      case "@target-uri":
        return List.of(request.target().toString());
      case "@authority":
        return List.of(request.authority());
      case "@scheme":
        return List.of(request.target().getScheme().toLowerCase(Locale.ROOT));
      case "@request-target":
        return List.of(request.pathAndQuery());
      case "@path":
        return List.of(path);
      case "@query":
        return List.of("?" + (query == null ? "" : query));
      case "@query-param":
        return queryParam(query, params);
      default:
        throw ComponentException.malformed("unsupported derived component " + name);
    }
  }

  private static List<String> queryParam(String query, Parameters params) throws ComponentException {
    if (!(params.get("name") instanceof StringItem nameItem)) {
      throw ComponentException.malformed("@query-param needs a name parameter");
    }
    List<String> out = new ArrayList<>(1);
    if (query != null) {
      for (String pair : query.split("&", -1)) {
        int eq = pair.indexOf('=');
        String rawName = eq < 0 ? pair : pair.substring(0, eq);
        String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
        if (reencode(rawName).equals(nameItem.get())) {
          out.add(reencode(rawValue));
        }
      }
    }
    if (out.isEmpty()) {
      throw ComponentException.malformed("query parameter " + nameItem.get() + " is absent");
    }
    return out;
  }

  /** Decodes as application/x-www-form-urlencoded, then percent-encodes all but unreserved characters (§2.2.8). */
  private static String reencode(String raw) throws ComponentException {
    String decoded;
    try {
      decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ComponentException.malformed("bad percent-encoding in query");
    }
    StringBuilder sb = new StringBuilder(decoded.length());
    for (byte b : decoded.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return sb.toString();
  }

  private static String field(HttpMessage message, String name, Parameters params) throws ComponentException {
    List<String> lines = message.headers().values(name);
    if (lines.isEmpty()) {
      throw ComponentException.malformed("covered field " + name + " is absent");
    }
    if (params.containsKey("bs")) {
      List<String> wrapped = new ArrayList<>(lines.size());
      for (String line : lines) {
        byte[] bytes = line.strip().getBytes(StandardCharsets.ISO_8859_1);
        wrapped.add(":" + Base64.getEncoder().encodeToString(bytes) + ":");
      }
      return String.join(", ", wrapped);
    }
    if (params.get("key") instanceof StringItem key) {
      ListElement<? extends Object> member = dictionary(lines).get().get(key.get());
      if (member == null) {
        throw ComponentException.malformed("dictionary member " + key.get() + " is absent from " + name);
      }
      return member.serialize();
    }
    if (params.containsKey("key")) {
      throw ComponentException.malformed(";key must be a string");
    }
    if (params.containsKey("sf")) {
      return strict(lines);
    }
    return FieldValues.canonical(lines);
  }

  private static Dictionary dictionary(List<String> lines) throws ComponentException {
    try {
      return new Parser(lines).parseDictionary();
    } catch (ParseException e) {
      throw ComponentException.malformed("field is not a structured dictionary");
    }
  }

  /** Strict re-serialization: the field is tried as a Dictionary, then a List, then an Item (RFC 8941 §4.1). */
  private static String strict(List<String> lines) throws ComponentException {
    Type<?> parsed;
    try {
      parsed = new Parser(lines).parseDictionary();
    } catch (ParseException notDictionary) {
      try {
        parsed = new Parser(lines).parseList();
      } catch (ParseException notList) {
        try {
          parsed = new Parser(lines).parseItem();
        } catch (ParseException notItem) {
          throw ComponentException.malformed("field is not a structured field");
        }
      }
    }
    return parsed.serialize();
  }
}
