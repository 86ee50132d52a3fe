package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The federation scenarios on the embedded store, peers signing draft-cavage. */
class EmbeddedCavageScenariosTest extends FederationScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.embedded().withWebhooks();

  EmbeddedCavageScenariosTest() {
    super(gateway, SignatureScheme.CAVAGE_12);
  }
}
