package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The approval scenarios on the embedded store, the simulated Mastodon signing draft-cavage. */
class EmbeddedCavageApprovalTest extends ApprovalScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.embedded();

  EmbeddedCavageApprovalTest() {
    super(gateway, SignatureScheme.CAVAGE_12);
  }
}
