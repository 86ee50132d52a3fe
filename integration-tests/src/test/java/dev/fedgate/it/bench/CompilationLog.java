package dev.fedgate.it.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JIT's work in a JVM started with {@code -XX:+PrintCompilation}, counted from the lines that option writes to
 * the JVM's output (a file) since the previous count: methods compiled (one line each, when the compilation starts),
 * those by C2 (tier 4), and C2-compiled methods made not entrant, i.e. dropped because an assumption of the
 * optimised code failed (a deoptimization; the method runs interpreted and is compiled again). Lower tiers' code
 * made not entrant is not counted: that is the normal step up to C2.
 */
final class CompilationLog {
  /** Time stamp, compile id, attribute flags ({@code %sb!n}), tier, then the method as {@code Class::name}. */
  private static final Pattern LINE = Pattern.compile("\\s*\\d+\\s+\\d+\\s+[%sb!n ]*?([0-4])\\s+\\S+::.*");

  /** How many of each since the previous count. */
  record Counts(int compiled, int c2Compiled, int c2Dropped) {}

  private final Path output;
  private long read;

  /** Counts from the start of {@code output}. */
  CompilationLog(Path output) {
    this.output = output;
  }

  /** Counts the whole lines written since the previous call. */
  Counts next() {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(output)) {
      in.skipNBytes(read);
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int whole = 0; // a line still being written is counted next time
    for (int i = 0; i < bytes.length; i++) {
      whole = bytes[i] == '\n' ? i + 1 : whole;
    }
    read += whole;
    int compiled = 0;
    int c2Compiled = 0;
    int c2Dropped = 0;
    for (String line : new String(bytes, 0, whole, StandardCharsets.UTF_8).split("\n")) {
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        continue;
      }
      boolean c2 = matcher.group(1).equals("4");
      if (line.contains("made not entrant")) {
        c2Dropped += c2 ? 1 : 0;
      } else if (!line.contains("made zombie") && !line.contains("COMPILE SKIPPED")) {
        compiled++;
        c2Compiled += c2 ? 1 : 0;
      }
    }
    return new Counts(compiled, c2Compiled, c2Dropped);
  }
}
