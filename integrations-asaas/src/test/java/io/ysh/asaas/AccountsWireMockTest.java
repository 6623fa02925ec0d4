package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Subaccounts on the wire: the create's body field by field (AccountSaveRequestDto), the API key
 * answered once as a {@code Secret}, the documented list filters, the trailing-slash paths of
 * {@code /wallets/} and {@code /myAccount/…/}, and a create whose answer is lost found by its
 * CPF/CNPJ without posting again. Bodies follow the official schema's response models.
 */
class AccountsWireMockTest {

  private static final Wire WIRE = new Wire();
  private static final String KEY = "$aact_hmlg_subaccount-key-value-000000000000000";
  private static final String ACCOUNT = """
      {"object":"account","id":"acc_1","name":"Solar Integradora","email":"int@example.com","loginEmail":"int@example.com",
       "phone":null,"mobilePhone":"11988887777","address":"Rua das Placas","addressNumber":"42","complement":"sala 2","province":"Centro",
       "postalCode":"01001000","cpfCnpj":"52998224725","birthDate":"1985-03-14","personType":"FISICA","companyType":null,"city":15873,
       "state":"SP","country":"Brasil","tradingName":"Solar","site":null,"walletId":"wal-0001",
       "accountNumber":{"agency":"0001","account":"123456","accountDigit":"7"},
       "commercialInfoExpiration":{"isExpired":false,"scheduledDate":"2027-01-01"}%s}""";
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

  private static SubaccountRequest request() {
    return SubaccountRequest.builder().name("Solar Integradora").email("int@example.com").loginEmail("login@example.com")
        .cpfCnpj("529.982.247-25").birthDate(LocalDate.of(1985, 3, 14)).phone("1133334444").mobilePhone("11988887777")
        .site("https://solar.example.com").incomeValue(Money.of("25000.00")).address("Rua das Placas").addressNumber("42")
        .complement("sala 2").province("Centro").postalCode("01001-000").build();
  }

