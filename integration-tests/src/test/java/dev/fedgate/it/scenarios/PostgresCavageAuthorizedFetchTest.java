package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authorized fetch both ways on PostgreSQL (skipped without a server), the peer signing draft-cavage. */
class PostgresCavageAuthorizedFetchTest extends AuthorizedFetchScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.postgres().configure(b -> b.authorizedFetch(true));

  PostgresCavageAuthorizedFetchTest() {
    super(gateway, SignatureScheme.CAVAGE_12);
  }
}
