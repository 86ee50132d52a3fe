package dev.fedgate.it.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.testkit.junit.FedgateExtension;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A {@code @Nested} class shares its outer class's gateway, and the gateway outlives the nested class. */
class NestedFedgateExtensionTest {
  @RegisterExtension
  static FedgateExtension fedgate = FedgateExtension.embedded();

  private static URI outerUrl;

  @BeforeAll
  static void remember() {
    outerUrl = fedgate.baseUrl();
  }

  @Nested
  class Inner {
    @Test
    void seesTheSameGateway() {
      assertThat(fedgate.baseUrl()).isEqualTo(outerUrl);
    }
  }

  /** Runs after the nested class and its afterAll callback, before the outer one's. */
  @AfterAll
  static void gatewayStillRunsAfterTheNestedClass() {
    assertThat(fedgate.siteApi().get("/api/v1/accounts/nobody").status()).isEqualTo(404);
  }
}
