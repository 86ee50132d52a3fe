package dev.fedgate.gateway.inbox;

import dev.fedgate.gateway.fetch.FetchBudget;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How a queued activity arrived: the local actor whose personal inbox received it (empty for the shared inbox), its
 * verified actor, the fetch budget its processing may spend, and the activity's JSON as received (what inbox
 * forwarding re-sends unchanged).
 */
public record InboxDelivery(Optional<String> recipient, URI actor, FetchBudget budget, String json) {
  /** Checks that every component is present. */
  public InboxDelivery {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(json, "json");
  }
}
