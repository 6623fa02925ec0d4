package io.ysh.queue.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import com.azure.storage.queue.QueueServiceClientBuilder;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.telemetry.Telemetry;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.testkit.server.azure.Azurite;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Credentials of {@code azqueue://} beside the shared key: a SAS token (URL and builder) against
 * Azurite, a {@link TokenCredential} handed to the client, and the error naming azure-identity
 * when Entra ID is needed without it (it is not on this module's test class path).
 *
 * <p>Not testable offline: Entra ID against real Queue Storage (Azurite does not check Entra ID
 * tokens; the token exchange with Entra ID is tested against a stub in ysh-support-azure).
 */
class AzureQueueCredentialsTest {

  private static String queue() {
    return "cred-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String accountSas() {
    return new QueueServiceClientBuilder().endpoint(Azurite.queueEndpoint())
        .credential(new StorageSharedKeyCredential(Azurite.ACCOUNT, Azurite.KEY)).buildClient()
        .generateAccountSas(new AccountSasSignatureValues(OffsetDateTime.now().plusHours(1),
            AccountSasPermission.parse("rwdlacup"), AccountSasService.parse("q"), AccountSasResourceType.parse("sco")));
  }

  private static void roundTrip(Topic topic, Subscription sub, String body) {
    topic.publish(Message.of(body));
    List<ReceivedMessage> got = List.of();
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (got.isEmpty() && System.nanoTime() < end) {
      got = sub.receive(1, Duration.ofSeconds(1));
    }
    assertThat(got).hasSize(1);
    assertThat(got.get(0).bodyAsString()).isEqualTo(body);
    got.get(0).ack();
  }

  @Test
  void aSasTokenFromTheBuilderPublishesAndReceives() {
    AzureQueues.Builder b = AzureQueues.builder().queue(queue()).account(Azurite.ACCOUNT).sas(Secret.of(accountSas()))
        .endpoint(Azurite.queueEndpoint());
    try (Topic topic = Topic.builder(b.buildTopicDriver()).telemetry(Telemetry.noop()).build();
        Subscription sub = Subscription.builder(b.buildSubscriptionDriver()).telemetry(Telemetry.noop()).build()) {
      roundTrip(topic, sub, "over SAS");
    }
    assertThat(b.toString()).doesNotContain("sig=");
  }

  @Test
  void aSasTokenInTheUrlPublishesAndReceives() {
    String url = "azqueue://" + Azurite.ACCOUNT + "@" + queue() + "?endpoint=" + Azurite.queueEndpoint() + "&sas="
        + java.net.URLEncoder.encode(accountSas(), java.nio.charset.StandardCharsets.UTF_8);
    try (Topic topic = Topic.builder(url).telemetry(Telemetry.noop()).build();
        Subscription sub = Subscription.builder(url).telemetry(Telemetry.noop()).build()) {
      roundTrip(topic, sub, "sas in the url");
    }
  }

  @Test
  void aTokenCredentialGivenToTheBuilderIsAskedForAStorageToken() throws Exception {
    List<String> scopes = new CopyOnWriteArrayList<>();
    TokenCredential credential = request -> {
      scopes.addAll(request.getScopes());
      // failing here ends the call at once (the SDK does not retry a credential's failure)
      return Mono.<AccessToken>error(new IllegalStateException("the test's credential gives no token"));
    };
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    // nothing listens there: opening (which creates the queue) fails once the client asked for a token
    AzureQueues.Builder b = AzureQueues.builder().queue(queue()).account("acct").credential(credential)
        .endpoint("https://127.0.0.1:" + port + "/acct");
    assertThatThrownBy(b::buildTopicDriver).isInstanceOf(YshException.class);
    assertThat(scopes).contains("https://storage.azure.com/.default");
  }

  @Test
  void withoutAKeyTheUrlAsksForEntraIdAndNamesTheMissingArtifact() {
    assertThatThrownBy(() -> Topic.builder("azqueue://acct@" + queue()).build())
        .isInstanceOfSatisfying(YshException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED);
          assertThat(e.getMessage()).contains("com.azure:azure-identity");
        });
  }
}
