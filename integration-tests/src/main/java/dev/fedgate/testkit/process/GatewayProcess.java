package dev.fedgate.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A gateway in its own JVM, as operators run it: {@code java -cp <classpath> dev.fedgate.gateway.Main <flags>} on a
 * free loopback port, with a data directory (a fresh temporary one unless given) and a generated API token. {@link
 * Builder#start()} returns once the gateway logged its start line. {@link #stop()} sends SIGTERM (a clean stop),
 * {@link #kill()} SIGKILL (a crash); {@link #restart()} starts a new process on the same data directory and flags.
 * {@link #close()} always leaves nothing behind: the process is killed if still alive and a temporary data directory
 * is deleted, and a JVM shutdown hook kills the process if the test JVM exits first.
 */
public final class GatewayProcess implements AutoCloseable {
  /** How long a start may take: a cold JVM, migrations and key generation on a loaded CI machine. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
  /** How long a stop may take before the process is killed: the gateway's default shutdown grace plus margin. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Pattern START_LINE = Pattern.compile("listening on (http://[^,\\s]+),");
  private static final String MAIN = "dev.fedgate.gateway.Main";
  private static final Duration WATCH_BOUND = Duration.ofMillis(200);

  private final Builder settings;
  private final Process process;
  private final URI baseUrl;
  private final Path log;
  private final Thread cleanup;
  // Whether close deletes the data directory: a temporary one, until a restart hands it to the new process.
  private volatile boolean ownsDataDirectory;

  private GatewayProcess(Builder settings, Process process, URI baseUrl, Path log, Thread cleanup) {
    this.settings = settings;
    this.process = process;
    this.baseUrl = baseUrl;
    this.log = log;
    this.cleanup = cleanup;
    this.ownsDataDirectory = settings.temporary;
  }

  /** A builder with no flags beyond those the launcher sets ({@code --port 0}, data directory, token). */
  public static Builder builder() {
    return new Builder();
  }

  /** Where the gateway listens, e.g. {@code http://127.0.0.1:41234}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** The Site API bearer token the gateway was started with. */
  public String apiToken() {
    return settings.apiToken;
  }

  /** The operating system's process id. */
  public long pid() {
    return process.pid();
  }

  /** The gateway's data directory. */
  public Path dataDirectory() {
    return settings.dataDirectory;
  }

  /** The file holding everything the process printed (its log), until {@link #close()}. */
  public Path log() {
    return log;
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** Sends SIGTERM and waits for the exit (killing after {@link #STOP_TIMEOUT}); returns the exit status. */
  public int stop() {
    process.destroy();
    return awaitExit(STOP_TIMEOUT).orElseGet(this::kill);
  }

  /** Sends SIGKILL (nothing runs in the gateway after it) and waits for the exit; returns the exit status. */
  public int kill() {
    process.destroyForcibly();
    return awaitExit(STOP_TIMEOUT).orElseThrow(() -> new IllegalStateException("process " + pid()
        + " did not die after SIGKILL"));
  }

  /**
   * Starts a new process with the same flags, token and data directory (a new port), after this one has exited; the
   * new process owns the temporary data directory from now on.
   *
   * @throws IllegalStateException when this process is still alive
   */
  public GatewayProcess restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("stop or kill the process before restarting it");
    }
    Runtime.getRuntime().removeShutdownHook(cleanup);
    GatewayProcess next = settings.launch();
    ownsDataDirectory = false;
    return next;
  }

  /**
   * Kills the process if alive, deletes its log, and deletes the data directory when it was created by the launcher
   * (read {@link #log()} before closing to keep what the gateway printed).
   */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting; the hook kills the process anyway.
    }
    if (ownsDataDirectory) {
      deleteTree(settings.dataDirectory);
    }
    deleteTree(log.getParent());
  }

  private Optional<Integer> awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          ? Optional.of(process.exitValue()) : Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for process " + pid(), e);
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + root, e);
    }
  }

  /** Flags, JVM options and the data directory of a gateway process; each {@link #start()} launches one. */
  public static final class Builder {
    private final Map<String, String> flags = new LinkedHashMap<>();
    private final List<String> javaOptions = new ArrayList<>(List.of("-Xmx256m"));
    private String classpath = System.getProperty("java.class.path");
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private Path dataDirectory;
    private boolean temporary;
    private final String apiToken = HexFormat.of().formatHex(randomBytes());

    private Builder() {}

    private static byte[] randomBytes() {
      byte[] bytes = new byte[24];
      new SecureRandom().nextBytes(bytes);
      return bytes;
    }

    /**
     * Sets a gateway flag, e.g. {@code flag("--storage", "postgres")}; see {@code --help}. The launcher sets
     * {@code --port}, {@code --data-dir} and {@code --api-token} itself.
     */
    public Builder flag(String flag, String value) {
      if (flag.equals("--port") || flag.equals("--data-dir") || flag.equals("--api-token")) {
        throw new IllegalArgumentException(flag + " is set by the launcher");
      }
      flags.put(Objects.requireNonNull(flag, "flag"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Uses {@code directory} for data (kept after close); default: a fresh temporary directory, deleted on close. */
    public Builder dataDirectory(Path directory) {
      dataDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Replaces the JVM options (default {@code -Xmx256m}). */
    public Builder javaOptions(String... options) {
      javaOptions.clear();
      javaOptions.addAll(List.of(options));
      return this;
    }

    /** The class path holding the gateway and its dependencies; default: this JVM's class path. */
    public Builder classpath(String value) {
      classpath = Objects.requireNonNull(value, "value");
      return this;
    }

    /** How long to wait for the start line; default {@link #DEFAULT_START_TIMEOUT}. */
    public Builder startTimeout(Duration value) {
      startTimeout = Objects.requireNonNull(value, "value");
      return this;
    }

    /**
     * Launches the gateway and waits for its start line.
     *
     * @throws IllegalStateException when it exits or stays silent past the start timeout (the log tail is included)
     */
    public GatewayProcess start() {
      if (dataDirectory == null) {
        try {
          dataDirectory = Files.createTempDirectory("fedgate-process");
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create a data directory", e);
        }
        temporary = true;
      }
      return launch();
    }

    private GatewayProcess launch() {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(javaOptions);
      command.addAll(List.of("-cp", classpath, MAIN, "--port", "0", "--data-dir", dataDirectory.toString(),
          "--api-token", apiToken));
      flags.forEach((flag, value) -> command.add(flag + "=" + value));
      Path log;
      Process process;
      try {
        log = Files.createTempDirectory("fedgate-process-log").resolve("gateway.log");
        // Straight to a file: reading a pipe loses the last lines when the process exits (the JDK drains and
        // closes it under a concurrent reader), and those are the lines a stop test reads.
        process = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the gateway process", e);
      }
      Thread cleanup = new Thread(process::destroyForcibly, "fedgate-process-cleanup-" + process.pid());
      Runtime.getRuntime().addShutdownHook(cleanup);
      try {
        return new GatewayProcess(this, process, awaitStartLine(process, log), log, cleanup);
      } catch (RuntimeException e) {
        process.destroyForcibly();
        Runtime.getRuntime().removeShutdownHook(cleanup);
        throw new IllegalStateException("gateway process did not start (" + e.getMessage() + "); log " + log
            + ":\n" + tail(log), e);
      }
    }

    /** The listen URL from the start line, watching the log file grow; fails when the process exits first. */
    private URI awaitStartLine(Process process, Path log) {
      long deadline = System.nanoTime() + startTimeout.toNanos();
      try (WatchService watch = log.getFileSystem().newWatchService()) {
        log.getParent().register(watch, StandardWatchEventKinds.ENTRY_MODIFY);
        while (true) {
          Matcher matcher = START_LINE.matcher(Files.readString(log, StandardCharsets.UTF_8));
          if (matcher.find()) {
            return URI.create(matcher.group(1));
          }
          if (!process.isAlive()) {
            throw new IllegalStateException("the process exited with " + process.exitValue() + " before it started");
          }
          if (System.nanoTime() > deadline) {
            throw new IllegalStateException("no start line within " + startTimeout.toSeconds() + " s");
          }
          // Wakes on the next write; the bound re-checks whether the process died without writing.
          WatchKey key = watch.poll(WATCH_BOUND.toMillis(), TimeUnit.MILLISECONDS);
          if (key != null) {
            key.pollEvents();
            key.reset();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the log " + log, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the start line", e);
      }
    }

    private static String tail(Path log) {
      try {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
      } catch (IOException e) {
        return "(log unreadable: " + e.getMessage() + ")";
      }
    }
  }
}
