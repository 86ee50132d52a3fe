package dev.fedgate.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version this build was made from, read from a resource the build fills in. */
public final class GatewayVersion {
  private static final String VERSION = load();

  private GatewayVersion() {}

  /** The project version, e.g. {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = GatewayVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the build");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