  @Test
  void createSendsEveryFieldAndAnswersTheKeyOnceAsASecret() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/accounts")).willReturn(okJson(ACCOUNT.formatted(",\"apiKey\":\"" + KEY.replace("$", "\\u0024") + "\""))));
    CreatedSubaccount created = asaas.accounts().create(request());

    JsonNode b = WIRE.body(postRequestedFor(urlPathEqualTo("/v3/accounts")));
    assertThat(b.get("name").asText()).isEqualTo("Solar Integradora");
    assertThat(b.get("email").asText()).isEqualTo("int@example.com");
    assertThat(b.get("loginEmail").asText()).isEqualTo("login@example.com");
    assertThat(b.get("cpfCnpj").asText()).isEqualTo("52998224725");
    assertThat(b.get("birthDate").asText()).isEqualTo("1985-03-14");
    assertThat(b.get("phone").asText()).isEqualTo("1133334444");
    assertThat(b.get("mobilePhone").asText()).isEqualTo("11988887777");
    assertThat(b.get("site").asText()).isEqualTo("https://solar.example.com");
    assertThat(b.get("incomeValue").decimalValue()).isEqualByComparingTo("25000.00");
    assertThat(b.get("address").asText()).isEqualTo("Rua das Placas");
    assertThat(b.get("addressNumber").asText()).isEqualTo("42");
    assertThat(b.get("complement").asText()).isEqualTo("sala 2");
    assertThat(b.get("province").asText()).isEqualTo("Centro");
    assertThat(b.get("postalCode").asText()).isEqualTo("01001-000");
    assertThat(b.has("companyType")).isFalse();
    assertThat(b.size()).isEqualTo(14);
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/accounts")))).hasSize(1);

    assertThat(created.apiKey()).hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo(KEY));
    assertThat(created.toString()).doesNotContain(KEY).contains("****");
    Subaccount a = created.account();
    assertThat(a.walletId()).isEqualTo("wal-0001");
    assertThat(a.personType()).isEqualTo(PersonType.FISICA);
    assertThat(a.accountNumber().account()).isEqualTo("123456");
    assertThat(a.commercialInfoExpiration().scheduledDate()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(a.birthDate()).isEqualTo(LocalDate.of(1985, 3, 14));
  }

  @Test
  void aCreateWhoseAnswerIsLostIsFoundByItsCpfCnpjWithoutPostingAgainAndWithoutAKey() {
    WIRE.wm.stubFor(post(urlPathEqualTo("/v3/accounts")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
        .withFault(Fault.CONNECTION_RESET_BY_PEER)));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/accounts")).willReturn(okJson(AsaasWireMockTest.list(ACCOUNT.formatted("")))));
    CreatedSubaccount found = asaas.accounts().create(request());
    assertThat(found.account().id()).isEqualTo("acc_1");
    assertThat(found.apiKey()).isEmpty();
    assertThat(WIRE.wm.findAll(postRequestedFor(urlPathEqualTo("/v3/accounts")))).hasSize(1);
    assertThat(WIRE.request(getRequestedFor(urlPathEqualTo("/v3/accounts"))).queryParameter("cpfCnpj").firstValue()).isEqualTo("52998224725");
  }

  @Test
  void listsWithTheDocumentedFiltersAndReadsWalletsStatusAndCommercialInfo() {
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/accounts")).willReturn(okJson(AsaasWireMockTest.list(ACCOUNT.formatted("")))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/wallets/")).willReturn(okJson(AsaasWireMockTest.list("{\"object\":\"wallet\",\"id\":\"wal-9\"}"))));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/myAccount/status/")).willReturn(okJson("""
        {"id":"acc_1","commercialInfo":"APPROVED","bankAccountInfo":"AWAITING_APPROVAL","documentation":"PENDING","general":"NEW_ONE"}""")));
    WIRE.wm.stubFor(get(urlPathEqualTo("/v3/myAccount/commercialInfo/")).willReturn(okJson("""
        {"status":"DENIED","personType":"JURIDICA","cpfCnpj":"11222333000181","name":"Solar","companyName":"Solar Ltda",
         "companyType":"LIMITED","incomeValue":50000.00,"city":{"object":"city","id":15873,"ibgeCode":"3550308","name":"São Paulo",
         "districtCode":null,"district":null,"state":"SP"},"denialReason":"documento ilegível","availableCompanyNames":["Solar Ltda"]}""")));
    SubaccountFilter f = SubaccountFilter.all().cpfCnpj("52998224725").email("int@example.com").name("Solar").walletId("wal-0001");
    assertThat(asaas.accounts().stream(f).toList()).extracting(Subaccount::id).containsExactly("acc_1");
    var q = WIRE.request(getRequestedFor(urlPathEqualTo("/v3/accounts"))).getQueryParams();
    assertThat(q.get("cpfCnpj").firstValue()).isEqualTo("52998224725");
    assertThat(q.get("email").firstValue()).isEqualTo("int@example.com");
    assertThat(q.get("name").firstValue()).isEqualTo("Solar");
    assertThat(q.get("walletId").firstValue()).isEqualTo("wal-0001");

    assertThat(asaas.accounts().wallets()).extracting(Wallet::id).containsExactly("wal-9");
    AccountStatus st = asaas.accounts().status();
    assertThat(st.commercialInfo()).isEqualTo(AccountApprovalStatus.APPROVED);
    assertThat(st.bankAccountInfo()).isEqualTo(AccountApprovalStatus.AWAITING_APPROVAL);
    assertThat(st.documentation()).isEqualTo(AccountApprovalStatus.PENDING);
    assertThat(st.general()).isEqualTo(AccountApprovalStatus.UNKNOWN);
    assertThat(st.rawGeneral()).isEqualTo("NEW_ONE");
    CommercialInfo ci = asaas.accounts().commercialInfo();
    assertThat(ci.approved()).isFalse();
    assertThat(ci.denialReason()).isEqualTo("documento ilegível");
    assertThat(ci.incomeValue()).isEqualTo(Money.of("50000.00"));
    assertThat(ci.city().ibgeCode()).isEqualTo("3550308");
  }

  @Test
  void anInvalidRequestIsRefusedBeforeSending() {
    assertThatThrownBy(() -> SubaccountRequest.builder().name("x").email("e@example.com").cpfCnpj("111.111.111-11").build())
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
          assertThat(e.getMessage()).contains("cpfCnpj").doesNotContain("111.111.111-11");
        });
    assertThatThrownBy(() -> SubaccountRequest.builder().name("x").email("e@example.com").cpfCnpj("52998224725").mobilePhone("1")
        .incomeValue(Money.of("1.00")).address("a").addressNumber("1").province("p").build())
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.getMessage()).contains("postalCode"));
    assertThat(WIRE.wm.getAllServeEvents()).isEmpty();
  }
}
