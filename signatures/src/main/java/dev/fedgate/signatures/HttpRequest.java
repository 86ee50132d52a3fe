package dev.fedgate.signatures;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * A request: method, absolute target URI (scheme, authority, raw path and query exactly as sent), headers and body.
 *
 * <p>Behind a reverse proxy build the target from the original scheme and Host, not the internal ones.
 */
public final class HttpRequest implements HttpMessage {
  private final String method;
  private final URI target;
  private final HttpHeaders headers;
  private final byte[] body;

  private HttpRequest(String method, URI target, HttpHeaders headers, byte[] body) {
    this.method = method;
    this.target = target;
    this.headers = headers;
    this.body = body;
  }

  /** A request; the target must be absolute (have a scheme and host). */
  public static HttpRequest of(String method, URI target, HttpHeaders headers, byte[] body) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
    if (method.isEmpty() || target.getScheme() == null || target.getRawAuthority() == null) {
      throw new IllegalArgumentException("method must be set and target must be absolute");
    }
    return new HttpRequest(method, target, headers, body.clone());
  }

  /** A request without body. */
  public static HttpRequest of(String method, URI target, HttpHeaders headers) {
    return of(method, target, headers, new byte[0]);
  }

  /** The method as sent (e.g. {@code POST}). */
  public String method() {
    return method;
  }

  /** The absolute target URI. */
  public URI target() {
    return target;
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** Body length without copying. */
  public int bodyLength() {
    return body.length;
  }

  /** Raw path and query, as in the request line ({@code /inbox?x=1}); "/" when the path is empty. */
  public String pathAndQuery() {
    String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    return target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
  }

  /** Lower-cased {@code host[:port]}, omitting the scheme's default port (RFC 9421 {@code @authority}). */
  public String authority() {
    String host = target.getHost() == null ? target.getRawAuthority() : target.getHost();
    int port = target.getPort();
    String scheme = target.getScheme().toLowerCase(Locale.ROOT);
    boolean defaultPort = port == -1
        || (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
    return (defaultPort ? host : host + ":" + port).toLowerCase(Locale.ROOT);
  }

  /** A copy with different headers. */
  public HttpRequest withHeaders(HttpHeaders newHeaders) {
    return new HttpRequest(method, target, Objects.requireNonNull(newHeaders), body);
  }

  /** A copy with a different body (headers unchanged). */
  public HttpRequest withBody(byte[] newBody) {
    return new HttpRequest(method, target, headers, newBody.clone());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HttpRequest r && method.equals(r.method) && target.equals(r.target)
        && headers.equals(r.headers) && Arrays.equals(body, r.body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(method, target, headers, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return method + " " + target + " (" + headers.fields().size() + " headers, " + body.length + " body bytes)";
  }
}
