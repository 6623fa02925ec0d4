package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications on the wire: a customer's list (docs.asaas.com "Notificações padrão" example),
 * the update body field by field (NotificationUpdateRequestDto as in the schema's example), the
 * batch body with each item's id (docs.asaas.com "Alterando notificações de um cliente"), and the
 * local checks.
 */
class NotificationsWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final String RECEIVED = """
      {"object":"notification","id":"not_f8JpoWuEjEKd","customer":"cus_Y4AEif5zrMGK","enabled":true,"emailEnabledForProvider":true,
       "smsEnabledForProvider":false,"emailEnabledForCustomer":true,"smsEnabledForCustomer":true,"phoneCallEnabledForCustomer":false,
       "whatsappEnabledForCustomer":false,"event":"PAYMENT_RECEIVED","scheduleOffset":0,"deleted":false}""";
  private static final String WARNING = """
      {"object":"notification","id":"not_1igKsZL9xpsl","customer":"cus_Y4AEif5zrMGK","enabled":true,"emailEnabledForProvider":false,
       "smsEnabledForProvider":false,"emailEnabledForCustomer":true,"smsEnabledForCustomer":true,"phoneCallEnabledForCustomer":false,
       "whatsappEnabledForCustomer":false,"event":"PAYMENT_DUEDATE_WARNING","scheduleOffset":0,"deleted":false}""";
  private AsaasClient asaas;

  @AfterAll
  static void stop() {
    WIRE.close();
  }

  @BeforeEach
  void reset() {
    WIRE.wm.resetAll();
    asaas = WIRE.client();
  }

  @Test
  void aCustomersNotificationsAreListedTyped() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/customers/cus_Y4AEif5zrMGK/notifications"))
        .willReturn(okJson(AsaasWireMockTest.list(RECEIVED, WARNING))));
    List<Notification> all = asaas.notifications().stream("cus_Y4AEif5zrMGK").toList();
    assertThat(all).extracting(Notification::event).containsExactly(NotificationEvent.PAYMENT_RECEIVED, NotificationEvent.PAYMENT_DUEDATE_WARNING);
    assertThat(all.get(0).emailEnabledForProvider()).isTrue();
    assertThat(all.get(1).scheduleOffset()).isZero();
    assertThat(WIRE.request(getRequestedFor(urlPathEqualTo("/v3/customers/cus_Y4AEif5zrMGK/notifications"))).getQueryParams()
        .get("limit").firstValue()).isEqualTo("100");
  }

  @Test
  void updateSendsOnlyTheGivenSettings() {
    WIRE.wm.stubFor(put(urlPathEqualTo("/v3/notifications/not_wuGp97JeCr7G")).willReturn(okJson(WARNING)));
    asaas.notifications().update("not_wuGp97JeCr7G", NotificationUpdate.builder().enabled(true).emailEnabledForProvider(true)
        .smsEnabledForProvider(true).emailEnabledForCustomer(true).smsEnabledForCustomer(true).phoneCallEnabledForCustomer(true)
        .whatsappEnabledForCustomer(false).scheduleOffset(0).build());
    JsonNode b = WIRE.body(putRequestedFor(urlPathEqualTo("/v3/notifications/not_wuGp97JeCr7G")));
    assertThat(b.get("enabled").asBoolean()).isTrue();
    assertThat(b.get("emailEnabledForProvider").asBoolean()).isTrue();
    assertThat(b.get("smsEnabledForProvider").asBoolean()).isTrue();
    assertThat(b.get("emailEnabledForCustomer").asBoolean()).isTrue();
    assertThat(b.get("smsEnabledForCustomer").asBoolean()).isTrue();
    assertThat(b.get("phoneCallEnabledForCustomer").asBoolean()).isTrue();
    assertThat(b.get("whatsappEnabledForCustomer").asBoolean(true)).isFalse();
    assertThat(b.get("scheduleOffset").asInt(-1)).isZero();
    assertThat(b.size()).isEqualTo(8);

    asaas.notifications().update("not_wuGp97JeCr7G", NotificationUpdate.builder().smsEnabledForCustomer(false).build());
    JsonNode second = AsaasJson.mapper().valueToTree(NotificationUpdate.builder().smsEnabledForCustomer(false).build());
    assertThat(second.size()).as("absent settings are not sent").isEqualTo(1);
  }

  @Test
  void aBatchCarriesTheCustomerAndEachNotificationsId() {
    WIRE.wm.stubFor(put(urlPathEqualTo("/v3/notifications/batch")).willReturn(okJson("{\"notifications\":[" + RECEIVED + "," + WARNING + "]}")));
    Map<String, NotificationUpdate> updates = new LinkedHashMap<>();
    updates.put("not_f8JpoWuEjEKd", NotificationUpdate.builder().enabled(true).emailEnabledForProvider(true).build());
    updates.put("not_1igKsZL9xpsl", NotificationUpdate.builder().enabled(false).build());
    List<Notification> changed = asaas.notifications().updateBatch("cus_Y4AEif5zrMGK", updates);
    assertThat(changed).hasSize(2);
    JsonNode b = WIRE.body(putRequestedFor(urlPathEqualTo("/v3/notifications/batch")));
    assertThat(b.get("customer").asText()).isEqualTo("cus_Y4AEif5zrMGK");
    assertThat(b.get("notifications")).hasSize(2);
    JsonNode first = b.get("notifications").get(0);
    assertThat(first.get("id").asText()).isEqualTo("not_f8JpoWuEjEKd");
    assertThat(first.get("enabled").asBoolean()).isTrue();
    assertThat(first.get("emailEnabledForProvider").asBoolean()).isTrue();
    assertThat(first.size()).isEqualTo(3);
    JsonNode second = b.get("notifications").get(1);
    assertThat(second.get("id").asText()).isEqualTo("not_1igKsZL9xpsl");
    assertThat(second.get("enabled").asBoolean(true)).isFalse();
    assertThat(second.size()).isEqualTo(2);
    assertThat(b.size()).isEqualTo(2);
  }

  @Test
  void badInputIsRefusedBeforeSendingNamingTheArgument() {
    assertThatThrownBy(() -> NotificationUpdate.builder().scheduleOffset(3).build()).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains("scheduleOffset");
    });
    assertThatThrownBy(() -> asaas.notifications().updateBatch("cus_1", Map.of())).hasMessageContaining("updates");
    assertThatThrownBy(() -> asaas.notifications().updateBatch("cus_1", Map.of("not/1", NotificationUpdate.builder().build())))
        .hasMessageContaining("updates");
    assertThatThrownBy(() -> asaas.notifications().list("cus/../x", 0, 10)).hasMessageContaining("customer");
    assertThatThrownBy(() -> asaas.notifications().update("not_1", null)).hasMessageContaining("update");
    assertThat(WIRE.wm.getAllServeEvents()).isEmpty();
  }
}
