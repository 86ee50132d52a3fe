package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authorized fetch both ways on the embedded store, the peer signing draft-cavage. */
class EmbeddedCavageAuthorizedFetchTest extends AuthorizedFetchScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.embedded().configure(b -> b.authorizedFetch(true));

  EmbeddedCavageAuthorizedFetchTest() {
    super(gateway, SignatureScheme.CAVAGE_12);
  }
}
