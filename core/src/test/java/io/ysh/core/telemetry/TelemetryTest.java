package io.ysh.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.core.spi.Invoker;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryTest {

  private static Invoker invoker(Telemetry telemetry) {
    return Invoker.create("storage", "mem", telemetry, ResiliencePolicy.none(), ErrorMapper.defaults());
  }

  @Test
  void micrometerRecordsATimerPerOutcomeWithoutTheResource() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Invoker invoker = invoker(new MicrometerTelemetry(registry));
    invoker.call("get", "quotes/cpf-24971563792.json", true, () -> "x");
    assertThatThrownBy(() -> invoker.call("get", "missing", true, () -> { throw YshException.of(ErrorCode.NOT_FOUND, "no"); }));

    Timer ok = registry.find(MicrometerTelemetry.METER_NAME).tag("outcome", "OK").timer();
    Timer notFound = registry.find(MicrometerTelemetry.METER_NAME).tag("outcome", "NOT_FOUND").timer();
    assertThat(ok).isNotNull();
    assertThat(ok.count()).isEqualTo(1);
    assertThat(notFound.count()).isEqualTo(1);
    assertThat(ok.getId().getTag("capability")).isEqualTo("storage");
    assertThat(ok.getId().getTag("operation")).isEqualTo("get");
    assertThat(ok.getId().getTag("provider")).isEqualTo("mem");
    assertThat(ok.getId().getTags()).noneMatch(t -> t.getValue().contains("quotes"));
  }

  @Test
  void openTelemetryRecordsClientSpansWithRedactedResourceAndErrorStatus() {
    InMemorySpanExporter exporter = InMemorySpanExporter.create();
    try (OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
            .build()) {
      Invoker invoker = invoker(new OpenTelemetryTelemetry(otel));
      invoker.call("put", "customers/24971563792", true, () -> 1);
      assertThatThrownBy(() -> invoker.call("get", "k", true, () -> { throw YshException.of(ErrorCode.UNAVAILABLE, "down"); }));
      List<SpanData> spans = exporter.getFinishedSpanItems();
      assertThat(spans).extracting(SpanData::getName).containsExactly("storage.put", "storage.get");
      assertThat(spans.get(0).getAttributes().get(AttributeKey.stringKey("ysh.resource"))).isEqualTo("customers/****");
      assertThat(spans.get(1).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(spans.get(1).getAttributes().get(AttributeKey.stringKey("ysh.error_code"))).isEqualTo("UNAVAILABLE");
    }
  }

  @Test
  void compositeFansOutAndSurvivesBrokenTelemetry() {
    List<String> seen = new ArrayList<>();
    Telemetry broken = ctx -> { throw new IllegalStateException("telemetry bug"); };
    Telemetry recording =
        ctx ->
            new Telemetry.Observation() {
              @Override
              public void success() {
                seen.add(ctx.name() + ":ok");
              }

              @Override
              public void failure(YshException error) {
                seen.add(ctx.name() + ":" + error.code());
              }
            };
    Invoker invoker = invoker(Telemetry.composite(broken, recording, Telemetry.slf4j(), Telemetry.noop()));
    assertThat(invoker.call("list", "", true, () -> "fine")).isEqualTo("fine");
    Invoker direct = invoker(broken);
    assertThat(direct.call("list", "", true, () -> "still fine")).isEqualTo("still fine");
    assertThat(seen).containsExactly("storage.list:ok");
  }

  /**
   * The adapters' libraries are optional dependencies: an application without Micrometer and
   * OpenTelemetry must still load and use the core telemetry. Runs core in a class loader that
   * cannot see either library.
   */
  @Test
  void coreWorksWithoutTheOptionalTelemetryLibraries() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(new File(entry).toURI().toURL());
    }
    try (URLClassLoader isolated =
        new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()) {
          @Override
          protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.micrometer.") || name.startsWith("io.opentelemetry.")) {
              throw new ClassNotFoundException(name + " is hidden by this test");
            }
            return super.loadClass(name, resolve);
          }
        }) {
      assertThatThrownBy(() -> isolated.loadClass("io.micrometer.core.instrument.MeterRegistry"))
          .isInstanceOf(ClassNotFoundException.class);
      Class<?> telemetry = isolated.loadClass("io.ysh.core.telemetry.Telemetry");
      Class<?> context = isolated.loadClass("io.ysh.core.telemetry.OperationContext");
      Object defaults = telemetry.getMethod("defaults").invoke(null);
      Constructor<?> ctor = context.getConstructor(String.class, String.class, String.class, String.class);
      Object observation = telemetry.getMethod("start", context).invoke(defaults, ctor.newInstance("c", "o", "p", "r"));
      Method success = isolated.loadClass("io.ysh.core.telemetry.Telemetry$Observation").getMethod("success");
      success.invoke(observation);
      Class<?> invoker = isolated.loadClass("io.ysh.core.spi.Invoker");
      assertThat(invoker.getMethods()).isNotEmpty();
    }
  }
}
