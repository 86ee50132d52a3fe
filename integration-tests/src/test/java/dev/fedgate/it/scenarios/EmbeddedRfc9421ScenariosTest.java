package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The federation scenarios on the embedded store, peers signing RFC 9421. */
class EmbeddedRfc9421ScenariosTest extends FederationScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.embedded().withWebhooks();

  EmbeddedRfc9421ScenariosTest() {
    super(gateway, SignatureScheme.RFC_9421);
  }
}
