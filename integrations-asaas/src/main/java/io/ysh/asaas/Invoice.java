package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;

/**
 * An NFS-e as Asaas returns it.
 *
 * <p>Source: the official schema's {@code InvoiceGetResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models) and the example body of docs.asaas.com "Eventos para notas fiscais".
 *
 * @param id the invoice's id ({@code inv_…})
 * @param rawStatus the status as Asaas sent it
 * @param customer the customer's id
 * @param payment the payment's id, or null
 * @param installment the installment plan's id, or null
 * @param type the invoice type as Asaas sent it ({@code NFS-e})
 * @param statusDescription why it is in its status (the city hall's message on ERROR), or null
 * @param serviceDescription the description of the services
 * @param pdfUrl the PDF of the issued invoice, or null before it is issued
 * @param xmlUrl the XML of the issued invoice, or null before it is issued
 * @param rpsSerie the RPS series
 * @param rpsNumber the RPS number
 * @param number the invoice number given by the city hall
 * @param validationCode the verification code
 * @param value the total value
 * @param deductions the deductions (they change the ISS base)
 * @param effectiveDate the issue date
 * @param observations additional observations
 * @param estimatedTaxesDescription the estimated taxes text
 * @param externalReference your reference
 * @param taxes the taxes
 * @param municipalServiceId the municipal service's id
 * @param municipalServiceCode the municipal service's code
 * @param municipalServiceName the municipal service's name
 */
public record Invoice(
    String id,
    @JsonProperty("status") String rawStatus,
    String customer,
    String payment,
    String installment,
    String type,
    String statusDescription,
    String serviceDescription,
    String pdfUrl,
    String xmlUrl,
    String rpsSerie,
    String rpsNumber,
    String number,
    String validationCode,
    Money value,
    Money deductions,
    LocalDate effectiveDate,
    String observations,
    String estimatedTaxesDescription,
    String externalReference,
    InvoiceTaxes taxes,
    String municipalServiceId,
    String municipalServiceCode,
    String municipalServiceName) {

  /**
   * The status.
   *
   * @return the value, {@link InvoiceStatus#UNKNOWN} when this SDK does not know it, or null
   */
  public InvoiceStatus status() {
    return InvoiceStatus.from(rawStatus);
  }
}
