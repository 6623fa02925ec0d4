package io.ysh.asaas;

import io.ysh.core.Args;
import com.fasterxml.jackson.databind.JavaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Payment links ({@code /paymentLinks}): a page where a payer pays once (DETACHED), in
 * installments (INSTALLMENT) or by subscription (RECURRENT); each payment made through it
 * carries the link's id ({@link Payment#paymentLink()}). Obtain from
 * {@link AsaasClient#paymentLinks()}. Thread-safe.
 *
 * <p>Source: docs.asaas.com "Links de pagamento" and the official schema's PaymentLinkService
 * (asaasdev/asaas-api-sdk-java, documentation/services/PaymentLinkService.md):
 * {@code POST/GET /v3/paymentLinks}, {@code GET/PUT/DELETE /v3/paymentLinks/{id}},
 * {@code POST /v3/paymentLinks/{id}/restore}; images: {@code GET/POST /v3/paymentLinks/{id}/images}
 * ("listImagesFromAPaymentsLink", "addAnImageToAPaymentsLink": {@code PaymentLinkFileSaveRequestDto}
 * with {@code main} and the file {@code image}, a multipart form), {@code GET/DELETE
 * /v3/paymentLinks/{paymentLinkId}/images/{imageId}} ("retrieveASinglePaymentsLinkImage",
 * "removeAnImageFromPaymentsLink") and {@code PUT
 * /v3/paymentLinks/{paymentLinkId}/images/{imageId}/setAsMain} ("setPaymentsLinkMainImage"), each
 * answering {@code PaymentLinkFileGetResponseDto} (or {@code PaymentLinkFileDeleteResponseDto}).
 *
 * <p>Creates follow the exactly-once protocol of {@link Payments}: every create carries an
 * {@code externalReference} (yours or a generated one); after an ambiguous failure the link is
 * looked up by it (matching name, charge type, billing type and value), never posted again;
 * {@link AsaasOutcomeUnknownException} otherwise, resolved by {@link #reconcile(PaymentLinkRequest)}.
 * Updates are PUTs, retried like reads; GETs are retried with backoff on connection errors, 5xx
 * and 429 (after {@code RateLimit-Reset}).
 */
public final class PaymentLinks {

  private final AsaasTransport t;
  private final ExactlyOnce once;
  private final JavaType one;
  private final JavaType page;
  private final JavaType deleted;
  private final JavaType image;
  private final JavaType images;

  PaymentLinks(AsaasTransport t, ExactlyOnce once) {
    this.t = t;
    this.once = once;
    this.one = t.type(PaymentLink.class);
    this.page = t.pageOf(PaymentLink.class);
    this.deleted = t.type(DeletedResource.class);
    this.image = t.type(PaymentLinkImage.class);
    this.images = t.pageOf(PaymentLinkImage.class);
  }

  /**
   * Creates a link, exactly once.
   *
   * @param request the link; name, billingType and chargeType are required
   * @return the link, with its {@link PaymentLink#url()}
   * @throws AsaasOutcomeUnknownException when it may have been created but did not appear:
   *     resolve with {@link #reconcile(PaymentLinkRequest)}
   */
  public PaymentLink create(PaymentLinkRequest request) {
    Validation.required("request", request);
    Validation.required("name", request.name());
    Validation.required("billingType", request.billingType());
    Validation.required("chargeType", request.chargeType());
    if (request.active() != null) {
      throw Validation.invalid("active", "is for updates only (Asaas's create does not define it)");
    }
    Validation.notPast("endDate", request.endDate(), t.today());
    String ref = References.orGenerate(request.externalReference());
    PaymentLinkRequest body = request.withExternalReference(ref);
    return once.run(new ExactlyOnce.Spec<>(
        "paymentLinks.create",
        "POST " + t.basePath() + "/paymentLinks",
        "paymentLinks:" + ref,
        ref,
        () -> body,
        () -> {},
        () -> t.attemptCreate("paymentLinks.create", "/paymentLinks", body, one),
        () -> lookup(body),
        id -> {
          PaymentLink l = get(id);
          return ref.equals(l.externalReference()) && matches(body, l) ? new ExactlyOnce.Match.Found<>(l)
              : new ExactlyOnce.Match.Conflict<>(List.of(id));
        },
        PaymentLink::id,
        true));
  }

  /**
   * Resolves a create whose outcome was unknown: the link with the request's
   * {@code externalReference}, name, charge type, billing type and value. Never creates.
   *
   * @param request the request as sent, with its {@code externalReference}
   * @return the link, or empty when it was not created
   * @throws AsaasConflictException when only different links use the reference
   */
  public Optional<PaymentLink> reconcile(PaymentLinkRequest request) {
    Validation.required("request", request);
    Validation.required("externalReference", request.externalReference());
    ExactlyOnce.Match<PaymentLink> m = lookup(request);
    if (m instanceof ExactlyOnce.Match.Conflict<PaymentLink> c) {
      throw AsaasConflictException.reused("paymentLinks.reconcile", "GET " + t.basePath() + "/paymentLinks", request.externalReference(), c.ids());
    }
    return m instanceof ExactlyOnce.Match.Found<PaymentLink> f ? Optional.of(f.value()) : Optional.empty();
  }

  private ExactlyOnce.Match<PaymentLink> lookup(PaymentLinkRequest request) {
    String ref = request.externalReference();
    List<String> others = new ArrayList<>();
    for (PaymentLink l : list(PaymentLinkFilter.all().externalReference(ref).includeDeleted(true), 0, 100).data()) {
      if (!ref.equals(l.externalReference())) {
        continue;
      }
      if (matches(request, l)) {
        return new ExactlyOnce.Match.Found<>(l);
      }
      others.add(l.id());
    }
    return others.isEmpty() ? new ExactlyOnce.Match.Absent<>() : new ExactlyOnce.Match.Conflict<>(others);
  }

  private static boolean matches(PaymentLinkRequest r, PaymentLink l) {
    return r.name().equals(l.name()) && r.chargeType() == l.chargeType() && r.billingType() == l.billingType()
        && Objects.equals(r.value(), l.value());
  }

  /**
   * Gets a link.
   *
   * @param id the link's id
   * @return the link
   */
  public PaymentLink get(String id) {
    return t.get("paymentLinks.get", "/paymentLinks/" + Validation.id("id", id), Map.of(), one);
  }

  /**
   * Lists one page of links.
   *
   * @param filter the conditions
   * @param offset the 0-based offset
   * @param limit the page size, 1 to 100
   * @return the page
   */
  public Page<PaymentLink> list(PaymentLinkFilter filter, int offset, int limit) {
    Args.notNull(filter, "filter");
    Validation.required("filter", filter);
    return t.get("paymentLinks.list", "/paymentLinks", References.paging(filter.params(), offset, limit), page);
  }

  /**
   * Streams every matching link lazily.
   *
   * @param filter the conditions
   * @return a sequential, lazy stream
   */
  public Stream<PaymentLink> stream(PaymentLinkFilter filter) {
    Args.notNull(filter, "filter");
    return Paginator.stream((o, l) -> list(filter, o, l), PaymentLink::id);
  }

  /**
   * Changes a link (only the fields given). A PUT: retried on connection errors and 5xx.
   *
   * @param id the link's id
   * @param request the fields to change; {@code isAddressRequired} is not accepted (Asaas's update does not define it)
   * @return the link
   */
  public PaymentLink update(String id, PaymentLinkRequest request) {
    Validation.id("id", id);
    Validation.required("request", request);
    if (request.isAddressRequired() != null) {
      throw Validation.invalid("isAddressRequired", "cannot be changed by an update (Asaas's update does not define it)");
    }
    Validation.notPast("endDate", request.endDate(), t.today());
    return t.send("paymentLinks.update", "PUT", "/paymentLinks/" + id, request, one, true);
  }

  /**
   * Deletes a link: it no longer accepts payments (restorable).
   *
   * @param id the link's id
   * @return Asaas's answer
   */
  public DeletedResource delete(String id) {
    return t.send("paymentLinks.delete", "DELETE", "/paymentLinks/" + Validation.id("id", id), null, deleted, false);
  }

  /**
   * Restores a deleted link.
   *
   * @param id the link's id
   * @return the link
   */
  public PaymentLink restore(String id) {
    return t.send("paymentLinks.restore", "POST", "/paymentLinks/" + Validation.id("id", id) + "/restore", null, one, false);
  }

  /**
   * Uploads an image to a link, as the multipart form Asaas takes: a text part {@code main}
   * ({@code true} or {@code false}) and a file part {@code image} carrying {@code filename} and a
   * content type guessed from its extension ({@code application/octet-stream} when unknown). A POST
   * that creates: never retried, so after an ambiguous failure check {@link #images(String)} before
   * uploading again.
   *
   * @param linkId the link's id
   * @param filename the file's name, such as {@code kit-solar.png}
   * @param content the image's bytes, not empty
   * @param main true to make it the link's main image
   * @return the image, with its id
   * @throws io.ysh.core.YshException {@code INVALID_ARGUMENT} naming {@code linkId},
   *     {@code filename} or {@code content} when one is missing or blank
   */
  public PaymentLinkImage addImage(String linkId, String filename, byte[] content, boolean main) {
    Validation.id("linkId", linkId);
    Validation.required("filename", filename);
    if (filename.isBlank() || filename.contains("\"") || filename.contains("\r") || filename.contains("\n")) {
      throw Validation.invalid("filename", "must be a non-blank name without quotes or line breaks");
    }
    if (content == null || content.length == 0) {
      throw Validation.invalid("content", "must not be empty");
    }
    String guessed = java.net.URLConnection.guessContentTypeFromName(filename);
    okhttp3.MediaType type = okhttp3.MediaType.parse(guessed == null ? "application/octet-stream" : guessed);
    return t.sendFile("paymentLinks.addImage", "/paymentLinks/" + linkId + "/images", Map.of("main", Boolean.toString(main)),
        "image", filename, type, content, image);
  }

  /**
   * Lists a link's images.
   *
   * @param linkId the link's id
   * @return the images, as Asaas's page
   */
  public Page<PaymentLinkImage> images(String linkId) {
    return t.get("paymentLinks.images", "/paymentLinks/" + Validation.id("linkId", linkId) + "/images", Map.of(), images);
  }

  /**
   * Gets one image of a link.
   *
   * @param linkId the link's id
   * @param imageId the image's id
   * @return the image
   */
  public PaymentLinkImage image(String linkId, String imageId) {
    return t.get("paymentLinks.image", imagePath(linkId, imageId), Map.of(), image);
  }

  /**
   * Removes an image from a link.
   *
   * @param linkId the link's id
   * @param imageId the image's id
   * @return Asaas's answer
   */
  public DeletedResource deleteImage(String linkId, String imageId) {
    return t.send("paymentLinks.deleteImage", "DELETE", imagePath(linkId, imageId), null, deleted, false);
  }

  /**
   * Makes an image the link's main image (the others stop being main). A PUT: retried on
   * connection errors and 5xx.
   *
   * @param linkId the link's id
   * @param imageId the image's id
   * @return the image
   */
  public PaymentLinkImage setMainImage(String linkId, String imageId) {
    return t.send("paymentLinks.setMainImage", "PUT", imagePath(linkId, imageId) + "/setAsMain", Map.of(), image, true);
  }

  private static String imagePath(String linkId, String imageId) {
    return "/paymentLinks/" + Validation.id("linkId", linkId) + "/images/" + Validation.id("imageId", imageId);
  }
}
