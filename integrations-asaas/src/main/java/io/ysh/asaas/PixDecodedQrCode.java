package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What a QR code says before paying it ({@code POST /v3/pix/qrCodes/decode}).
 *
 * <p>Source: the official schema's {@code PixQrCodeDecodeResponseDto} and
 * {@code PixQrCodeDecodeReceiverDto} (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param payload the copy-and-paste code
 * @param rawType STATIC, DYNAMIC, DYNAMIC_WITH_ASAAS_ADDRESS_KEY or COMPOSITE, as Asaas sent it
 * @param rawTransactionOriginType the origin a payment would have, as Asaas sent it
 * @param pixKey the receiver's key
 * @param conciliationIdentifier the reconciliation identifier
 * @param dueDate the due date, or null
 * @param expirationDate when it expires, or null
 * @param rawFinality WITHDRAWAL or CHANGE, as Asaas sent it, or null
 * @param value the value
 * @param changeValue the change, or null
 * @param interest the interest
 * @param fine the fine
 * @param discount the discount
 * @param totalValue the value with interest, fine and discount
 * @param canBePaidWithDifferentValue whether another value may be paid
 * @param canBeModifyChangeValue whether the change may be changed
 * @param receiver who receives
 * @param payer the payer named in the code, or null
 * @param description the description given when it was created
 * @param canBePaid whether it can be paid now
 * @param cannotBePaidReason why not, or null
 */
public record PixDecodedQrCode(
    String payload,
    @JsonProperty("type") String rawType,
    @JsonProperty("transactionOriginType") String rawTransactionOriginType,
    String pixKey,
    String conciliationIdentifier,
    LocalDate dueDate,
    LocalDateTime expirationDate,
    @JsonProperty("finality") String rawFinality,
    Money value,
    Money changeValue,
    Money interest,
    Money fine,
    Money discount,
    Money totalValue,
    Boolean canBePaidWithDifferentValue,
    Boolean canBeModifyChangeValue,
    Receiver receiver,
    PixTransaction.Payer payer,
    String description,
    Boolean canBePaid,
    String cannotBePaidReason) {

  /**
   * The kind of QR code.
   *
   * @return the type, {@link PixQrCodeType#UNKNOWN} when this SDK does not know it, or null
   */
  public PixQrCodeType type() {
    return PixQrCodeType.from(rawType);
  }

  /**
   * The origin a payment of it would have.
   *
   * @return the origin, {@link PixTransactionOriginType#UNKNOWN} when this SDK does not know it, or null
   */
  public PixTransactionOriginType transactionOriginType() {
    return PixTransactionOriginType.from(rawTransactionOriginType);
  }

  /**
   * Who receives a payment of the code.
   *
   * @param ispb the institution's code
   * @param ispbName the institution's name
   * @param name the receiver's name
   * @param tradingName the receiver's trade name
   * @param cpfCnpj the receiver's CPF or CNPJ
   * @param personType FISICA or JURIDICA, as Asaas sent it
   * @param accountType the receiver's account type, as Asaas sent it
   */
  public record Receiver(String ispb, String ispbName, String name, String tradingName, String cpfCnpj, String personType, String accountType) {

    /** Masks the CPF/CNPJ. */
    @Override
    public String toString() {
      return "Receiver[ispb=" + ispb + ", ispbName=" + ispbName + ", name=" + name + ", tradingName=" + tradingName + "]";
    }
  }
}
