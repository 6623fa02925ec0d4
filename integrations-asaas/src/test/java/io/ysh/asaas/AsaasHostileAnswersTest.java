package io.ysh.asaas;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.br.Money;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.core.resilience.ResiliencePolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Oversized answers and secrets in error bodies, against WireMock. */
class AsaasHostileAnswersTest {

  private WireMockServer wm;

  @BeforeEach
  void start() {
    wm = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private AsaasClient client(long maxResponseBytes) {
    return AsaasClient.builder()
        .apiKey(Secret.of("$aact_hmlg_000test"))
        .baseUrl(wm.baseUrl() + "/v3")
        .logLevel(HttpLogLevel.NONE)
        .resilience(ResiliencePolicy.none())
        .maxResponseBytes(maxResponseBytes)
        .build();
  }

  private static String balance(int padding) {
    return "{\"balance\":1500.25,\"pad\":\"" + "x".repeat(padding) + "\"}";
  }

  @Test
  void anAnswerOverTheLimitFailsClearlyWithoutBeingReadWithOrWithoutContentLength() {
    wm.stubFor(get(urlPathEqualTo("/v3/finance/balance")).willReturn(okJson(balance(50_000))));
    assertThat(client(100_000).finance().balance().balance()).isEqualTo(Money.of("1500.25"));
    for (boolean chunked : new boolean[] {false, true}) {
      wm.resetAll();
      var answer = okJson(balance(50_000));
      wm.stubFor(get(urlPathEqualTo("/v3/finance/balance")).willReturn(chunked ? answer.withChunkedDribbleDelay(4, 40) : answer));
      Throwable t = catchThrowable(() -> client(10_000).finance().balance());
      assertThat(t).as("chunked %s", chunked).isInstanceOf(YshException.class);
      YshException e = (YshException) t;
      assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
      assertThat(e.isRetryable()).isFalse();
      assertThat(e.getMessage()).contains("maxResponseBytes").contains("10000");
    }
  }

  @Test
  void anErrorBodyIsRedactedWholeBeforeItIsCutSoASecretAtTheCutNeverShows() {
    // The card token straddles the 4 KiB kept of an error body.
    String body = "{\"errors\":[{\"code\":\"invalid\",\"description\":\"" + "d".repeat(4040)
        + "\"}],\"creditCardToken\":\"TOKENSECRETVALUE1234567\",\"creditCard\":{\"number\":\"5162306219378829\",\"ccv\":\"318\"}}";
    wm.stubFor(get(urlPathEqualTo("/v3/finance/balance")).willReturn(aResponse().withStatus(400).withBody(body)));
    AsaasException e = (AsaasException) catchThrowable(() -> client(AsaasClient.DEFAULT_MAX_RESPONSE_BYTES).finance().balance());
    assertThat(e.rawBody()).isPresent();
    assertThat(e.rawBody().get()).doesNotContain("TOKENSECRET").doesNotContain("5162306219378829").doesNotContain("TOKEN");
    assertThat(e.getMessage()).doesNotContain("TOKEN");
  }

  @Test
  void theLimitIsValidatedLikeEveryOtherArgument() {
    YshException e = (YshException) catchThrowable(() -> AsaasClient.builder().maxResponseBytes(0));
    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(e.getMessage()).contains("maxResponseBytes");
  }
}
