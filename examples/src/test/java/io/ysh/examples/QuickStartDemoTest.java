package io.ysh.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.ysh.cache.Cache;
import io.ysh.core.br.Money;
import io.ysh.testkit.asaas.AsaasSimulator;
import io.ysh.testkit.server.s3.S3TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs the quick start end to end: once on its embedded defaults (what the README's first command
 * runs), once with storage on S3Proxy (its own JVM), the cache on the machine's Redis (a namespace
 * of its own, cleared afterwards) and the queue on the machine's RabbitMQ (a virtual host of its
 * own, deleted afterwards). The second run is skipped, with a message, when Redis or RabbitMQ is
 * not listening.
 */
class QuickStartDemoTest {

  @Test
  void runsOfflineOnTheDefaultsFromTariffToPaidQuote() throws Exception {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    DemoResult r = new QuickStartDemo(DemoConfig.defaults().withQuoteYear(2026), print(buffer)).run();
    String report = buffer.toString(StandardCharsets.UTF_8);
    System.out.print(report);   // kept in the surefire report

    assertPaidOnce(r);
    assertThat(r.tariff().distributorAcronym()).isEqualTo("CEMIG-D");
    assertThat(r.tariff().totalPerKwh()).isEqualByComparingTo("0.92214");   // (593.08 + 310.21 + 18.85 Amarela) / 1000
    assertThat(r.quote().systemKwp()).isEqualByComparingTo("4.17");
    // Fio B: CEMIG-D's TUSD_FioB 282,164318507 R$/MWh (the simulator's synthetic components sample);
    // 450 compensated kWh x 60% x 0.282164318507 = 76.18; after = 46.11 + 76.18 = 122.29;
    // savings = 461.07 - 122.29 = 338.78; payback = 14990 / 338.78 = 44.2 months
    assertThat(r.quote().monthlySavings()).isEqualTo(Money.of("338.78"));
    assertThat(report)
        .contains("2nd lookup: cache hit")
        .contains("R$ 0.92214/kWh")
        .contains("payback 44.2 months (3.7 years)")
        .contains("Fio B = CEMIG-D's TUSD_FioB from ANEEL's componentes-tarifarias (RESOLUÇÃO HOMOLOGATÓRIA Nº 3.589")
        .contains("SYNTHETIC components sample")
        .doesNotContain("approximated")
        .contains("PIX copia e cola:")
        .contains(r.pixPayload())
        .contains("delivered 2x: verified 2x, processed 1x, duplicate ignored 1x")
        .contains("is PAID in storage")
        .contains("Summary")
        .doesNotContain(AsaasSimulator.DEFAULT_API_KEY)
        .doesNotContain("aact_hmlg");
    for (String step : r.timings().keySet()) {
      assertThat(report).containsPattern("(?m)^  " + java.util.regex.Pattern.quote(step) + " +[0-9.]+ ms");
    }
  }

  @Test
  void withoutPublishedComponentsTheFioBApproximationIsLabelled() throws Exception {
    // a portal that publishes tariffs and flags but no componentes-tarifarias package
    try (io.ysh.testkit.aneel.AneelSimulator portal =
        io.ysh.testkit.aneel.AneelSimulator.builder()
            .resource(io.ysh.aneel.AneelDataset.TARIFFS.packageId(), io.ysh.aneel.AneelDataset.TARIFFS.resourceId(), "t.csv",
                bytes("tarifas-b1.csv"))
            .resource(io.ysh.aneel.AneelDataset.FLAG_ACTIVATIONS.packageId(), io.ysh.aneel.AneelDataset.FLAG_ACTIVATIONS.resourceId(), "f.csv",
                bytes("bandeira-tarifaria-acionamento.csv"))
            .start()) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      DemoResult r = new QuickStartDemo(
          DemoConfig.fromEnvironment(java.util.Map.of("YSH_ANEEL_URL", portal.baseUrl())).withQuoteYear(2026), print(buffer)).run();
      String report = buffer.toString(StandardCharsets.UTF_8);
      assertThat(r.tariff().fioBPerMwh()).isNull();
      // 45% of TUSD 593.08 = 266.89 R$/MWh; 450 x 60% x 0.26689 = 72.06; after 118.17; savings 342.90
      assertThat(r.quote().monthlySavings()).isEqualTo(Money.of("342.90"));
      assertThat(report)
          .contains("Fio B approximated as 45% of the B1 TUSD: no tariff components loaded (componentes-tarifarias)")
          .contains("set YSH_FIOB_RS_MWH");
      assertPaidOnce(r);
    }
  }

  private static byte[] bytes(String name) throws java.io.IOException {
    try (java.io.InputStream in = QuickStartDemoTest.class.getResourceAsStream("/io/ysh/examples/aneel/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void runsTheSameCodeOnS3ProxyRedisAndRabbitMq() throws Exception {
    LocalServers.requireRedisAndRabbitMq();
    S3TestServers.Endpoint s3 = S3TestServers.s3proxy(Path.of("target", "s3proxy"));
    String bucket = "ysh-demo-" + UUID.randomUUID().toString().substring(0, 8);
    try (S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
        .build()) {
      client.createBucket(b -> b.bucket(bucket));
    }
    String namespace = "ysh-demo-test-" + UUID.randomUUID().toString().substring(0, 8);
    String cacheUrl = "redis://127.0.0.1:6379/0?namespace=" + namespace;
    try (LocalServers.Vhost vhost = LocalServers.rabbitMqVhost()) {
      String queue = vhost.url("quote-events-" + UUID.randomUUID().toString().substring(0, 8));
      String storage = "s3://" + s3.accessKey() + ":" + s3.secretKey() + "@" + bucket + "?endpoint=" + s3.endpoint()
          + "&pathStyle=true&region=us-east-1";
      DemoConfig config = DemoConfig.defaults().withQuoteYear(2026).withProviders(storage, cacheUrl, queue, queue);

      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      DemoResult r = new QuickStartDemo(config, print(buffer)).run();
      String report = buffer.toString(StandardCharsets.UTF_8);
      System.out.print(report);
    System.out.print(report);   // kept in the surefire report

      assertPaidOnce(r);
      assertThat(report)
          .contains("storage  s3://")
          .contains("cache    redis://127.0.0.1:6379/0")
          .contains("queue    rabbitmq://")
          .contains(" bytes, s3)")
          .doesNotContain(s3.secretKey())
          .doesNotContain("guest:guest");
    } finally {
      try (Cache cache = Cache.open(cacheUrl)) {
        cache.clear();
      }
    }
  }

  private static void assertPaidOnce(DemoResult r) {
    assertThat(r.storedStatus()).isEqualTo("PAID");
    assertThat(r.quoteKey()).startsWith("quotes/q-").endsWith(".json");
    assertThat(r.tariffLoads()).isEqualTo(1);
    assertThat(r.secondLookupHit()).isTrue();
    assertThat(r.webhookDeliveries()).isEqualTo(2);
    assertThat(r.webhookProcessed()).isEqualTo(1);
    assertThat(r.consumedEvents()).containsExactly("quote.charged", "payment.received");
    assertThat(r.pixPayload()).startsWith("000201");
    assertThat(r.timings()).containsOnlyKeys("1. Tariffs", "2. Quote", "3. Secrets", "4. Charge", "5. Payment");
  }

  static PrintStream print(ByteArrayOutputStream buffer) {
    return new PrintStream(buffer, true, StandardCharsets.UTF_8);
  }
}
