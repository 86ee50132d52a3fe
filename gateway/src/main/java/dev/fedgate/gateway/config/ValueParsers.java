package dev.fedgate.gateway.config;

import dev.fedgate.signatures.keys.KeyFormatException;
import dev.fedgate.signatures.keys.KeyWrapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Turns option text into values, or a {@link ConfigException} naming the option and what was expected. */
final class ValueParsers {
  private static final int MIN_TOKEN_LENGTH = 24;

  private ValueParsers() {}

  static int integer(String option, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(option, "must be a whole number (got \"" + text + "\")");
    }
  }

  static long longValue(String option, String text) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(option, "must be a whole number (got \"" + text + "\")");
    }
  }

  static Duration seconds(String option, String text) {
    return Duration.ofSeconds(longValue(option, text));
  }

  static Duration days(String option, String text) {
    return Duration.ofDays(longValue(option, text));
  }

  static boolean bool(String option, String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("1") || value.equals("yes")) {
      return true;
    }
    if (value.equals("false") || value.equals("0") || value.equals("no")) {
      return false;
    }
    throw new ConfigException(option, "must be true or false (got \"" + text + "\")");
  }

  static String host(String option, String text) {
    String value = text.trim();
    if (value.isEmpty() || value.chars().anyMatch(Character::isWhitespace) || value.contains("/")) {
      throw new ConfigException(option, "must be a host name or IP address (got \"" + text + "\")");
    }
    return value;
  }

  static Set<String> domains(String option, String text) {
    Set<String> domains = new LinkedHashSet<>();
    for (String part : text.split(",")) {
      String domain = part.trim().toLowerCase(Locale.ROOT);
      if (domain.isEmpty()) {
        continue;
      }
      if (!domain.matches("[a-z0-9.-]+") || domain.startsWith(".") || domain.contains("..")) {
        throw new ConfigException(option, "must be comma-separated domain names (got \"" + part.trim() + "\")");
      }
      domains.add(domain);
    }
    return domains;
  }

  static Path path(String option, String text) {
    if (text.isBlank()) {
      throw new ConfigException(option, "must not be empty");
    }
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new ConfigException(option, "is not a usable path (" + e.getReason() + ")");
    }
  }

  static StorageKind storageKind(String option, String text) {
    for (StorageKind kind : StorageKind.values()) {
      if (kind.configName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return kind;
      }
    }
    throw new ConfigException(option, "must be embedded or postgres (got \"" + text + "\")");
  }

  static CryptoProvider cryptoProvider(String option, String text) {
    for (CryptoProvider provider : CryptoProvider.values()) {
      if (provider.configName().equals(text.trim().toLowerCase(Locale.ROOT))) {
        return provider;
      }
    }
    throw new ConfigException(option, "must be auto, conscrypt or jdk (got \"" + text + "\")");
  }

  static PostgresUrl postgresUrl(String option, String text) {
    try {
      return PostgresUrl.parse(text);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(option, e.getMessage());
    }
  }

  static URI httpUrl(String option, String text) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException(option, "must be an absolute http or https URL (got \"" + text + "\")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new ConfigException(option, "must be an absolute http or https URL (got \"" + text + "\")");
    }
    return uri;
  }

  /** A base URL: actor and object ids are built under it, so it carries no path, query or fragment. */
  static URI publicUrl(String option, String text) {
    URI uri = httpUrl(option, text);
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (!(path.isEmpty() || path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new ConfigException(option, "must be scheme, host and optional port only, like https://video.example (got \""
          + text + "\")");
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    return URI.create(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + port);
  }

  static String token(String option, String text) {
    String value = text.trim();
    if (value.length() < MIN_TOKEN_LENGTH) {
      throw new ConfigException(option, "must be at least " + MIN_TOKEN_LENGTH + " characters");
    }
    if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new ConfigException(option, "must be printable ASCII without spaces");
    }
    return value;
  }

  /** A key-encryption key: checked here so a bad one fails at start, not at the first signature. */
  static String keyEncryptionKey(String option, String text) {
    String value = text.trim();
    try {
      KeyWrapper.fromBase64(value);
    } catch (KeyFormatException | IllegalArgumentException e) {
      throw new ConfigException(option, "must be base64 of 32 bytes (e.g. openssl rand -base64 32)");
    }
    return value;
  }

  /** Standard Webhooks secrets: {@code whsec_} then base64 of the key bytes. */
  static String webhookSecret(String option, String text) {
    String value = text.trim();
    String problem = "must be whsec_ followed by base64 of 24 to 64 bytes";
    if (!value.startsWith("whsec_")) {
      throw new ConfigException(option, problem);
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.substring("whsec_".length()));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(option, problem);
    }
    if (key.length < 24 || key.length > 64) {
      throw new ConfigException(option, problem + " (got " + key.length + " bytes)");
    }
    return value;
  }
}
