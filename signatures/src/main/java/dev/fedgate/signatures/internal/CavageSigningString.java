package dev.fedgate.signatures.internal;

import dev.fedgate.signatures.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The draft-cavage-12 §2.3 signing string: {@code name: value} lines joined by LF, no trailing LF. */
public final class CavageSigningString {
  private CavageSigningString() {}

  /**
   * Builds the signing string.
   *
   * @param headers covered names, lower-case, in signature order
   * @param created the raw {@code created} parameter, if sent
   * @param expires the raw {@code expires} parameter, if sent
   * @param withQuery whether {@code (request-target)} carries the query (false only for the legacy form)
   */
  public static String build(HttpRequest request, List<String> headers, Optional<String> created,
      Optional<String> expires, boolean withQuery) throws ComponentException {
    StringBuilder sb = new StringBuilder(256);
    for (String name : headers) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(name).append(": ").append(value(request, name, created, expires, withQuery));
    }
    return sb.toString();
  }

  private static String value(HttpRequest request, String name, Optional<String> created, Optional<String> expires,
      boolean withQuery) throws ComponentException {
    switch (name) {
      case "(request-target)":
        String target = withQuery ? request.pathAndQuery() : pathOnly(request.pathAndQuery());
        return request.method().toLowerCase(Locale.ROOT) + " " + target;
      case "(created)":
        return created.orElseThrow(() -> ComponentException.malformed("(created) covered but no created parameter"));
      case "(expires)":
        return expires.orElseThrow(() -> ComponentException.malformed("(expires) covered but no expires parameter"));
      default:
        if (name.startsWith("(")) {
          throw ComponentException.malformed("unknown pseudo-header " + name);
        }
        List<String> lines = request.headers().values(name);
        if (lines.isEmpty()) {
          throw ComponentException.malformed("covered header " + name + " is absent");
        }
        return FieldValues.canonical(lines);
    }
  }

  private static String pathOnly(String pathAndQuery) {
    int q = pathAndQuery.indexOf('?');
    return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
  }
}
