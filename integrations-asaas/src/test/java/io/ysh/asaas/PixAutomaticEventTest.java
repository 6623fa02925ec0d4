package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.Secret;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Pix Automático webhook events (docs.asaas.com "Eventos para Pix Automático") in the typed model:
 * every documented name is typed, the carried object stays raw JSON, an unknown
 * {@code PIX_AUTOMATIC_RECURRING_…} name is UNKNOWN with the raw name kept, and another family is
 * still an {@link OtherEvent}.
 */
class PixAutomaticEventTest {

  private static final String TOKEN = "whsec-ysh-0123456789abcdef0123456789abcdef";
  private static final String ACTIVATED = """
      {"id":"evt_6b1c2f&991","event":"PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED","dateCreated":"2026-02-01 09:30:00",
       "authorization":{"id":"d51008fa-e28e-4823-82b4-4b1fcf485229","status":"ACTIVE","customerId":"cus_000006869125",
                        "frequency":"MONTHLY","contractId":"financiamento-42","value":1250.00}}""";
  private final AsaasWebhooks webhooks = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).build();

  @Test
  void everyDocumentedNameIsTypedAndTheObjectKeptRaw() {
    for (PixAutomaticEventType type : PixAutomaticEventType.values()) {
      if (type == PixAutomaticEventType.UNKNOWN) {
        continue;
      }
      WebhookEvent e = webhooks.parse(ACTIVATED.replace("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED", type.name()));
      assertThat(e).isInstanceOfSatisfying(PixAutomaticEvent.class, p -> {
        assertThat(p.type()).isEqualTo(type);
        assertThat(p.rawEvent()).isEqualTo(type.name());
      });
    }
    PixAutomaticEvent p = (PixAutomaticEvent) webhooks.parse(ACTIVATED);
    assertThat(p.id()).isEqualTo("evt_6b1c2f&991");
    assertThat(p.dateCreated()).isEqualTo(LocalDateTime.of(2026, 2, 1, 9, 30));
    assertThat(p.family()).isEqualTo("authorization");
    assertThat(p.object().get("id").asText()).isEqualTo("d51008fa-e28e-4823-82b4-4b1fcf485229");
    assertThat(p.object().get("status").asText()).isEqualTo("ACTIVE");
    assertThat(p.raw().get("event").asText()).isEqualTo(p.rawEvent());
  }

  @Test
  void anUnknownPixAutomaticNameStaysRawAndOtherFamiliesStayOther() {
    WebhookEvent e = webhooks.parse(ACTIVATED.replace("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED", "PIX_AUTOMATIC_RECURRING_SOMETHING_NEW")
        .replace("\"authorization\"", "\"somethingNew\""));
    assertThat(e).isInstanceOfSatisfying(PixAutomaticEvent.class, p -> {
      assertThat(p.type()).isEqualTo(PixAutomaticEventType.UNKNOWN);
      assertThat(p.rawEvent()).isEqualTo("PIX_AUTOMATIC_RECURRING_SOMETHING_NEW");
      assertThat(p.family()).isEqualTo("somethingNew");
    });
    assertThat(webhooks.parse(ACTIVATED.replace("PIX_AUTOMATIC_RECURRING_AUTHORIZATION_ACTIVATED", "TRANSFER_DONE")))
        .isInstanceOf(OtherEvent.class);
  }

  @Test
  void handleDeliversItToTheProcessorAndAcknowledges() {
    List<WebhookEvent> got = new CopyOnWriteArrayList<>();
    assertThat(webhooks.handle(TOKEN, ACTIVATED, got::add).status()).isEqualTo(200);
    assertThat(webhooks.handle(TOKEN, ACTIVATED, got::add).status()).as("a duplicate").isEqualTo(200);
    assertThat(got).singleElement().isInstanceOf(PixAutomaticEvent.class);
  }
}
