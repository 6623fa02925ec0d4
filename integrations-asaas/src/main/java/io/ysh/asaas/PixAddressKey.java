package io.ysh.asaas;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDateTime;

/**
 * One of the account's Pix address keys, as Asaas returns it.
 *
 * <p>Source: the official schema's {@code PixAddressKeyGetResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models).
 *
 * @param id the key's id in Asaas
 * @param key the key itself (a random key for those created through the API)
 * @param rawType the key's type as Asaas sent it (EVP for those created through the API)
 * @param rawStatus the key's status as Asaas sent it
 * @param dateCreated when it was created
 * @param canBeDeleted whether it can be deleted now
 * @param cannotBeDeletedReason why it cannot, or null
 * @param qrCode a QR code for the key, without value (its {@code expirationDate} is null)
 */
public record PixAddressKey(
    String id,
    String key,
    @JsonProperty("type") String rawType,
    @JsonProperty("status") String rawStatus,
    LocalDateTime dateCreated,
    Boolean canBeDeleted,
    String cannotBeDeletedReason,
    PixQrCode qrCode) {

  /**
   * The key's type.
   *
   * @return the type, {@link PixKeyType#UNKNOWN} when this SDK does not know it, or null
   */
  public PixKeyType type() {
    return PixKeyType.from(rawType);
  }

  /**
   * The key's status.
   *
   * @return the status, {@link PixKeyStatus#UNKNOWN} when this SDK does not know it, or null
   */
  public PixKeyStatus status() {
    return PixKeyStatus.from(rawStatus);
  }
}
