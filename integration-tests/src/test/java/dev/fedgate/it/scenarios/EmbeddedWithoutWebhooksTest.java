package dev.fedgate.it.scenarios;

import static dev.fedgate.testkit.storage.StoreContract.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fedgate.gateway.storage.JobId;
import dev.fedgate.gateway.storage.WebhookEvent;
import dev.fedgate.gateway.storage.WebhookJobStore;
import dev.fedgate.testkit.junit.FedgateExtension;
import dev.fedgate.testkit.peers.HttpResult;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A gateway without a webhook URL: site events reach the Site API's event log, and no webhook job piles up. */
class EmbeddedWithoutWebhooksTest {
  @RegisterExtension
  static FedgateExtension gateway = FedgateExtension.embedded();

  @Test
  void siteEvent_withoutAWebhookUrl_isServedByTheEventLog_andQueuesNoWebhook() {
    WebhookJobStore webhooks = gateway.gateway().storage().webhookJobs();

    List<JobId> ids = await(webhooks.enqueueAll(List.of(new WebhookEvent("follow.created", "{\"n\":1}"))));

    assertThat(await(webhooks.stats(Instant.now())).waiting()).isZero();
    HttpResult events = gateway.siteApi().get("/api/v1/events?limit=10");
    assertThat(events.status()).isEqualTo(200);
    assertThat(events.text()).contains("\"evt_" + ids.get(0).value() + "\"");
  }
}
