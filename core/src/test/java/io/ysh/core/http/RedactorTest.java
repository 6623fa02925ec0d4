package io.ysh.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RedactorTest {

  private final Redactor redactor = Redactor.defaults();

  @Test
  void masksCredentialHeadersWhole() {
    assertThat(redactor.redactHeader("Authorization", "Bearer abc.def")).isEqualTo(Redactor.MASK);
    assertThat(redactor.redactHeader("access_token", "$aact_prod_000")).isEqualTo(Redactor.MASK);
    assertThat(redactor.redactHeader("ASAAS-ACCESS-TOKEN", "webhook-token")).isEqualTo(Redactor.MASK);
    assertThat(redactor.redactHeader("X-Vault-Token", "hvs.CAESI")).isEqualTo(Redactor.MASK);
    assertThat(redactor.redactHeader("Content-Type", "application/json")).isEqualTo("application/json");
  }

  @Test
  void masksSecretsInUrls() {
    assertThat(redactor.redactUrl("https://bucket.s3.amazonaws.com/k?X-Amz-Signature=deadbeef&X-Amz-Expires=60"))
        .isEqualTo("https://bucket.s3.amazonaws.com/k?X-Amz-Signature=****&X-Amz-Expires=60");
    assertThat(redactor.redactUrl("redis://user:pa55@host:6379/0")).isEqualTo("redis://****@host:6379/0");
    assertThat(redactor.redactUrl("https://api.asaas.com/v3/customers?cpfCnpj=24971563792&limit=10"))
        .isEqualTo("https://api.asaas.com/v3/customers?cpfCnpj=****&limit=10");
  }

  @Test
  void masksPersonalNumbersAndKeysInText() {
    String text =
        "customer 249.715.637-92 of company 11.222.333/0001-81 (alnum 12ABC34501DE35) used key "
            + "$aact_hmlg_000MzkwODA2MWY2OGM3MWRlMDU2NWM3MzJlNzZmNGZhZGY6OmNlZjQ and Bearer eyJhbGciOi.x.y";
    String out = redactor.redactText(text);
    assertThat(out)
        .doesNotContain("249.715.637-92")
        .doesNotContain("11.222.333/0001-81")
        .doesNotContain("12ABC34501DE35")
        .doesNotContain("aact_hmlg")
        .doesNotContain("eyJhbGciOi")
        .contains("Bearer ****");
  }

  @Test
  void masksSensitiveJsonFieldsButKeepsTheRest() {
    String body = "{\"name\":\"Solar Ltda\",\"cpfCnpj\":\"11222333000181\",\"password\":\"s3cr\\\"et\",\"value\":150.00}";
    String out = redactor.redactBody(body);
    assertThat(out)
        .contains("\"name\":\"Solar Ltda\"")
        .contains("\"value\":150.00")
        .contains("\"cpfCnpj\":\"****\"")
        .contains("\"password\":\"****\"")
        .doesNotContain("s3cr");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    assertThat(redactor.redactText("GET /v3/payments?offset=100&limit=50 -> 200 in 35 ms"))
        .isEqualTo("GET /v3/payments?offset=100&limit=50 -> 200 in 35 ms");
    assertThat(redactor.redactText("distribuidoras")).isEqualTo("distribuidoras");
  }

  @Test
  void extraNamesCanBeAdded() {
    Redactor custom = redactor.with(List.of("X-Partner-Key"), List.of("pin"));
    assertThat(custom.redactHeader("x-partner-key", "abc")).isEqualTo(Redactor.MASK);
    assertThat(custom.redactText("{\"pin\":\"1234\"}")).isEqualTo("{\"pin\":\"****\"}");
  }

  @Test
  void noGeneratedSecretSurvivesInAnyCarrier() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+=!$:";
    Gen<String> secrets =
        lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(8, 40)
            .map(ix -> ix.stream().map(i -> String.valueOf(alphabet.charAt(i))).collect(Collectors.joining()));
    qt().withExamples(500)
        .forAll(secrets)
        .checkAssert(
            secret -> {
              assertThat(redactor.redactHeader("Authorization", secret)).doesNotContain(secret);
              assertThat(redactor.redactUrl("https://h/p?token=" + secret + "&a=1")).doesNotContain(secret);
              assertThat(redactor.redactUrl("redis://u:" + secret + "@h:1/0")).doesNotContain(secret);
              assertThat(redactor.redactBody("{\"password\":\"" + secret + "\"}")).doesNotContain(secret);
              assertThat(redactor.redactText("password=" + secret)).doesNotContain(secret);
              assertThat(redactor.redactText("Authorization: Bearer " + secret.replaceAll("[^A-Za-z0-9]", "x")))
                  .doesNotContain(secret.replaceAll("[^A-Za-z0-9]", "x"));
            });
  }

  @Test
  void distributorCnpjNamedThroughTheHelperStaysReadable() {
    String msg = "no tariffs for CEMIG-D, " + Redactor.distributorCnpj("06.981.180/0001-16") + ", and RGE ("
        + Redactor.distributorCnpj("02016440000162") + ")";
    assertThat(redactor.redactText(msg))
        .isEqualTo("no tariffs for CEMIG-D, distributor CNPJ 06.981.180/0001-16, and RGE (distributor CNPJ 02016440000162)");
  }

  @Test
  void customersDocumentsAreMaskedEvenBesideADistributor() {
    String msg = "customer 11.222.333/0001-81 (CNPJ 11222333000181, cpf 249.715.637-92) of "
        + Redactor.distributorCnpj("02016440000162") + "; " + Redactor.distributorCnpj("249.715.637-92")
        + "; Distributor CNPJ 11222333000181; distributor CNPJ: 11222333000181; distributor CNPJ  11222333000181";
    String out = redactor.redactText(msg);
    assertThat(out)
        .doesNotContain("11.222.333/0001-81", "11222333000181", "249.715.637-92")
        .contains("distributor CNPJ 02016440000162")
        // a CPF is personal whatever precedes it; the marker is exact (case, colon, spacing)
        .contains("distributor CNPJ ****; Distributor CNPJ ****; distributor CNPJ: ****; distributor CNPJ  ****");
    // a JSON cnpj field is a customer's document: masked even with the words before it
    assertThat(redactor.redactBody("{\"cnpj\":\"distributor CNPJ 02016440000162\"}")).isEqualTo("{\"cnpj\":\"****\"}");
  }
}
