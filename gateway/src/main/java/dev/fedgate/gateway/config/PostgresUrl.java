package dev.fedgate.gateway.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A PostgreSQL location in the libpq URI form {@code postgresql://user:password@host:port/database}, checked when it is
 * configured so a typo fails at start, not at the first query. {@link #toString()} hides the password.
 */
public final class PostgresUrl {
  static final int DEFAULT_PORT = 5432;

  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;

  private PostgresUrl(String host, int port, String database, String user, String password) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
  }

  /**
   * Parses a libpq URI ({@code postgresql://} or {@code postgres://}); user, password and port are optional.
   *
   * @throws IllegalArgumentException saying what is wrong, without echoing the password
   */
  public static PostgresUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("must be a URI like postgresql://user:password@host:5432/database");
    }
    String scheme = uri.getScheme();
    if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
      throw new IllegalArgumentException("must start with postgresql:// (got scheme " + scheme + ")");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new IllegalArgumentException("must name a host, as in postgresql://user:password@host:5432/database");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isEmpty() || database.contains("/")) {
      throw new IllegalArgumentException("must name one database after the host, as in postgresql://host:5432/fedgate");
    }
    String user = "";
    String password = "";
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
    }
    int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
    return new PostgresUrl(uri.getHost(), port, database, user, password);
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The server's host name or address. */
  public String host() {
    return host;
  }

  /** The server's port (5432 when the URI names none). */
  public int port() {
    return port;
  }

  /** The database name. */
  public String database() {
    return database;
  }

  /** The role to connect as ("" when the URI names none). */
  public String user() {
    return user;
  }

  /** The password ("" when the URI names none); never logged. */
  public String password() {
    return password;
  }

  /** The URI again, with the password spelled out: for handing to a driver, never for logs. */
  public String toConnectionUri() {
    StringBuilder out = new StringBuilder("postgresql://");
    if (!user.isEmpty()) {
      out.append(encode(user));
      if (!password.isEmpty()) {
        out.append(':').append(encode(password));
      }
      out.append('@');
    }
    return out.append(host).append(':').append(port).append('/').append(encode(database)).toString();
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PostgresUrl that
        && host.equals(that.host) && port == that.port && database.equals(that.database)
        && user.equals(that.user) && password.equals(that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(host, port, database, user, password);
  }

  @Override
  public String toString() {
    String who = user.isEmpty() ? "" : user + (password.isEmpty() ? "" : ":***") + "@";
    return "postgresql://" + who + host + ":" + port + "/" + database;
  }
}
