package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The federation scenarios on PostgreSQL (skipped without a server), peers signing draft-cavage. */
class PostgresCavageScenariosTest extends FederationScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.postgres().withWebhooks();

  PostgresCavageScenariosTest() {
    super(gateway, SignatureScheme.CAVAGE_12);
  }
}
