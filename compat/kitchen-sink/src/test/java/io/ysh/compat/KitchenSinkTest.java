package io.ysh.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.storage.blob.BlobContainerClient;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.ysh.aneel.AneelClient;
import io.ysh.aneel.AneelDataset;
import io.ysh.asaas.AsaasClient;
import io.ysh.asaas.Customer;
import io.ysh.asaas.CustomerRequest;
import io.ysh.cache.Cache;
import io.ysh.core.Secret;
import io.ysh.core.http.HttpLogLevel;
import io.ysh.queue.Message;
import io.ysh.queue.ReceivedMessage;
import io.ysh.queue.Subscription;
import io.ysh.queue.Topic;
import io.ysh.secrets.SecretStore;
import io.ysh.queue.kafka.KafkaBroker;
import io.ysh.queue.pubsub.PubSubEmulator;
import io.ysh.queue.sqs.ElasticMq;
import io.ysh.secrets.aws.Moto;
import io.ysh.secrets.azure.AzureSecretDriver;
import io.ysh.secrets.azure.KeyVaultStub;
import io.ysh.secrets.gcp.SecretManagerStub;
import io.ysh.secrets.vault.VaultStub;
import io.ysh.storage.ObjectStorage;
import io.ysh.storage.gcs.GcsStorageDriver;
import io.ysh.testkit.aneel.AneelSimulator;
import io.ysh.testkit.asaas.AsaasSimulator;
import io.ysh.testkit.server.azure.Azurite;
import io.ysh.testkit.server.s3.S3TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Every driver artifact of the SDK on one class path, as a user's service that picks all of them
 * would have it (the module depends on each, and the enforcer's dependencyConvergence and
 * requireUpperBoundDeps rules check that they agree on every shared library), and each scheme
 * used once, in this one JVM, against its test server: write/read for storage, put/get for
 * cache, get for secrets, publish/receive/ack for queues, a call on the Asaas and ANEEL
 * simulators. A pair of our artifacts that cannot coexist (the Azure SDK's Netty 4.1 beside
 * Lettuce's 4.2 was one: {@code NoClassDefFoundError: io/netty/channel/epoll/EpollIoHandler})
 * fails here. Drivers are opened by URL, as users open them: the URL providers of every driver
 * are found together by {@link java.util.ServiceLoader}.
 */
class KitchenSinkTest {

  private static final String REDIS = "127.0.0.1:6379";
  private static final byte[] DATA = "kitchen sink: one class path for every driver".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path tmp;

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void writeRead(ObjectStorage storage) {
    try (storage) {
      String key = "docs/" + unique("k") + ".txt";
      storage.put(key, DATA);
      assertThat(storage.getBytes(key)).isEqualTo(DATA);
      storage.delete(key);
    }
  }

  // ---- storage

  @Test
  void memoryStorage() {
    writeRead(ObjectStorage.open("mem://" + unique("ks")));
  }

  @Test
  void fileStorage() {
    writeRead(ObjectStorage.open(tmp.resolve("objects").toUri().toString()));
  }

  private static ObjectStorage s3(S3TestServers.Endpoint s3, String bucket) {
    ObjectStorage storage = ObjectStorage.open("s3://" + s3.accessKey() + ":" + s3.secretKey() + "@" + bucket
        + "?endpoint=" + s3.endpoint() + "&pathStyle=true&region=us-east-1");
    storage.unwrap(S3Client.class).createBucket(b -> b.bucket(bucket));
    return storage;
  }

  @Test
  void s3StorageOnS3Proxy() {
    writeRead(s3(S3TestServers.s3proxy(Path.of("target", "s3proxy")), unique("ks-s3-")));
  }

  @Test
  void minioStorageOnS3Proxy() {
    S3TestServers.Endpoint s3 = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = unique("ks-minio-");
    s3(s3, bucket).close(); // the bucket, made through the S3 driver (MinIO's classes need SpotBugs' annotations to compile against)
    writeRead(ObjectStorage.open("minio://" + s3.accessKey() + ":" + s3.secretKey() + "@"
        + s3.endpoint().getHost() + ":" + s3.endpoint().getPort() + "/" + bucket + "?secure=false"));
  }

  @Test
  void azureBlobStorageOnAzurite() {
    String container = unique("ks");
    ObjectStorage storage = ObjectStorage.open("azblob://" + Azurite.ACCOUNT + ":" + encode(Azurite.KEY) + "@"
        + Azurite.ACCOUNT + "/" + container + "?endpoint=" + Azurite.blobEndpoint());
    storage.unwrap(BlobContainerClient.class).create();
    writeRead(storage);
  }

  @Test
  void gcsStorageOnGooglesInProcessFake() {
    writeRead(ObjectStorage.builder(GcsStorageDriver.builder().bucket("ks-gcs")
        .storageOptions(LocalStorageHelper.getOptions()).noCredentials().build()).build());
  }

  // ---- cache

  @Test
  void memoryCache() {
    try (Cache cache = Cache.open("mem://?namespace=" + unique("ks"))) {
      cache.strings().put("k", "v");
      assertThat(cache.strings().get("k")).contains("v");
    }
  }

  @Test
  void redisCacheOnTheSharedRedis() {
    try (Cache cache = Cache.open("redis://" + REDIS + "/0?namespace=" + unique("ysh-ks-"))) {
      cache.strings().put("k", "v", Duration.ofMinutes(1));
      assertThat(cache.strings().get("k")).contains("v");
      cache.delete("k");
    }
  }

  // ---- secrets

  @Test
  void fileSecrets() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("secrets"));
    Files.writeString(dir.resolve("asaas-api-key"), "s3cr3t");
    try (SecretStore secrets = SecretStore.open(dir.toUri().toString())) {
      assertThat(secrets.get("asaas-api-key").secret().reveal()).isEqualTo("s3cr3t");
    }
  }

  @Test
  void environmentSecrets() {
    String name = System.getenv().keySet().stream().filter(n -> n.equals("PATH") || n.equals("HOME")).findFirst()
        .orElseThrow();
    try (SecretStore secrets = SecretStore.open("env://")) {
      assertThat(secrets.get(name).secret().reveal()).isEqualTo(System.getenv(name));
    }
  }

  /** Put, then get through a fresh store (as another process would read it), then delete. */
  private static void putGet(java.util.function.Supplier<SecretStore> open) {
    String name = unique("ks-");
    String value = unique("v-");
    try (SecretStore writer = open.get()) {
      writer.put(name, value);
      try (SecretStore reader = open.get()) {
        assertThat(reader.get(name).secret().reveal()).isEqualTo(value);
      }
      writer.delete(name);
    }
  }

  /**
   * {@code vault://} against the Vault driver tests' protocol stub ({@link VaultStub}: a stateful
   * imitation of Vault's KV v2 HTTP API served by WireMock), since no Vault or OpenBao binary can
   * be installed on the build machines: the real Vault Java driver runs over real HTTP.
   */
  @Test
  void vaultSecretsOnTheDriverTestsProtocolStub() {
    try (VaultStub vault = new VaultStub("secret", Clock.systemUTC())) {
      putGet(() -> SecretStore.open("vault://127.0.0.1:" + vault.port() + "/secret?tls=false&token=" + VaultStub.ROOT_TOKEN));
    }
  }

  /** {@code awssm://} on moto_server; skipped, as the driver's own tests are, where moto is not installed. */
  @Test
  void awsSecretsManagerOnMoto() {
    String url = "awssm://testing:testing@us-east-1?forceDelete=true&endpoint=" + Moto.endpoint();
    putGet(() -> SecretStore.open(url));
  }

  /**
   * Key Vault through the real {@code SecretClient}, over HTTPS with the bearer challenge, against
   * the driver tests' protocol stub ({@link KeyVaultStub}: no Key Vault emulator exists). The
   * builder form: {@code azurekv://} URLs take their credential from {@code DefaultAzureCredential}.
   */
  @Test
  void azureKeyVaultOnTheDriverTestsProtocolStub() {
    try (KeyVaultStub kv = new KeyVaultStub()) {
      com.azure.core.http.HttpClient http = KeyVaultStub.insecureHttpClient();
      putGet(() -> SecretStore.builder(AzureSecretDriver.builder(kv.vaultUrl(), kv.credential()).httpClient(http)
          .disableChallengeResourceVerification().purgeOnDelete(true).deletePollInterval(Duration.ofMillis(20)).build())
          .build());
    }
  }

  /**
   * {@code gcpsm://} through the real {@code SecretManagerServiceClient} over real gRPC, against the
   * driver tests' protocol stub ({@link SecretManagerStub}: Secret Manager has no emulator).
   */
  @Test
  void gcpSecretManagerOnTheDriverTestsProtocolStub() {
    try (SecretManagerStub sm = new SecretManagerStub()) {
      putGet(() -> SecretStore.open("gcpsm://ysh-test?endpoint=127.0.0.1:" + sm.port() + "&plaintext=true"));
    }
  }

  // ---- queues

  private static void publishReceiveAck(String topicUrl, String subscriptionUrl) {
    try (Topic topic = Topic.open(topicUrl); Subscription sub = Subscription.open(subscriptionUrl)) {
      String body = unique("hello-");
      topic.publish(Message.builder().body(body).attribute("kind", "smoke").build());
      List<ReceivedMessage> got = new ArrayList<>();
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (got.isEmpty() && System.nanoTime() < end) {
        got.addAll(sub.receive(10, Duration.ofSeconds(1)));
      }
      assertThat(got).hasSize(1);
      assertThat(got.get(0).bodyAsString()).isEqualTo(body);
      assertThat(got.get(0).attributes()).containsEntry("kind", "smoke");
      got.get(0).ack();
    }
  }

  @Test
  void memoryQueue() {
    String q = "mem://" + unique("ks");
    publishReceiveAck(q, q);
  }

  @Test
  void redisStreamQueueOnTheSharedRedis() {
    String stream = unique("ysh-ks-stream-");
    String url = "redis-stream://" + REDIS + "/" + stream;
    try {
      publishReceiveAck(url, url);
    } finally {
      RedisClient admin = RedisClient.create("redis://" + REDIS);
      try (StatefulRedisConnection<String, String> c = admin.connect()) {
        c.sync().del(stream, stream + ".dlq");
      } finally {
        admin.shutdown();
      }
    }
  }

  @Test
  void rabbitMqQueueOnTheSharedBroker() {
    // a random queue (and its dead-letter queue) that the driver declares on the shared broker
    String url = "rabbitmq://guest:guest@127.0.0.1/" + unique("ysh-ks-");
    publishReceiveAck(url, url);
  }

  @Test
  void azureQueueOnAzurite() {
    String url = "azqueue://" + Azurite.ACCOUNT + ":" + encode(Azurite.KEY) + "@" + unique("ks")
        + "?endpoint=" + Azurite.queueEndpoint();
    publishReceiveAck(url, url);
  }

  @Test
  void kafkaQueueOnTheDriverTestsKraftBroker() {
    String topic = unique("ks-");
    String url = "kafka://" + KafkaBroker.shared().bootstrap() + "/" + topic + "?group=g-" + topic;
    publishReceiveAck(url, url);
  }

  @Test
  void sqsQueueOnElasticMq() {
    String url = "sqs://test:test@" + unique("ks-") + "?region=us-east-1&endpoint=http://127.0.0.1:" + ElasticMq.shared().port();
    publishReceiveAck(url, url);
  }

  /** Skipped, as the driver's own tests are, where Google's Pub/Sub emulator is not installed. */
  @Test
  void pubSubQueueOnTheEmulator() {
    String queue = unique("ks-");
    String url = "gcppubsub://projects/" + PubSubEmulator.PROJECT + "/topics/" + queue + "?subscription=" + queue
        + "&create=true&endpoint=" + PubSubEmulator.endpoint();
    publishReceiveAck(url, url);
  }

  // ---- integrations

  @Test
  void asaasClientOnTheSimulator() {
    try (AsaasSimulator sim = AsaasSimulator.start()) {
      AsaasClient asaas = AsaasClient.builder().apiKey(Secret.of(sim.apiKey())).baseUrl(sim.baseUrl())
          .logLevel(HttpLogLevel.NONE).build();
      Customer customer = asaas.customers().getOrCreate(CustomerRequest.builder().name("Maria Silva")
          .cpfCnpj("52998224725").email("maria.silva@example.com").build());
      assertThat(customer.id()).isNotBlank();
    }
  }

  @Test
  void aneelClientOnTheSimulator() throws IOException {
    try (InputStream csv = KitchenSinkTest.class.getResourceAsStream("/bandeira-tarifaria-acionamento.csv");
         AneelSimulator sim = AneelSimulator.builder()
             .resource(AneelDataset.FLAG_ACTIVATIONS.packageId(), AneelDataset.FLAG_ACTIVATIONS.resourceId(),
                 "bandeira-tarifaria-acionamento.csv", csv.readAllBytes())
             .start()) {
      AneelClient aneel = AneelClient.builder().baseUrl(sim.baseUrl()).logLevel(HttpLogLevel.NONE).build();
      try (Stream<?> flags = aneel.download(AneelDataset.FLAG_ACTIVATIONS)) {
        assertThat(flags.count()).isPositive();
      }
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
