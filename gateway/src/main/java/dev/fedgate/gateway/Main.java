package dev.fedgate.gateway;

import dev.fedgate.gateway.config.ConfigException;
import dev.fedgate.gateway.config.ConfigParser;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.keys.CryptoProviders;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * The command line: reads flags and {@code FEDGATE_*} variables once, starts the gateway, logs where it listens, and
 * stops it cleanly (exit 0) on SIGTERM or SIGINT. Bad configuration exits 2 with one line naming the option.
 */
public final class Main {
  /** Exit status for a configuration the gateway refuses. */
  public static final int EXIT_BAD_CONFIG = 2;
  /** Exit status when the configuration is fine but the gateway cannot start (port taken, store unreachable). */
  public static final int EXIT_START_FAILED = 1;
  private static final Logger LOG = Logger.getLogger("dev.fedgate.gateway.Main");

  private Main() {}

  /** Runs the gateway until a stop signal. */
  public static void main(String[] args) {
    applyProcessDefaults(System.getProperties());
    configureLogging();
    GatewayConfig config = configure(args, System.getenv(), System.out, System.err);
    String signer;
    Gateway gateway;
    try {
      signer = CryptoProviders.install(config.cryptoProvider());
      gateway = Gateway.start(config, InstantSource.system()).toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println("fedgate: cannot start: " + cause.getMessage());
      System.exit(EXIT_START_FAILED);
      return;
    }
    LOG.info(() -> "Fedgate " + GatewayVersion.get() + " listening on " + gateway.listenUrl()
        + ", public URL " + gateway.publicUrl()
        + ", " + config.storage().configName() + " storage"
        + (config.postgresUrl().isPresent() ? " at " + config.postgresUrl().get() : " in " + config.dataDirectory())
        + ", API token " + gateway.apiToken().file().map(p -> "in " + p).orElse("from configuration")
        + ", RSA signatures by " + signer);
    Runnable stop = () -> stopAndExit(gateway, config);
    Signal.handle(new Signal("TERM"), signal -> stop.run());
    Signal.handle(new Signal("INT"), signal -> stop.run());
  }

  /** Sets the JVM-wide settings this process wants in {@code system}, unless the command line already set them. */
  static void applyProcessDefaults(Properties system) {
    // H2 hashes every string bound to a statement, to share equal values it reads back. The gateway binds bodies and
    // URLs it sees once, so that hashing was pure cost: 2.7 % of the inbox's CPU (docs/benchmarks.md, stop 18).
    system.putIfAbsent("h2.objectCache", "false");
  }

  /** Parses the command line; prints help (exit 0) or a one-line error (exit 2) and never returns in those cases. */
  static GatewayConfig configure(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    ConfigParser.Parsed parsed;
    try {
      parsed = ConfigParser.parse(args, env);
    } catch (ConfigException e) {
      err.println("fedgate: " + e.getMessage());
      System.exit(EXIT_BAD_CONFIG);
      throw e;
    }
    if (parsed instanceof ConfigParser.Run run) {
      return run.config();
    }
    out.print(ConfigParser.helpText());
    System.exit(0);
    throw new IllegalStateException("exit returned");
  }

  private static void stopAndExit(Gateway gateway, GatewayConfig config) {
    LOG.info("stopping: finishing in-flight requests");
    try {
      gateway.stop().toCompletableFuture()
          .get(config.shutdownGrace().toSeconds() + 30, TimeUnit.SECONDS);
      LOG.info("stopped");
      System.exit(0);
    } catch (Exception e) {
      LOG.log(Level.SEVERE, "unclean stop", e);
      System.exit(EXIT_START_FAILED);
    }
  }

  private static void configureLogging() {
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    ConsoleHandler console = new ConsoleHandler();
    console.setFormatter(new OneLineLogFormatter());
    root.addHandler(console);
  }
}
