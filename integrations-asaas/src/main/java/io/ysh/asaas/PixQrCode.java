package io.ysh.asaas;

import java.time.LocalDateTime;

/**
 * A payment's PIX QR code. Refetch it after any change to the charge.
 *
 * @param encodedImage the QR code as a base64 PNG
 * @param payload the copy-and-paste code (PIX copia e cola)
 * @param expirationDate when the code expires
 */
public record PixQrCode(
    String encodedImage,
    String payload,
    LocalDateTime expirationDate) {
}
