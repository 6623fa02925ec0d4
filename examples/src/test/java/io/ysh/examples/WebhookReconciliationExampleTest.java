package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Webhook endpoint and reconciliation after downtime, against the AsaasSimulator. */
class WebhookReconciliationExampleTest {

  @Test
  void paymentsMissedWhileDownAreReconciledAndTheQueuedEventsFindThemApplied() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    WebhookReconciliationExample.Result r = new WebhookReconciliationExample(QuickStartDemoTest.print(buffer)).run();

    assertThat(r.paid()).containsExactlyInAnyOrderElementsOf(r.payments()).hasSize(3);
    assertThat(r.appliedByWebhook()).isEqualTo(1);
    assertThat(r.reconciled()).isEqualTo(2);
    assertThat(r.alreadyApplied()).isEqualTo(2);
    assertThat(r.refusedWhileDown()).isGreaterThanOrEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("interrupted=true").contains("paid: 3 of 3");
  }
}
