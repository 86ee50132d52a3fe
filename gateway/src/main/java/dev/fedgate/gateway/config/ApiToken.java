package dev.fedgate.gateway.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The Site API bearer token: the configured one, or one generated on first start and kept in the data directory
 * (file mode 600) so it survives restarts. {@link #toString()} never shows it.
 */
public final class ApiToken {
  /** The file, inside the data directory, that holds a generated token. */
  public static final String FILE_NAME = "api-token";
  private static final int TOKEN_BYTES = 32;

  private final String value;
  private final Optional<Path> file;

  private ApiToken(String value, Optional<Path> file) {
    this.value = value;
    this.file = file;
  }

  /** The configured token if there is one; else the one in the data directory, generated there on first use. */
  public static ApiToken resolve(Optional<String> configured, Path dataDirectory, SecureRandom random) {
    if (configured.isPresent()) {
      return new ApiToken(configured.get(), Optional.empty());
    }
    Path file = dataDirectory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        writeNew(file, random);
      }
      String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (stored.isEmpty()) {
        throw new IllegalStateException("API token file " + file + " is empty; delete it to generate a new token");
      }
      return new ApiToken(stored, Optional.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the API token at " + file, e);
    }
  }

  /** Writes to a private temporary file first, so no reader ever sees a partial or world-readable token. */
  private static void writeNew(Path file, SecureRandom random) throws IOException {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
    Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp",
        PosixFilePermissions.asFileAttribute(ownerOnly));
    try {
      Files.writeString(temp, token + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Whether {@code presented} is this token, compared in constant time. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /** The token itself, for handing to the site; never log it. */
  public String reveal() {
    return value;
  }

  /** Where the generated token is kept, or empty when it was configured. */
  public Optional<Path> file() {
    return file;
  }

  @Override
  public String toString() {
    return "ApiToken[" + file.map(p -> "in " + p).orElse("configured") + "]";
  }
}
