package io.ysh.asaas;

import java.time.LocalDateTime;

/**
 * A static Pix QR code, as Asaas answers its create.
 *
 * <p>Source: the official schema's {@code PixQrCodeSaveResponseDto} (asaasdev/asaas-api-sdk-java,
 * documentation/models; its descriptions of {@code id} and {@code encodedImage} are swapped there).
 * Asaas has no endpoint to read a static QR code back: keep this answer.
 *
 * @param id the QR code's id (to delete it)
 * @param encodedImage the QR code as a base64 PNG, or null for format PAYLOAD
 * @param payload the copy-and-paste code (Pix copia e cola), or null for format IMAGE
 * @param allowsMultiplePayments whether it can be paid more than once
 * @param expirationDate when payments start being refused, or null
 * @param externalReference your reference
 */
public record PixStaticQrCode(
    String id,
    String encodedImage,
    String payload,
    Boolean allowsMultiplePayments,
    LocalDateTime expirationDate,
    String externalReference) {
}
