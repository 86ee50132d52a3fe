package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The approval scenarios on the embedded store, the simulated Mastodon signing RFC 9421. */
class EmbeddedRfc9421ApprovalTest extends ApprovalScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.embedded();

  EmbeddedRfc9421ApprovalTest() {
    super(gateway, SignatureScheme.RFC_9421);
  }
}
