package dev.fedgate.testdata;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the reference data beside the repository ({@code ../shared}: fixtures from real peers and published
 * spec vectors), read in place and never copied.
 *
 * <p>The folder comes from the {@code FEDGATE_SHARED_DIR} environment variable, else the {@code fedgate.shared.dir}
 * system property (the build sets it to {@code ../shared} beside the checkout). When it is absent a test that needs it
 * is skipped with a message; with {@code FEDGATE_TEST_REQUIRE_SHARED=true} (CI) it fails instead.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared folder, or a skipped (or, under CI, failed) test when it is absent. */
  public static Path root() {
    String configured = System.getenv("FEDGATE_SHARED_DIR");
    if (configured == null || configured.isBlank()) {
      configured = System.getProperty("fedgate.shared.dir", "../shared");
    }
    Path root = Path.of(configured).toAbsolutePath().normalize();
    boolean present = Files.isDirectory(root.resolve("fixtures")) && Files.isDirectory(root.resolve("vectors"));
    if (!present) {
      String message = "reference data not found at " + root
          + " (set FEDGATE_SHARED_DIR or -Dfedgate.shared.dir to the shared folder holding fixtures/ and vectors/)";
      if (Boolean.parseBoolean(System.getenv("FEDGATE_TEST_REQUIRE_SHARED"))) {
        throw new IllegalStateException(message + "; required because FEDGATE_TEST_REQUIRE_SHARED=true");
      }
      assumeTrue(false, message);
    }
    return root;
  }

  /** A file under {@code fixtures/}, e.g. {@code fixture("mastodon/spec/fixtures/requests/webfinger.txt")}. */
  public static Path fixture(String relative) {
    return existing(root().resolve("fixtures").resolve(relative));
  }

  /** A file under {@code vectors/}, e.g. {@code vector("rfc9421.json")}. */
  public static Path vector(String relative) {
    return existing(root().resolve("vectors").resolve(relative));
  }

  private static Path existing(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalStateException("reference file missing: " + path);
    }
    return path;
  }
}
