package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.Secret;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Anticipation webhook events (docs.asaas.com "Eventos para antecipações") in the typed model:
 * every documented name is typed with the documented example's anticipation, an unknown
 * {@code RECEIVABLE_ANTICIPATION_…} name is UNKNOWN with the raw name kept, an anticipation that
 * cannot be mapped falls back to an {@link OtherEvent} with the reason, and one without an
 * {@code anticipation} object stays an {@link OtherEvent}.
 */
class AnticipationEventTest {

  private static final String TOKEN = "whsec-ysh-0123456789abcdef0123456789abcdef";
  /** The example body of docs.asaas.com "Eventos para antecipações". */
  private static final String ANTICIPATION = """
      {"object":"anticipation","id":"29ad50e9-64ee-427e-a00c-a3999510ca0a","installment":null,"payment":"pay_4310966350068380",
       "status":"CREDITED","anticipationDate":"2022-09-19","dueDate":"2022-09-30","requestDate":"2022-09-19","fee":5.64,
       "anticipationDays":11,"netValue":302.37,"totalValue":310,"value":308.01,"denialObservation":null}""";
  private final AsaasWebhooks webhooks = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).build();

  private static String envelope(String event, String anticipation) {
    return "{\"id\":\"evt_05b708f961d739ea7eba7e4db318f621&368604920\",\"event\":\"" + event
        + "\",\"dateCreated\":\"2024-06-12 16:45:03\",\"account\":{\"id\":\"47ed0d25-f9fb-4b35-b23a-d8895caf92b7\",\"ownerId\":null},"
        + "\"anticipation\":" + anticipation + "}";
  }

  @Test
  void everyDocumentedNameIsTypedWithItsAnticipation() {
    assertThat(AnticipationEventType.values()).hasSize(8);
    for (AnticipationEventType type : AnticipationEventType.values()) {
      if (type == AnticipationEventType.UNKNOWN) {
        continue;
      }
      WebhookEvent e = webhooks.parse(envelope(type.name(), ANTICIPATION));
      assertThat(e).isInstanceOfSatisfying(AnticipationEvent.class, a -> {
        assertThat(a.type()).isEqualTo(type);
        assertThat(a.rawEvent()).isEqualTo(type.name());
        assertThat(a.id()).isEqualTo("evt_05b708f961d739ea7eba7e4db318f621&368604920");
        assertThat(a.dateCreated()).hasHour(16).hasMinute(45);
        assertThat(a.raw().path("account").path("id").asText()).isEqualTo("47ed0d25-f9fb-4b35-b23a-d8895caf92b7");
        Anticipation x = a.anticipation();
        assertThat(x.id()).isEqualTo("29ad50e9-64ee-427e-a00c-a3999510ca0a");
        assertThat(x.installment()).isNull();
        assertThat(x.payment()).isEqualTo("pay_4310966350068380");
        assertThat(x.status()).isEqualTo(AnticipationStatus.CREDITED);
        assertThat(x.anticipationDate()).isEqualTo(LocalDate.of(2022, 9, 19));
        assertThat(x.dueDate()).isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(x.fee()).isEqualTo(Money.of("5.64"));
        assertThat(x.anticipationDays()).isEqualTo(11);
        assertThat(x.netValue()).isEqualTo(Money.of("302.37"));
        assertThat(x.totalValue()).isEqualTo(Money.of("310.00"));
        assertThat(x.value()).isEqualTo(Money.of("308.01"));
        assertThat(x.denialObservation()).isNull();
      });
    }
  }

  @Test
  void anUnknownAnticipationEventIsTypedUnknownWithItsRawName() {
    assertThat(webhooks.parse(envelope("RECEIVABLE_ANTICIPATION_REFUNDED", ANTICIPATION)))
        .isInstanceOfSatisfying(AnticipationEvent.class, a -> {
          assertThat(a.type()).isEqualTo(AnticipationEventType.UNKNOWN);
          assertThat(a.rawEvent()).isEqualTo("RECEIVABLE_ANTICIPATION_REFUNDED");
          assertThat(a.anticipation().id()).isEqualTo("29ad50e9-64ee-427e-a00c-a3999510ca0a");
        });
    assertThat(AnticipationEventType.from("RECEIVABLE_ANTICIPATION_DENIED")).isEqualTo(AnticipationEventType.RECEIVABLE_ANTICIPATION_DENIED);
    assertThat(AnticipationEventType.from(null)).isNull();
  }

  @Test
  void anUnmappableAnticipationFallsBackToOtherEvent() {
    assertThat(webhooks.parse(envelope("RECEIVABLE_ANTICIPATION_DENIED", "{\"id\":\"a1\",\"value\":\"muito\"}")))
        .isInstanceOfSatisfying(OtherEvent.class, o -> {
          assertThat(o.family()).isEqualTo("anticipation");
          assertThat(o.rawEvent()).isEqualTo("RECEIVABLE_ANTICIPATION_DENIED");
          assertThat(o.unmappedReason()).hasValueSatisfying(r -> assertThat(r).contains("Anticipation"));
          assertThat(o.object().get("id").asText()).isEqualTo("a1");
        });
    assertThat(webhooks.parse("{\"id\":\"evt_1&9\",\"event\":\"RECEIVABLE_ANTICIPATION_CREDITED\",\"account\":{\"id\":\"x\"}}"))
        .as("no anticipation object: still surfaced raw").isInstanceOfSatisfying(OtherEvent.class, o -> {
          assertThat(o.family()).isEqualTo("account");
          assertThat(o.unmappedReason()).isEmpty();
        });
  }
}
