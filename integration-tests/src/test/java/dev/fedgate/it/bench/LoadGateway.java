package dev.fedgate.it.bench;

import dev.fedgate.gateway.Gateway;
import dev.fedgate.gateway.config.StorageKind;
import dev.fedgate.gateway.fetch.HostResolver;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * A gateway started in this JVM for a load run by the test kit's {@link FedgateExtension} (outside JUnit): embedded
 * store or a fresh PostgreSQL database ({@code FEDGATE_TEST_PG_URL}), private addresses allowed (peers are on
 * loopback), with an account {@code chef} and its channel {@code kitchen}.
 */
final class LoadGateway implements AutoCloseable {
  private final FedgateExtension extension;
  private final SiteApiClient site;

  private LoadGateway(FedgateExtension extension) {
    this.extension = extension;
    this.site = extension.siteApi();
  }

  /** Starts it; {@code resolver}, when given, resolves peers' names (the fan-out maps many hosts to loopback). */
  static LoadGateway start(StorageKind storage, Optional<HostResolver> resolver) throws Exception {
    FedgateExtension base = storage == StorageKind.POSTGRES ? FedgateExtension.postgres() : FedgateExtension.embedded();
    FedgateExtension extension = resolver.map(base::resolving).orElse(base);
    extension.beforeAll(null);
    LoadGateway started = new LoadGateway(extension);
    started.expectCreated(started.site.putAccount("chef", SiteBodies.account("chef")).status());
    started.expectCreated(started.site.putChannel("kitchen", SiteBodies.channel("chef", "kitchen")).status());
    return started;
  }

  Gateway gateway() {
    return extension.gateway();
  }

  /** The gateway's data directory. */
  Path dataDirectory() {
    return extension.dataDirectory();
  }

  /** Publishes a video of {@code kitchen}; its ActivityPub id. */
  String publishVideo(String name) {
    return publishVideo(site, name);
  }

  /** Publishes a video of {@code kitchen} through {@code site}; its ActivityPub id. */
  static String publishVideo(SiteApiClient site, String name) {
    return site.putVideo(UUID.randomUUID(), SiteBodies.video("kitchen", name)).json().orElseThrow().getString("id");
  }

  private static void expectCreated(int status) {
    if (status != 201) {
      throw new IllegalStateException("Site API answered " + status + ", expected 201");
    }
  }

  @Override
  public void close() throws Exception {
    extension.afterAll(null);
  }
}
