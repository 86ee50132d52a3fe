package dev.fedgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conscrypt.Conscrypt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code target/fedgate.jar} as a real process, as a newcomer would. */
class FatJarIT {
  private static final Path JAR = Path.of("target", "fedgate.jar");
  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://\\S+), public URL (\\S+),.*, RSA signatures by (.+)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workDir;

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("FEDGATE_"));
    return builder.start();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Collects the process's output lines on a separate thread, so a silent process cannot hang the test. */
  private static BlockingQueue<String> lines(Process process) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output closed: " + e.getMessage() + ")");
      }
    });
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static Matcher awaitListening(BlockingQueue<String> lines) throws InterruptedException {
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line == null) {
        continue;
      }
      seen.add(line);
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        return m;
      }
    }
    throw new AssertionError("no 'listening on' line within 60 s; output was: " + seen);
  }

  @Test
  void jarStarts_servesNodeInfoAndHealth_andStopsCleanlyOnSigterm() throws Exception {
    Process process = start("--port", "0");
    try {
      BlockingQueue<String> lines = lines(process);
      Matcher listening = awaitListening(lines);
      URI base = URI.create(listening.group(1));
      assertThat(listening.group(2)).isEqualTo("http://localhost:" + base.getPort());
      // The packaged jar finds Conscrypt's native library wherever the test JVM does.
      assertThat(listening.group(3)).startsWith(Conscrypt.isAvailable() ? "Conscrypt 2." : "the JDK (");
      assertThat(Files.exists(workDir.resolve("fedgate-data").resolve("api-token"))).isTrue();

      HttpClient client = TestGateway.httpClient();
      HttpResponse<String> nodeInfo = client.send(
          HttpRequest.newBuilder(base.resolve("/nodeinfo/2.1")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(nodeInfo.statusCode()).isEqualTo(200);
      JsonNode doc = JSON.readTree(nodeInfo.body());
      assertThat(doc.at("/software/name").asText()).isEqualTo("fedgate");
      assertThat(doc.at("/protocols/0").asText()).isEqualTo("activitypub");

      HttpResponse<String> health = client.send(
          HttpRequest.newBuilder(base.resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);

      // SIGTERM by pid: Process.destroy() would also close our end of its output, losing the last lines.
      assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor()).isZero();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits within 60 s of SIGTERM").isTrue();
      assertThat(process.exitValue()).isZero();
      assertThat(List.copyOf(lines)).anyMatch(line -> line.contains("stopped"));
    } finally {
      process.destroyForcibly();
    }
  }

  @Test
  void invalidValue_exitsWithCode2_andOneLineNamingTheOption() throws Exception {
    Process process = start("--port", "eighty");
    BlockingQueue<String> lines = lines(process);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    List<String> output = new ArrayList<>();
    String line;
    while ((line = lines.poll(2, TimeUnit.SECONDS)) != null) {
      output.add(line);
    }
    assertThat(output).containsExactly("fedgate: --port: must be a whole number (got \"eighty\")");
    assertThat(Files.exists(workDir.resolve("fedgate-data"))).as("nothing was started or created").isFalse();
  }

  @Test
  void jdkProvider_isWhatTheStartLineNames() throws Exception {
    Process process = start("--port", "0", "--crypto-provider", "jdk");
    try {
      Matcher listening = awaitListening(lines(process));
      assertThat(listening.group(3)).isEqualTo("the JDK");
    } finally {
      process.destroyForcibly();
      process.waitFor(60, TimeUnit.SECONDS);
    }
  }

  @Test
  void help_listsOptions_andExitsZero() throws Exception {
    Process process = start("--help");
    BlockingQueue<String> lines = lines(process);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    List<String> output = new ArrayList<>();
    String line;
    while ((line = lines.poll(2, TimeUnit.SECONDS)) != null) {
      output.add(line);
    }
    assertThat(String.join("\n", output)).contains("--port", "FEDGATE_PORT", "--pg-url", "FEDGATE_PG_URL");
  }
}
