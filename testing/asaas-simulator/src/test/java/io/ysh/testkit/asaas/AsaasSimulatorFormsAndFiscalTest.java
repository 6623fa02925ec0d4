package io.ysh.testkit.asaas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Raw HTTP against the strict simulator for what the client cannot send: multipart forms are read
 * field by field (a file part too) and strict mode refuses an unknown form field; the fiscal
 * information never answers the password; an unknown invoice or anticipation field is refused;
 * a malformed form is a 400.
 */
class AsaasSimulatorFormsAndFiscalTest {

  private static final ObjectMapper JSON = Json.mapper();
  private static final String BOUNDARY = "ysh-boundary-7d3f";
  private static AsaasSimulator sim;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sim = AsaasSimulator.builder().strict(true).start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  private static String form(String... pairs) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      b.append("--").append(BOUNDARY).append("\r\n");
      if (pairs[i].startsWith("@")) {
        b.append("Content-Disposition: form-data; name=\"").append(pairs[i].substring(1)).append("\"; filename=\"cert.pfx\"\r\n")
            .append("Content-Type: application/octet-stream\r\n\r\n");
      } else {
        b.append("Content-Disposition: form-data; name=\"").append(pairs[i]).append("\"\r\n\r\n");
      }
      b.append(pairs[i + 1]).append("\r\n");
    }
    return b.append("--").append(BOUNDARY).append("--\r\n").toString();
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).header("access_token", sim.apiKey());
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> postForm(String path, String... pairs) throws IOException, InterruptedException {
    return send("POST", path, "multipart/form-data; boundary=" + BOUNDARY, form(pairs));
  }

  @Test
  void fiscalInfoIsReadFromAFormAndNeverAnswersItsSecrets() throws Exception {
    HttpResponse<String> saved = postForm("/fiscalInfo/", "email", "fiscal@ysh.example", "simplesNacional", "true",
        "municipalInscription", "21779501", "rpsNumber", "12", "password", "s3nha-da-prefeitura", "@certificateFile", "\u0001\u0002binary",
        "certificatePassword", "s3nha-do-certificado", "serviceListItem", "Análise");
    assertThat(saved.statusCode()).isEqualTo(200);
    JsonNode fi = JSON.readTree(send("GET", "/fiscalInfo/", null, null).body());
    assertThat(fi.get("email").asText()).isEqualTo("fiscal@ysh.example");
    assertThat(fi.get("simplesNacional").asBoolean()).isTrue();
    assertThat(fi.get("rpsNumber").asLong()).isEqualTo(12);
    assertThat(fi.get("serviceListItem").asText()).as("UTF-8 text parts").isEqualTo("Análise");
    assertThat(fi.get("passwordSent").asBoolean()).isTrue();
    assertThat(fi.get("certificateSent").asBoolean()).isTrue();
    assertThat(fi.get("accessTokenSent").asBoolean()).isFalse();
    assertThat(fi.toString()).doesNotContain("s3nha").doesNotContain("\"password\"").doesNotContain("certificatePassword");
  }

  @Test
  void strictModeRefusesUnknownFormAndJsonFields() throws Exception {
    HttpResponse<String> form = postForm("/fiscalInfo/", "email", "f@ysh.example", "simplesNacional", "false", "senha", "x");
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(form.body()).contains("unknown_field").contains("senha");
    HttpResponse<String> anticipation = postForm("/anticipations", "payment", "pay_1", "valor", "10");
    assertThat(anticipation.statusCode()).isEqualTo(400);
    assertThat(anticipation.body()).contains("valor");
    HttpResponse<String> invoice = send("POST", "/invoices", "application/json",
        "{\"customer\":\"cus_1\",\"taxes\":{\"retainIss\":true,\"issRate\":2}}");
    assertThat(invoice.statusCode()).isEqualTo(400);
    assertThat(invoice.body()).contains("taxes.issRate");
    HttpResponse<String> batch = send("PUT", "/notifications/batch", "application/json",
        "{\"customer\":\"cus_1\",\"notifications\":[{\"id\":\"not_1\",\"emailEnabled\":true}]}");
    assertThat(batch.statusCode()).isEqualTo(400);
    assertThat(batch.body()).contains("notifications[0].emailEnabled");
  }

  @Test
  void aMalformedFormIsABadRequest() throws Exception {
    HttpResponse<String> r = send("POST", "/fiscalInfo/", "multipart/form-data; boundary=" + BOUNDARY,
        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nunterminated");
    assertThat(r.statusCode()).isEqualTo(400);
    HttpResponse<String> noBoundary = send("POST", "/fiscalInfo/", "multipart/form-data", form("email", "x"));
    assertThat(noBoundary.statusCode()).isEqualTo(400);
  }

  @Test
  void invoicesNeedFiscalInfoToBeAuthorizedAndMunicipalServicesToo() throws Exception {
    assertThat(send("GET", "/fiscalInfo/services", null, null).statusCode()).isEqualTo(400);
    String customer = JSON.readTree(send("POST", "/customers", "application/json",
        "{\"name\":\"C\",\"cpfCnpj\":\"52998224725\"}").body()).get("id").asText();
    HttpResponse<String> scheduled = send("POST", "/invoices", "application/json", ("{\"customer\":\"%s\",\"serviceDescription\":\"s\","
        + "\"observations\":\"\",\"value\":10,\"deductions\":0,\"effectiveDate\":\"2099-01-01\",\"municipalServiceCode\":\"1.01\","
        + "\"municipalServiceName\":\"n\",\"taxes\":{\"retainIss\":false,\"cofins\":0,\"csll\":0,\"inss\":0,\"ir\":0,\"pis\":0,\"iss\":2}}")
        .formatted(customer));
    assertThat(scheduled.statusCode()).isEqualTo(200);
    String id = JSON.readTree(scheduled.body()).get("id").asText();
    HttpResponse<String> refused = send("POST", "/invoices/" + id + "/authorize", null, null);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("informações fiscais");
    HttpResponse<String> badTax = send("PUT", "/invoices/" + id, "application/json",
        "{\"value\":20,\"observations\":\"mudou\",\"taxes\":{\"retainIss\":false,\"cofins\":0,\"csll\":0,\"inss\":0,\"ir\":0,\"pis\":0,\"iss\":101}}");
    assertThat(badTax.statusCode()).isEqualTo(400);
    JsonNode after = JSON.readTree(send("GET", "/invoices/" + id, null, null).body());
    assertThat(after.get("status").asText()).isEqualTo("SCHEDULED");
    assertThat(after.get("value").decimalValue()).as("a refused update changes nothing").isEqualByComparingTo("10");
    assertThat(after.get("observations").asText()).isEmpty();
  }

  @Test
  void aPaymentLinkImageMustBeAFilePartAndStrictModeRefusesUnknownFields() throws Exception {
    HttpResponse<String> link = send("POST", "/paymentLinks", "application/json",
        "{\"name\":\"Kit\",\"billingType\":\"PIX\",\"chargeType\":\"DETACHED\",\"value\":100}");
    assertThat(link.statusCode()).isEqualTo(200);
    String id = JSON.readTree(link.body()).get("id").asText();
    HttpResponse<String> ok = postForm("/paymentLinks/" + id + "/images", "main", "true", "@image", "\u0089PNG");
    assertThat(ok.statusCode()).isEqualTo(200);
    JsonNode img = JSON.readTree(ok.body());
    assertThat(img.get("main").asBoolean()).isTrue();
    assertThat(img.path("image").path("originalName").asText()).isEqualTo("cert.pfx");
    assertThat(img.path("image").path("extension").asText()).isEqualTo("pfx");
    HttpResponse<String> text = postForm("/paymentLinks/" + id + "/images", "main", "false", "image", "not a file");
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("invalid_image");
    HttpResponse<String> unknown = postForm("/paymentLinks/" + id + "/images", "@image", "x", "caption", "Frente");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("caption");
    HttpResponse<String> badMain = postForm("/paymentLinks/" + id + "/images", "@image", "x", "main", "sim");
    assertThat(badMain.statusCode()).isEqualTo(400);
    HttpResponse<String> list = send("GET", "/paymentLinks/" + id + "/images", null, null);
    assertThat(JSON.readTree(list.body()).get("data")).hasSize(1);
    HttpResponse<String> setMainWithBody = send("PUT", "/paymentLinks/" + id + "/images/" + img.get("id").asText() + "/setAsMain",
        "application/json", "{\"main\":true}");
    assertThat(setMainWithBody.statusCode()).as("setAsMain takes an empty object").isEqualTo(400);
  }
}
