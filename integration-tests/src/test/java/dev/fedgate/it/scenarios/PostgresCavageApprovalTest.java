package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The approval scenarios on PostgreSQL (skipped without a server), the simulated Mastodon signing draft-cavage. */
class PostgresCavageApprovalTest extends ApprovalScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.postgres();

  PostgresCavageApprovalTest() {
    super(gateway, SignatureScheme.CAVAGE_12);
  }
}
