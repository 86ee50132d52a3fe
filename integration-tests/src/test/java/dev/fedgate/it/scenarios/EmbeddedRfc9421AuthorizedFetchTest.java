package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authorized fetch both ways on the embedded store, the peer signing RFC 9421. */
class EmbeddedRfc9421AuthorizedFetchTest extends AuthorizedFetchScenarios {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.embedded().configure(b -> b.authorizedFetch(true));

  EmbeddedRfc9421AuthorizedFetchTest() {
    super(gateway, SignatureScheme.RFC_9421);
  }
}
