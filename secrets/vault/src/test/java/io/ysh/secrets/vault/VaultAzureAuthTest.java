package io.ysh.secrets.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.SecretStore;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Vault's Azure auth method against the protocol stub ({@link VaultStub}) and a stub of Azure's
 * Instance Metadata Service: the managed identity's token (asked with {@code Metadata: true} for
 * the configured resource and client id) is the login's {@code jwt}, beside the role and the
 * machine's subscription, resource group and VM or scale-set name from the instance metadata, as
 * Vault's API documents them; the issued token reads and writes; a refused login and a machine
 * without IMDS are {@code UNAUTHENTICATED} without the token in the message.
 *
 * <p>Not testable offline: a real Vault verifying the token with Entra ID and the machine with
 * Azure Resource Manager, and a real IMDS (only on Azure VMs and scale sets).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VaultAzureAuthTest {

  private static final String MSI_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.managed-identity.sig";

  private final VaultStub stub = new VaultStub("secret", Clock.systemUTC());
  private final WireMockServer imds = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

  @AfterAll
  void stop() {
    stub.close();
    imds.stop();
  }

  @BeforeEach
  void reset() {
    if (!imds.isRunning()) {
      imds.start();
    }
    imds.resetAll();
    imds.stubFor(get(urlPathEqualTo("/metadata/identity/oauth2/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"" + MSI_TOKEN + "\",\"expires_in\":\"3599\","
            + "\"resource\":\"https://management.azure.com/\",\"token_type\":\"Bearer\"}")));
    machine("");
    stub.wireMock().resetRequests();
    stub.azurePath = "azure";
    stub.azureRole = "billing";
    stub.azureJwt = MSI_TOKEN;
    stub.azureLoginsSeen.clear();
    stub.logins.set(0);
  }

  private void machine(String scaleSet) {
    imds.stubFor(get(urlPathEqualTo("/metadata/instance")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"compute\":{\"subscriptionId\":\"sub-1\","
            + "\"resourceGroupName\":\"rg-billing\",\"name\":\"vm-7\",\"vmScaleSetName\":\"" + scaleSet + "\"}}")));
  }

  private VaultSecretDriver.Builder base(VaultSecretDriver.Builder b) {
    return b.address("http://127.0.0.1:" + stub.port()).mount("secret").imds("http://127.0.0.1:" + imds.port());
  }

  private SecretStore store(VaultSecretDriver.Builder b) {
    return SecretStore.builder(base(b).build()).resilience(ResiliencePolicy.none()).build();
  }

  @Test
  void theManagedIdentitysTokenAndTheMachinesNamesLogInAndTheIssuedTokenIsUsed() {
    try (SecretStore s = store(VaultSecretDriver.builder().azure("billing"))) {
      s.put("az/db", "pw");
      assertThat(s.get("az/db").secret().reveal()).isEqualTo("pw");
    }
    assertThat(stub.logins.get()).isEqualTo(1);
    stub.wireMock().verify(postRequestedFor(urlEqualTo("/v1/auth/azure/login")));
    JsonNode login = stub.azureLoginsSeen.get(0);
    assertThat(login.path("role").asText()).isEqualTo("billing");
    assertThat(login.path("jwt").asText()).isEqualTo(MSI_TOKEN);
    assertThat(login.path("subscription_id").asText()).isEqualTo("sub-1");
    assertThat(login.path("resource_group_name").asText()).isEqualTo("rg-billing");
    assertThat(login.path("vm_name").asText()).isEqualTo("vm-7");
    assertThat(login.has("vmss_name")).isFalse();
    LoggedRequest token = imds.findAll(getRequestedFor(urlPathEqualTo("/metadata/identity/oauth2/token"))).get(0);
    assertThat(token.getHeader("Metadata")).isEqualTo("true");
    assertThat(token.queryParameter("resource").firstValue()).isEqualTo("https://management.azure.com/");
    assertThat(token.queryParameter("client_id").isPresent()).isFalse();
    assertThat(imds.findAll(getRequestedFor(urlPathEqualTo("/metadata/instance"))).get(0).getHeader("Metadata")).isEqualTo("true");
  }

  @Test
  void aScaleSetSendsItsNameAndTheResourceClientIdAndMountAreHonoured() {
    machine("vmss-billing");
    stub.azurePath = "azure-prod";
    try (SecretStore s = store(VaultSecretDriver.builder().azure("billing").azureResource("https://vault.example.com/")
        .azureClientId("11111111-2222-3333-4444-555555555555").azurePath("azure-prod"))) {
      s.put("az/vmss", "v");
    }
    JsonNode login = stub.azureLoginsSeen.get(0);
    assertThat(login.path("vmss_name").asText()).isEqualTo("vmss-billing");
    assertThat(login.has("vm_name")).isFalse();
    LoggedRequest token = imds.findAll(getRequestedFor(urlPathEqualTo("/metadata/identity/oauth2/token"))).get(0);
    assertThat(token.queryParameter("resource").firstValue()).isEqualTo("https://vault.example.com/");
    assertThat(token.queryParameter("client_id").firstValue()).isEqualTo("11111111-2222-3333-4444-555555555555");
  }

  @Test
  void aRefusedLoginIsUnauthenticatedAndNeverShowsTheToken() {
    stub.azureJwt = "another-identity";
    VaultSecretDriver driver = base(VaultSecretDriver.builder().azure("billing")).build();
    assertThat(driver.toString()).contains("auth=azure").doesNotContain(MSI_TOKEN);
    try (SecretStore s = SecretStore.builder(driver).resilience(ResiliencePolicy.none()).build()) {
      YshException e = catchThrowableOfType(YshException.class, () -> s.get("az/x"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).contains("billing").doesNotContain(MSI_TOKEN);
      assertThat(String.valueOf(e.getCause())).doesNotContain(MSI_TOKEN);
    }
  }

  @Test
  void noInstanceMetadataServiceIsUnauthenticatedAndSaysWhere() {
    imds.resetAll(); // IMDS answers 404: no managed identity on this machine
    try (SecretStore s = store(VaultSecretDriver.builder().azure("billing"))) {
      YshException e = catchThrowableOfType(YshException.class, () -> s.get("az/x"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).contains("instance metadata service").contains("HTTP 404");
    }
    VaultSecretDriver unreachable = VaultSecretDriver.builder().azure("billing").address("http://127.0.0.1:" + stub.port())
        .imds("http://127.0.0.1:1").build();
    try (SecretStore s = SecretStore.builder(unreachable).resilience(ResiliencePolicy.none()).build()) {
      YshException e = catchThrowableOfType(YshException.class, () -> s.get("az/x"));
      assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED);
      assertThat(e.getMessage()).contains("did not answer").contains("127.0.0.1:1");
    }
    assertThat(stub.azureLoginsSeen).isEmpty();
  }

  @Test
  void theUrlFormAndBadSettings() {
    VaultSecretDriverProvider p = new VaultSecretDriverProvider(Map.of());
    try (var driver = p.open(ResourceUrl.parse("vault://127.0.0.1:" + stub.port() + "/secret?tls=false&auth=azure&role=billing"
        + "&azurePath=azure-prod&azureResource=https://vault.example.com/&azureClientId=abc"))) {
      assertThat(driver.toString()).contains("auth=azure");
    }
    YshException noRole = catchThrowableOfType(YshException.class, () -> p.open(ResourceUrl.parse("vault://h/secret?auth=azure")));
    assertThat(noRole.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(noRole.getMessage()).contains("role=");
    YshException blank = catchThrowableOfType(YshException.class, () -> VaultSecretDriver.builder().azure("  "));
    assertThat(blank.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    YshException both = catchThrowableOfType(YshException.class, () -> VaultSecretDriver.builder().address("http://h:8200")
        .azure("r").kubernetes("k", null).build());
    assertThat(both.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(catchThrowableOfType(YshException.class, () -> VaultSecretDriver.builder().azureResource(" ")).code())
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }
}
