package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.core.Secret;
import org.junit.jupiter.api.Test;

/**
 * Account status webhook events (docs.asaas.com "Eventos para verificar situação da conta") in the
 * typed model: every documented name is typed with its {@code accountStatus} read as
 * {@link AccountStatus}, an unknown {@code ACCOUNT_STATUS_…} name is UNKNOWN with the raw name
 * kept, a status that cannot be mapped falls back to an {@link OtherEvent} with the reason, and one
 * without an {@code accountStatus} object stays an {@link OtherEvent}.
 */
class AccountStatusEventTest {

  private static final String TOKEN = "whsec-ysh-0123456789abcdef0123456789abcdef";
  /** An {@code accountStatus} in the shape of {@code GET /myAccount/status/}, every field distinct. */
  private static final String STATUS = """
      {"id":"4a6e3d5b-4c3e-4b2c-9a1f-5e8d7c6b5a41","commercialInfo":"APPROVED","bankAccountInfo":"AWAITING_APPROVAL",
       "documentation":"REJECTED","general":"PENDING"}""";
  private final AsaasWebhooks webhooks = AsaasWebhooks.builder().authToken(Secret.of(TOKEN)).build();

  private static String envelope(String event, String status) {
    return "{\"id\":\"evt_6561b631fa5580caaa4e3e0c6ba9d1a0&9193\",\"event\":\"" + event
        + "\",\"dateCreated\":\"2024-06-12 16:45:03\",\"account\":{\"id\":\"47ed0d25-f9fb-4b35-b23a-d8895caf92b7\",\"ownerId\":null},"
        + "\"accountStatus\":" + status + "}";
  }

  @Test
  void everyDocumentedNameIsTypedWithItsStatus() {
    assertThat(AccountStatusEventType.values()).hasSize(17);
    for (AccountStatusEventType type : AccountStatusEventType.values()) {
      if (type == AccountStatusEventType.UNKNOWN) {
        continue;
      }
      WebhookEvent e = webhooks.parse(envelope(type.name(), STATUS));
      assertThat(e).isInstanceOfSatisfying(AccountStatusEvent.class, a -> {
        assertThat(a.type()).isEqualTo(type);
        assertThat(a.rawEvent()).isEqualTo(type.name());
        assertThat(a.id()).isEqualTo("evt_6561b631fa5580caaa4e3e0c6ba9d1a0&9193");
        assertThat(a.dateCreated()).hasYear(2024).hasMonthValue(6).hasDayOfMonth(12).hasHour(16).hasMinute(45).hasSecond(3);
        assertThat(a.raw().path("account").path("id").asText()).isEqualTo("47ed0d25-f9fb-4b35-b23a-d8895caf92b7");
        AccountStatus s = a.accountStatus();
        assertThat(s.id()).isEqualTo("4a6e3d5b-4c3e-4b2c-9a1f-5e8d7c6b5a41");
        assertThat(s.rawCommercialInfo()).isEqualTo("APPROVED");
        assertThat(s.commercialInfo()).isEqualTo(AccountApprovalStatus.APPROVED);
        assertThat(s.rawBankAccountInfo()).isEqualTo("AWAITING_APPROVAL");
        assertThat(s.bankAccountInfo()).isEqualTo(AccountApprovalStatus.AWAITING_APPROVAL);
        assertThat(s.rawDocumentation()).isEqualTo("REJECTED");
        assertThat(s.documentation()).isEqualTo(AccountApprovalStatus.REJECTED);
        assertThat(s.rawGeneral()).isEqualTo("PENDING");
        assertThat(s.general()).isEqualTo(AccountApprovalStatus.PENDING);
      });
    }
  }

  @Test
  void anUnknownAccountStatusEventIsTypedUnknownWithItsRawName() {
    assertThat(webhooks.parse(envelope("ACCOUNT_STATUS_PIX_KEY_APPROVED", STATUS)))
        .isInstanceOfSatisfying(AccountStatusEvent.class, a -> {
          assertThat(a.type()).isEqualTo(AccountStatusEventType.UNKNOWN);
          assertThat(a.rawEvent()).isEqualTo("ACCOUNT_STATUS_PIX_KEY_APPROVED");
          assertThat(a.accountStatus().id()).isEqualTo("4a6e3d5b-4c3e-4b2c-9a1f-5e8d7c6b5a41");
        });
    assertThat(AccountStatusEventType.from("ACCOUNT_STATUS_DOCUMENT_REJECTED"))
        .isEqualTo(AccountStatusEventType.ACCOUNT_STATUS_DOCUMENT_REJECTED);
    assertThat(AccountStatusEventType.from(null)).isNull();
  }

  @Test
  void anUnmappableStatusFallsBackToOtherEvent() {
    assertThat(webhooks.parse(envelope("ACCOUNT_STATUS_GENERAL_APPROVAL_APPROVED", "{\"id\":\"a1\",\"general\":{\"value\":\"APPROVED\"}}")))
        .isInstanceOfSatisfying(OtherEvent.class, o -> {
          assertThat(o.family()).isEqualTo("accountStatus");
          assertThat(o.rawEvent()).isEqualTo("ACCOUNT_STATUS_GENERAL_APPROVAL_APPROVED");
          assertThat(o.unmappedReason()).hasValueSatisfying(r -> assertThat(r).contains("AccountStatus"));
          assertThat(o.object().get("id").asText()).isEqualTo("a1");
        });
    assertThat(webhooks.parse("{\"id\":\"evt_1&9\",\"event\":\"ACCOUNT_STATUS_DOCUMENT_APPROVED\",\"account\":{\"id\":\"x\"}}"))
        .as("no accountStatus object: still surfaced raw").isInstanceOfSatisfying(OtherEvent.class, o -> {
          assertThat(o.family()).isEqualTo("account");
          assertThat(o.unmappedReason()).isEmpty();
        });
  }
}
