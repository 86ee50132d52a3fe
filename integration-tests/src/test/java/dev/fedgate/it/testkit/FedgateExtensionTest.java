package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.junit.SiteApiClient;
import dev.fedgate.testkit.junit.SiteBodies;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The extension's lifecycle, driven by hand: a configured gateway starts, answers, stops and leaves nothing behind. */
class FedgateExtensionTest {
  @Test
  void startsAConfiguredGatewayAndRemovesItsDataWhenStopped() throws Exception {
    FedgateExtension fedgate = FedgateExtension.embedded().configure(b -> b.apiToken("a-token-for-this-test-only"));

    fedgate.beforeAll(null);
    Path data;
    try {
      data = fedgate.dataDirectory();
      assertThat(fedgate.apiToken()).isEqualTo("a-token-for-this-test-only");
      assertThat(fedgate.baseUrl().getHost()).isEqualTo("127.0.0.1");
      assertThat(fedgate.handle("alice")).isEqualTo("alice@" + fedgate.publicUrl().getAuthority());
      assertThat(fedgate.siteApi().putAccount("alice", SiteBodies.account("alice")).status()).isEqualTo(201);
      assertThat(Files.isDirectory(data)).isTrue();
    } finally {
      fedgate.afterAll(null);
    }

    assertThat(Files.exists(data)).isFalse();
    assertThatThrownBy(fedgate::baseUrl).isInstanceOf(IllegalStateException.class).hasMessageContaining("static");
  }

  @Test
  void siteApiAnswersAreReturnedAsTheyCome_wrongToken() throws Exception {
    FedgateExtension fedgate = FedgateExtension.embedded();
    fedgate.beforeAll(null);
    try {
      int status = new SiteApiClient(fedgate.baseUrl(), "wrong")
          .putAccount("bob", SiteBodies.account("bob")).status();

      assertThat(status).isEqualTo(401);
    } finally {
      fedgate.afterAll(null);
    }
  }
}
