package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Payment link images on the wire (PaymentLinkService: addAnImageToAPaymentsLink,
 * listImagesFromAPaymentsLink, retrieveASinglePaymentsLinkImage, removeAnImageFromPaymentsLink,
 * setPaymentsLinkMainImage): the upload is a multipart form whose parts are asserted one by one
 * (main as text, image as a file with its name, content type and exact bytes), it is not retried,
 * the documented response is read, and bad arguments are refused before sending.
 */
class PaymentLinkImagesWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final String LINK_ID = "725104409743";
  private static final String IMAGE_ID = "417d1fe7-f530-4368-935f-699045f2bf5d";
  private static final String IMAGE = """
      {"id":"417d1fe7-f530-4368-935f-699045f2bf5d","main":true,"image":{"originalName":"kit-solar.png","size":6,"extension":"png",
       "previewUrl":"https://www.asaas.com/i/preview","downloadUrl":"https://www.asaas.com/i/download"}}""";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a};
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
  void uploadIsAMultipartFormWithMainAndTheImageFile() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/paymentLinks/" + LINK_ID + "/images")).willReturn(okJson(IMAGE)));
    PaymentLinkImage img = asaas.paymentLinks().addImage(LINK_ID, "kit-solar.png", PNG, true);
    LoggedRequest r = WIRE.request(postRequestedFor(urlPathEqualTo("/v3/paymentLinks/" + LINK_ID + "/images")));
    assertThat(r.getHeader("Content-Type")).startsWith("multipart/form-data");
    assertThat(r.getParts()).hasSize(2);
    var main = r.getPart("main");
    assertThat(main.getBody().asString()).isEqualTo("true");
    assertThat(main.getHeader("Content-Disposition").firstValue()).isEqualTo("form-data; name=\"main\"");
    var file = r.getPart("image");
    assertThat(file.getHeader("Content-Disposition").firstValue()).isEqualTo("form-data; name=\"image\"; filename=\"kit-solar.png\"");
    assertThat(file.getHeader("Content-Type").firstValue()).isEqualTo("image/png");
    assertThat(file.getBody().asBytes()).containsExactly(PNG);

    assertThat(img.id()).isEqualTo(IMAGE_ID);
    assertThat(img.main()).isTrue();
    assertThat(img.image().originalName()).isEqualTo("kit-solar.png");
    assertThat(img.image().size()).isEqualTo(6L);
    assertThat(img.image().extension()).isEqualTo("png");
    assertThat(img.image().previewUrl()).isEqualTo("https://www.asaas.com/i/preview");
    assertThat(img.image().downloadUrl()).isEqualTo("https://www.asaas.com/i/download");

    WIRE.wm.resetRequests();
    asaas.paymentLinks().addImage(LINK_ID, "ficha.bin", "abc".getBytes(StandardCharsets.UTF_8), false);
    LoggedRequest second = WIRE.request(postRequestedFor(urlPathEqualTo("/v3/paymentLinks/" + LINK_ID + "/images")));
    assertThat(second.getPart("main").getBody().asString()).isEqualTo("false");
    assertThat(second.getPart("image").getHeader("Content-Type").firstValue()).isEqualTo("application/octet-stream");
  }

  @Test
  void anUploadIsNotRetriedAfterAnAmbiguousFailure() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/paymentLinks/" + LINK_ID + "/images")).willReturn(aResponse().withStatus(502)));
    assertThatThrownBy(() -> asaas.paymentLinks().addImage(LINK_ID, "kit-solar.png", PNG, false)).isInstanceOf(YshException.class);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/paymentLinks/" + LINK_ID + "/images")))).hasSize(1);
  }

  @Test
  void listGetDeleteAndSetMainUseTheDocumentedPaths() {
    String base = "/v3/paymentLinks/" + LINK_ID + "/images";
    WIRE.wm.stubFor(get(urlPathEqualTo(base)).willReturn(okJson(AsaasWireMockTest.list(IMAGE))));
    WIRE.wm.stubFor(get(urlPathEqualTo(base + "/" + IMAGE_ID)).willReturn(okJson(IMAGE)));
    WIRE.wm.stubFor(delete(urlPathEqualTo(base + "/" + IMAGE_ID)).willReturn(okJson("{\"deleted\":true,\"id\":\"" + IMAGE_ID + "\"}")));
    WIRE.wm.stubFor(put(urlPathEqualTo(base + "/" + IMAGE_ID + "/setAsMain")).willReturn(okJson(IMAGE)));

    assertThat(asaas.paymentLinks().images(LINK_ID).data()).singleElement().satisfies(i -> assertThat(i.id()).isEqualTo(IMAGE_ID));
    assertThat(asaas.paymentLinks().image(LINK_ID, IMAGE_ID).image().extension()).isEqualTo("png");
    DeletedResource d = asaas.paymentLinks().deleteImage(LINK_ID, IMAGE_ID);
    assertThat(d.deleted()).isTrue();
    assertThat(d.id()).isEqualTo(IMAGE_ID);
    assertThat(WIRE.wm.findAll(deleteRequestedFor(urlPathEqualTo(base + "/" + IMAGE_ID)))).hasSize(1);
    assertThat(asaas.paymentLinks().setMainImage(LINK_ID, IMAGE_ID).main()).isTrue();
    assertThat(WIRE.body(putRequestedFor(urlPathEqualTo(base + "/" + IMAGE_ID + "/setAsMain"))).size()).as("an empty object").isZero();
  }

  @Test
  void badArgumentsAreRefusedBeforeSendingNamingTheArgument() {
    assertInvalid(() -> asaas.paymentLinks().addImage(null, "a.png", PNG, false), "linkId");
    assertInvalid(() -> asaas.paymentLinks().addImage(LINK_ID, null, PNG, false), "filename");
    assertInvalid(() -> asaas.paymentLinks().addImage(LINK_ID, " ", PNG, false), "filename");
    assertInvalid(() -> asaas.paymentLinks().addImage(LINK_ID, "a\".png", PNG, false), "filename");
    assertInvalid(() -> asaas.paymentLinks().addImage(LINK_ID, "a.png", new byte[0], false), "content");
    assertInvalid(() -> asaas.paymentLinks().addImage(LINK_ID, "a.png", null, false), "content");
    assertInvalid(() -> asaas.paymentLinks().image(LINK_ID, ""), "imageId");
    assertInvalid(() -> asaas.paymentLinks().deleteImage("", IMAGE_ID), "linkId");
    assertInvalid(() -> asaas.paymentLinks().setMainImage(LINK_ID, null), "imageId");
    assertThat(WIRE.wm.getAllServeEvents()).isEmpty();
  }

  private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String argument) {
    assertThatThrownBy(call).isInstanceOfSatisfying(YshException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
      assertThat(e.getMessage()).contains(argument);
    });
  }
}
