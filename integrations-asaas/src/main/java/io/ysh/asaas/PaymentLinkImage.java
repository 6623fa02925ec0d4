package io.ysh.asaas;

/**
 * An image of a payment link as Asaas returns it.
 *
 * <p>Source: the official schema's {@code PaymentLinkFileGetResponseDto} and
 * {@code PaymentLinkFileImageResponseDto} (asaasdev/asaas-api-sdk-java, documentation/models).
 *
 * @param id the image's id
 * @param main whether it is the link's main image, or null when not sent
 * @param image the file, or null when not sent
 */
public record PaymentLinkImage(String id, Boolean main, File image) {

  /**
   * The file of a payment link image.
   *
   * @param originalName the name it was uploaded with
   * @param size its size in bytes
   * @param extension its extension, such as {@code png}
   * @param previewUrl where to download its preview
   * @param downloadUrl where to download it
   */
  public record File(String originalName, Long size, String extension, String previewUrl, String downloadUrl) {}
}
