package io.ysh.support.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import com.azure.storage.queue.QueueServiceClientBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.ysh.core.Secret;
import io.ysh.support.azure.AzureStorageConfig.Service;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Entra ID token exchange of azure-identity's credentials against a stub of Microsoft's token
 * endpoint ({@code POST /{tenant}/oauth2/v2.0/token}, answering as Entra ID documents), then the
 * token on a Queue Storage request to a stub of the service: a service principal's client secret
 * (client-credentials grant) and a workload identity's federated token file (the Kubernetes
 * service-account token sent as {@code client_assertion}). Over HTTPS, as MSAL and Azure require,
 * with the stub's self-signed certificate trusted by the test's HTTP client.
 *
 * <p>Not testable offline: managed identity (the instance metadata endpoint and the App Service
 * identity endpoint exist only on Azure) and that real Entra ID and real storage accept what the
 * stubs accept.
 */
class EntraIdTokenExchangeTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String CLIENT_ID = "11111111-2222-3333-4444-555555555555";
  private static final String CLIENT_SECRET = "never-shown-client-secret~1234";
  private static final String ACCESS_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.stub-access-token.sig";
  private static final String STORAGE_SCOPE = "https://storage.azure.com/.default";

  private static WireMockServer stub;
  private static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    stub = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort());
    stub.start();
    stub.stubFor(post(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + ACCESS_TOKEN + "\"}")));
    stub.stubFor(any(urlPathMatching("/acct.*")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/xml").withHeader("x-ms-version", "2025-01-05")
        .withBody("<?xml version=\"1.0\" encoding=\"utf-8\"?><StorageServiceProperties></StorageServiceProperties>")));
    // the transport the drivers use (OkHttp), trusting the stub's self-signed certificate, which
    // names localhost while the test reaches it by address (hence no host name check either)
    SSLContext ssl = SSLContext.getInstance("TLS");
    TrustAll trust = new TrustAll();
    ssl.init(null, new TrustManager[] {trust}, null);
    http = AzureHttp.client(new okhttp3.OkHttpClient.Builder()
        .sslSocketFactory(ssl.getSocketFactory(), trust).hostnameVerifier((host, session) -> true));
  }

  @AfterAll
  static void stop() {
    stub.stop();
  }

  private static String authority() {
    return "https://127.0.0.1:" + stub.httpsPort();
  }

  private static Map<String, String> form(LoggedRequest r) {
    Map<String, String> m = new java.util.HashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return m;
  }

  private static List<LoggedRequest> tokenRequests() {
    return stub.findAll(postRequestedFor(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token")));
  }

  /** The credential on a storage client, as the drivers configure it; returns the Authorization header sent. */
  private static String authorizationSentBy(TokenCredential credential) {
    AzureStorageConfig c = AzureStorageConfig.builder(Service.QUEUE).environment(Map.<String, String>of()::get)
        .account("acct").tokenCredential(credential).endpoint(authority() + "/acct").build("x");
    c.configure(new QueueServiceClientBuilder()).httpClient(http).buildClient().getProperties();
    List<LoggedRequest> sent = stub.findAll(anyRequestedFor(urlPathMatching("/acct.*")));
    return sent.get(sent.size() - 1).getHeader("Authorization");
  }

  @Test
  void aServicePrincipalsClientSecretIsExchangedForTheTokenTheClientSends() {
    stub.resetRequests();
    TokenCredential credential = new ClientSecretCredentialBuilder().tenantId(TENANT).clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET).authorityHost(authority()).disableInstanceDiscovery().httpClient(http).build();
    AccessToken token = credential.getTokenSync(new TokenRequestContext().addScopes(STORAGE_SCOPE));
    assertThat(token.getToken()).isEqualTo(ACCESS_TOKEN);
    Map<String, String> form = form(tokenRequests().get(0));
    assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_secret", CLIENT_SECRET);
    assertThat(form.get("scope")).contains(STORAGE_SCOPE);
    assertThat(authorizationSentBy(credential)).isEqualTo("Bearer " + ACCESS_TOKEN);
  }

  @Test
  void aWorkloadIdentitysFederatedTokenFileIsSentAsTheClientAssertion(@TempDir Path dir) throws Exception {
    stub.resetRequests();
    String serviceAccountJwt = "eyJhbGciOiJSUzI1NiJ9.kubernetes-service-account.sig";
    Path tokenFile = dir.resolve("azure-identity-token");
    Files.writeString(tokenFile, serviceAccountJwt);
    TokenCredential credential = new WorkloadIdentityCredentialBuilder().tenantId(TENANT).clientId(CLIENT_ID)
        .tokenFilePath(tokenFile.toString()).authorityHost(authority()).disableInstanceDiscovery().httpClient(http).build();
    assertThat(authorizationSentBy(credential)).isEqualTo("Bearer " + ACCESS_TOKEN);
    Map<String, String> form = form(tokenRequests().get(0));
    assertThat(form).containsEntry("grant_type", "client_credentials").containsEntry("client_id", CLIENT_ID)
        .containsEntry("client_assertion", serviceAccountJwt)
        .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    assertThat(form.get("scope")).contains(STORAGE_SCOPE);
  }

  @Test
  void theConfigurationNeverShowsTheCredential() {
    TokenCredential credential = new ClientSecretCredentialBuilder().tenantId(TENANT).clientId(CLIENT_ID)
        .clientSecret(CLIENT_SECRET).authorityHost(authority()).disableInstanceDiscovery().httpClient(http).build();
    AzureStorageConfig c = AzureStorageConfig.builder(Service.BLOB).account("acct").tokenCredential(credential).build("x");
    assertThat(c.toString()).doesNotContain(CLIENT_SECRET);
    assertThat(Secret.of(CLIENT_SECRET).toString()).doesNotContain(CLIENT_SECRET);
  }

  /** Trusts every certificate and host name (the stub's only; tests only). */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
