package dev.fedgate.it.scenarios;

import dev.fedgate.signatures.SignatureScheme;
import dev.fedgate.testkit.junit.FedgateExtension;

/**
 * A suite of scenarios run against one gateway (a concrete subclass's static extension: the embedded store or
 * PostgreSQL) with one signature scheme for what the simulated peers sign, so each variant is a few lines.
 */
abstract class ScenarioSuite {
  /** The gateway under test. */
  final FedgateExtension fedgate;
  /** How the simulated peers sign their deliveries and fetches. */
  final SignatureScheme scheme;

  /** A suite against {@code fedgate}, the peers signing by {@code scheme}. */
  ScenarioSuite(FedgateExtension fedgate, SignatureScheme scheme) {
    this.fedgate = fedgate;
    this.scheme = scheme;
  }
}
