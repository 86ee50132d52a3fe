package dev.fedgate.testkit.junit;

import dev.fedgate.gateway.Gateway;
import dev.fedgate.gateway.config.GatewayConfig;
import dev.fedgate.gateway.config.StorageKind;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.testkit.postgres.TestPostgres;
import dev.fedgate.testkit.webhooks.WebhookSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real Fedgate gateway for a test class and stops it afterwards: on a free loopback port, in a fresh temporary
 * data directory, with private addresses allowed (peers are on loopback) unless {@link #refusingPrivateAddresses},
 * on the embedded store or a fresh PostgreSQL database. Register it on a static field:
 * {@code @RegisterExtension static FedgateExtension fedgate = FedgateExtension.embedded();}
 */
public final class FedgateExtension implements BeforeAllCallback, AfterAllCallback {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /** How the gateway is started; each {@code with…} method returns a copy with one part changed. */
  private record Setup(boolean postgres, UnaryOperator<GatewayConfig.Builder> customize, InstantSource clock,
      boolean webhooks, Optional<HostResolver> resolver, boolean allowPrivateAddresses) {}

  private final Setup setup;
  private Path dataDirectory;
  private Gateway gateway;
  private WebhookSink webhookSink;
  /** The unique id of the test class whose beforeAll started the gateway. */
  private String owner;

  private FedgateExtension(Setup setup) {
    this.setup = setup;
  }

  /** A gateway on the embedded (H2) store. */
  public static FedgateExtension embedded() {
    return new FedgateExtension(new Setup(false, b -> b, InstantSource.system(), false, Optional.empty(), true));
  }

  /** A gateway on a fresh PostgreSQL database ({@link TestPostgres}: skipped when there is no server). */
  public static FedgateExtension postgres() {
    return new FedgateExtension(new Setup(true, b -> b, InstantSource.system(), false, Optional.empty(), true));
  }

  /** The same gateway with more configuration, e.g. {@code b -> b.maxBodyBytes(64 * 1024)}. */
  public FedgateExtension configure(UnaryOperator<GatewayConfig.Builder> more) {
    return new FedgateExtension(new Setup(setup.postgres(), b -> more.apply(setup.customize().apply(b)),
        setup.clock(), setup.webhooks(), setup.resolver(), setup.allowPrivateAddresses()));
  }

  /**
   * The same gateway running on {@code gatewayClock}: a {@code TestClock} the test advances compresses retries,
   * backoff and failing days. Give simulated instances the same clock, or their signatures fall outside the window.
   */
  public FedgateExtension withClock(InstantSource gatewayClock) {
    return new FedgateExtension(new Setup(setup.postgres(), setup.customize(), gatewayClock, setup.webhooks(),
        setup.resolver(), setup.allowPrivateAddresses()));
  }

  /** The same gateway posting its webhooks to a {@link WebhookSink} started with it ({@link #webhooks()}). */
  public FedgateExtension withWebhooks() {
    return new FedgateExtension(new Setup(setup.postgres(), setup.customize(), setup.clock(), true, setup.resolver(),
        setup.allowPrivateAddresses()));
  }

  /**
   * The same gateway resolving peers' host names with {@code names} instead of DNS: to map a name to a private or
   * metadata address (address-guard tests), or many names to one loopback peer.
   */
  public FedgateExtension resolving(HostResolver names) {
    return new FedgateExtension(new Setup(setup.postgres(), setup.customize(), setup.clock(), setup.webhooks(),
        Optional.of(names), setup.allowPrivateAddresses()));
  }

  /** The same gateway with private addresses refused (and so plain http too), as in production. */
  public FedgateExtension refusingPrivateAddresses() {
    return new FedgateExtension(new Setup(setup.postgres(), setup.customize(), setup.clock(), setup.webhooks(),
        setup.resolver(), false));
  }

  /** Starts the gateway; for a {@code @Nested} class inside the one that started it, keeps the running one. */
  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    if (gateway != null) {
      return;
    }
    owner = context == null ? "" : context.getUniqueId();
    dataDirectory = Files.createTempDirectory("fedgate-test");
    GatewayConfig.Builder config = GatewayConfig.builder().host("127.0.0.1").port(0).dataDirectory(dataDirectory)
        .allowPrivateAddresses(setup.allowPrivateAddresses());
    if (setup.postgres()) {
      config.storage(StorageKind.POSTGRES).postgresUrl(TestPostgres.freshDatabase("gateway"));
    }
    if (setup.webhooks()) {
      webhookSink = WebhookSink.start(setup.clock());
      config.webhookUrl(webhookSink.url()).webhookSecret(webhookSink.secret());
    }
    GatewayConfig built = setup.customize().apply(config).build();
    gateway = (setup.resolver().isPresent() ? Gateway.start(built, setup.clock(), setup.resolver().get())
        : Gateway.start(built, setup.clock())).toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Stops the gateway after the class that started it (not after its {@code @Nested} classes). */
  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (!(context == null ? "" : context.getUniqueId()).equals(owner)) {
      return;
    }
    try {
      if (gateway != null) {
        gateway.stop().toCompletableFuture().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } finally {
      gateway = null;
      if (webhookSink != null) {
        webhookSink.close();
        webhookSink = null;
      }
      deleteTree(dataDirectory);
    }
  }

  /** The running gateway (for what this class does not wrap). */
  public Gateway gateway() {
    if (gateway == null) {
      throw new IllegalStateException("the gateway runs only between beforeAll and afterAll; register the extension"
          + " on a static field");
    }
    return gateway;
  }

  /** The sink receiving the gateway's webhooks; only with {@link #withWebhooks()}. */
  public WebhookSink webhooks() {
    gateway();
    if (webhookSink == null) {
      throw new IllegalStateException("no webhook sink: register the extension with .withWebhooks()");
    }
    return webhookSink;
  }

  /** The gateway's temporary data directory (deleted after the class's tests). */
  public Path dataDirectory() {
    gateway();
    return dataDirectory;
  }

  /** Where the gateway listens: {@code http://127.0.0.1:<port>}. */
  public URI baseUrl() {
    return gateway().listenUrl();
  }

  /** The public base URL ids are built under ({@code http://localhost:<port>} unless configured). */
  public URI publicUrl() {
    return gateway().publicUrl();
  }

  /** The Site API bearer token. */
  public String apiToken() {
    return gateway().apiToken().reveal();
  }

  /** The WebFinger handle of a local account or channel, {@code name@host:port}. */
  public String handle(String name) {
    return name + "@" + publicUrl().getAuthority();
  }

  /** A Site API client of this gateway. */
  public SiteApiClient siteApi() {
    return new SiteApiClient(baseUrl(), apiToken());
  }

  private static void deleteTree(Path root) throws IOException {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
