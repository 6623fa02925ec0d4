package io.ysh.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Pix request records, with every component set, serialize to exactly the field names of the
 * official schema (asaasdev/asaas-api-sdk-java, documentation/models/PixQrCodeSaveRequestDto.md,
 * PixTransactionSaveRequestDto.md, PixTransactionQrCodeSaveRequestDto.md), as
 * {@code RequestFieldNamesTest} does for the other resources; and the Pix Automático authorization
 * request (docs.asaas.com "Criar uma autorização", schema PixReceiverAutomaticRecurringAuthorizationSaveRequest).
 */
class PixRequestFieldNamesTest {

  private static List<String> names(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void staticQrCodeRequestUsesOnlyTheSchemasNames() {
    JsonNode n = AsaasJson.mapper().valueToTree(new PixStaticQrCodeRequest("b6295ee1-f054-47d1-9e90-ee57b74f60d9", "d", Money.of("1.00"),
        PixQrCodeFormat.PAYLOAD, LocalDateTime.of(2030, 1, 1, 10, 0), 60L, true, "r"));
    assertThat(names(n)).containsExactlyInAnyOrderElementsOf(Set.of("addressKey", "description", "value", "format", "expirationDate",
        "expirationSeconds", "allowsMultiplePayments", "externalReference"));
    assertThat(n.get("expirationDate").asText()).isEqualTo("2030-01-01 10:00:00");
  }

  @Test
  void qrCodePaymentRequestUsesOnlyTheSchemasNames() {
    JsonNode n = AsaasJson.mapper().valueToTree(PixQrCodePaymentRequest.of("000201", Money.of("1.00")).description("d")
        .scheduleDate(LocalDate.of(2030, 1, 1)).changeValue(Money.of("0.50")));
    assertThat(names(n)).containsExactlyInAnyOrder("qrCode", "value", "description", "scheduleDate");
    assertThat(names(n.get("qrCode"))).containsExactlyInAnyOrder("payload", "changeValue");
    assertThat(n.get("scheduleDate").asText()).isEqualTo("2030-01-01");
  }

  @Test
  void automaticAuthorizationRequestUsesOnlyTheSchemasNames() {
    JsonNode n = AsaasJson.mapper().valueToTree(new PixAutomaticAuthorizationRequest(PixAutomaticFrequency.WEEKLY, "c", LocalDate.of(2030, 1, 1),
        LocalDate.of(2031, 1, 1), Money.of("1.00"), "d", "cus_1",
        new PixAutomaticAuthorizationRequest.ImmediateQrCode("b6295ee1-f054-47d1-9e90-ee57b74f60d9", 60L, Money.of("1.00"), "d"),
        Money.of("1.00"), PixAutomaticPaymentCreationMode.SUBSCRIPTION, PixAutomaticRetryPolicy.NOT_ALLOWED));
    assertThat(names(n)).containsExactlyInAnyOrder("frequency", "contractId", "startDate", "finishDate", "value", "description", "customerId",
        "immediateQrCode", "minLimitValue", "paymentCreationMode", "retryPolicy");
    assertThat(names(n.get("immediateQrCode"))).containsExactlyInAnyOrder("pixKey", "expirationSeconds", "originalValue", "description");
  }
}
