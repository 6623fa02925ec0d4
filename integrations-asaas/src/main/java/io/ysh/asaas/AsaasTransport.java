package io.ysh.asaas;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.http.Redactor;
import io.ysh.core.resilience.ResiliencePolicy;
import io.ysh.core.spi.Invoker;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;

/** Sends requests to Asaas: auth header, JSON, error mapping, resilience and the GET bulkhead. */
final class AsaasTransport {

  static final String PROVIDER = "asaas";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final byte[] EMPTY = new byte[0];
  private static final int MAX_BODY_KEPT = 4096;
  /** A 429 whose reset is further away than this is the 12-hour quota, not a rate limit. */
  private static final long QUOTA_RESET_SECONDS = 600;

  private final OkHttpClient http;
  /** The same pool with the create timeout, no redirects: for POSTs that create something. */
  private final OkHttpClient createHttp;
  private final HttpUrl base;
  private final String basePath;
  private final Secret apiKey;
  private final Invoker invoker;
  private final Semaphore getPermits;
  private final long getWaitNanos;
  private final int maxConcurrentGets;
  private volatile long maxResponseBytes = AsaasClient.DEFAULT_MAX_RESPONSE_BYTES;
  // Error bodies up to this size are redacted whole and kept (cut to MAX_BODY_KEPT); larger
  // ones are not kept, so redaction never has to work on a cut text.
  private static final int MAX_BODY_REDACTED = 256 * 1024;
  private final ResiliencePolicy policy;
  private final Clock clock;
  private final ObjectMapper mapper = AsaasJson.mapper();

  AsaasTransport(
      OkHttpClient http, Duration createTimeout, HttpUrl base, Secret apiKey, Invoker invoker, ResiliencePolicy policy,
      int maxConcurrentGets, Clock clock) {
    this.http = http;
    // A card create may take as long as the authorization (Asaas advises >= 60 s): the read
    // timeout must not cut it shorter than the call timeout. A redirected POST is never followed.
    this.createHttp = http.newBuilder()
        .callTimeout(createTimeout)
        .readTimeout(createTimeout)
        .followRedirects(false)
        .followSslRedirects(false)
        .build();
    this.base = base;
    String p = base.encodedPath();
    this.basePath = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    this.apiKey = apiKey;
    this.invoker = invoker;
    this.policy = policy;
    this.maxConcurrentGets = maxConcurrentGets;
    this.getPermits = new Semaphore(maxConcurrentGets, true);
    this.getWaitNanos = policy.totalTimeout().toNanos();
    this.clock = clock;
  }

  void maxResponseBytes(long bytes) {
    this.maxResponseBytes = bytes;
  }

  // The body, or null when it is longer than maxResponseBytes (the rest is not read).
  private byte[] readCapped(ResponseBody body) throws IOException {
    long limit = maxResponseBytes;
    if (body.contentLength() > limit || body.source().request(limit + 1)) {
      return null;
    }
    return body.bytes();
  }

  ObjectMapper mapper() {
    return mapper;
  }

  Invoker invoker() {
    return invoker;
  }

  ResiliencePolicy policy() {
    return policy;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(AsaasJson.ZONE));
  }

  /** Now in Brazil local time, as Asaas dates its records. */
  LocalDateTime now() {
    return LocalDateTime.now(clock.withZone(AsaasJson.ZONE)).withNano(0);
  }

  /** The base URL's path, such as {@code /v3}, for messages. */
  String basePath() {
    return basePath;
  }

  JavaType type(Class<?> raw) {
    return mapper.constructType(raw);
  }

  JavaType pageOf(Class<?> item) {
    return mapper.getTypeFactory().constructParametricType(Page.class, item);
  }

  /** A GET: retried on connection errors, 5xx and 429 (after RateLimit-Reset), under the bulkhead. */
  <T> T get(String op, String path, Map<String, String> query, JavaType type) {
    HttpUrl url = url(path, query);
    return invoker.call(op, path, true, () -> {
      acquireGetPermit(op);
      try {
        return read(exchange(http, op, "GET", url, null, path), type);
      } finally {
        getPermits.release();
      }
    });
  }

  /** A write; retried only when {@code idempotent} (PUT), never for creates. */
  <T> T send(String op, String method, String path, Object body, JavaType type, boolean idempotent) {
    HttpUrl url = url(path, Map.of());
    byte[] json = body == null ? EMPTY : write(body);
    return invoker.call(op, path, idempotent, () -> read(exchange(http, op, method, url, new TrackedBody(json), path), type));
  }

  /**
   * A multipart/form-data write (Asaas's {@code POST /fiscalInfo/} and {@code POST /anticipations}
   * take forms); retried only when {@code idempotent}. Null fields are left out.
   */
  <T> T sendForm(String op, String method, String path, Map<String, String> fields, JavaType type, boolean idempotent) {
    HttpUrl url = url(path, Map.of());
    Form form = form(fields);
    return invoker.call(op, path, idempotent,
        () -> read(exchange(http, op, method, url, new TrackedBody(form.bytes(), form.type()), path), type));
  }

  /**
   * A multipart/form-data write with one file part after the text fields (Asaas's
   * {@code POST /paymentLinks/{id}/images}); never retried. Null fields are left out.
   */
  <T> T sendFile(String op, String path, Map<String, String> fields, String fileField, String filename, MediaType fileType, byte[] content,
      JavaType type) {
    HttpUrl url = url(path, Map.of());
    okhttp3.MultipartBody.Builder b = formBuilder(fields);
    b.addFormDataPart(fileField, filename, okhttp3.RequestBody.create(content, fileType));
    Form form = encode(b);
    return invoker.call(op, path, false, () -> read(exchange(http, op, "POST", url, new TrackedBody(form.bytes(), form.type()), path), type));
  }

  /** One create POST carrying a multipart/form-data body, classified like {@link #attemptCreate}. */
  <T> Attempt<T> attemptCreateForm(String op, String path, Map<String, String> fields, JavaType type) {
    Form form = form(fields);
    return attempt(op, path, form.bytes(), form.type(), type);
  }

  private record Form(byte[] bytes, MediaType type) {}

  private static Form form(Map<String, String> fields) {
    return encode(formBuilder(fields));
  }

  private static okhttp3.MultipartBody.Builder formBuilder(Map<String, String> fields) {
    okhttp3.MultipartBody.Builder b = new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM);
    fields.forEach((k, v) -> {
      if (v != null) {
        b.addFormDataPart(k, v);
      }
    });
    return b;
  }

  private static Form encode(okhttp3.MultipartBody.Builder b) {
    okhttp3.MultipartBody body = b.build();
    okio.Buffer buffer = new okio.Buffer();
    try {
      body.writeTo(buffer);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INTERNAL).detail("cannot encode a form: " + e.getMessage()).cause(e).build();
    }
    return new Form(buffer.readByteArray(), body.contentType());
  }

  /** The result of one create POST, classified by what it proves about the server's state. */
  sealed interface Attempt<T> {
    /** Asaas answered 2xx with a readable object. */
    record Created<T>(T value) implements Attempt<T> {}

    /** The request provably never reached Asaas (not a byte of the body was written): safe to post again. */
    record NotSent<T>(YshException failure) implements Attempt<T> {}

    /** Asaas may have committed it: a timeout, a reset after writing, a 5xx, an unreadable 2xx. */
    record Ambiguous<T>(AsaasException failure) implements Attempt<T> {}

    /** Asaas answered, and the answer says nothing was created (4xx, 429), or the client refused to send. */
    record Refused<T>(YshException failure) implements Attempt<T> {}
  }

  /**
   * Sends one create POST on the create client (long timeout, no redirects, one-shot body) and
   * classifies the outcome. Never retries by itself.
   */
  <T> Attempt<T> attemptCreate(String op, String path, Object body, JavaType type) {
    return attempt(op, path, write(body), JSON, type);
  }

  private <T> Attempt<T> attempt(String op, String path, byte[] json, MediaType mediaType, JavaType type) {
    HttpUrl url = url(path, Map.of());
    try {
      T value = invoker.call(op, path, false, () -> {
        TrackedBody tracked = new TrackedBody(json, mediaType);
        byte[] bytes = exchange(createHttp, op, "POST", url, tracked, path);
        try {
          return readOrFail(bytes, type);
        } catch (IOException | RuntimeException e) {
          throw new AsaasConnectionException(
              YshException.builder(ErrorCode.UNKNOWN)
                  .operation("asaas." + op)
                  .provider(PROVIDER)
                  .detail("POST " + basePath + path + " answered 2xx but the body could not be read as "
                      + type.getRawClass().getSimpleName() + " (the request was processed)")
                  .cause(e),
              "POST " + basePath + path, true, null);
        }
      });
      return new Attempt.Created<>(value);
    } catch (AsaasConnectionException e) {
      return e.outcomeUnknown() ? new Attempt.Ambiguous<>(e) : new Attempt.NotSent<>(e);
    } catch (AsaasServerException e) {
      return new Attempt.Ambiguous<>(e);
    } catch (YshException e) {
      return new Attempt.Refused<>(e);
    }
  }

  /**
   * A one-shot JSON body that records whether OkHttp started writing it to the network. Headers
   * are written before the body, and a request without its body cannot be acted upon, so "never
   * started" proves the server never received the request. One-shot also forbids OkHttp (and its
   * logging interceptor) from writing it twice.
   */
  static final class TrackedBody extends RequestBody {
    private final byte[] bytes;
    private final MediaType mediaType;
    private final AtomicBoolean started = new AtomicBoolean();

    TrackedBody(byte[] bytes) {
      this(bytes, JSON);
    }

    TrackedBody(byte[] bytes, MediaType mediaType) {
      this.bytes = bytes;
      this.mediaType = mediaType;
    }

    boolean started() {
      return started.get();
    }

    @Override
    public MediaType contentType() {
      return mediaType;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      started.set(true);
      sink.write(bytes);
    }
  }

  private void acquireGetPermit(String op) {
    boolean ok;
    try {
      ok = getPermits.tryAcquire(getWaitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw YshException.builder(ErrorCode.CANCELLED).detail("interrupted waiting for a GET permit").build();
    }
    if (!ok) {
      throw YshException.builder(ErrorCode.RATE_LIMITED)
          .retryable(false)
          .operation("asaas." + op)
          .provider(PROVIDER)
          .detail("more than " + maxConcurrentGets + " concurrent GETs (Asaas allows 50); waited " + Duration.ofNanos(getWaitNanos))
          .build();
    }
  }

  HttpUrl url(String path, Map<String, String> query) {
    HttpUrl.Builder b = base.newBuilder().encodedPath(basePath + path);
    if (query != null) {
      query.forEach((k, v) -> {
        if (v != null) {
          b.addQueryParameter(k, v);
        }
      });
    }
    return b.build();
  }

  byte[] write(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT).detail("cannot serialize request: " + e.getMessage()).cause(e).build();
    }
  }

  private <T> T readOrFail(byte[] bytes, JavaType type) throws IOException {
    T value = mapper.readValue(bytes, type);
    if (value == null) {
      throw new IOException("empty body");
    }
    return value;
  }

  <T> T read(byte[] bytes, JavaType type) {
    if (type == null) {
      return null;
    }
    try {
      return mapper.readValue(bytes, type);
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INTERNAL)
          .provider(PROVIDER)
          .detail("unreadable Asaas response as " + type.getRawClass().getSimpleName() + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()))
          .cause(e)
          .build();
    }
  }

  private byte[] exchange(OkHttpClient client, String op, String method, HttpUrl url, TrackedBody body, String path) {
    String request = method + " " + basePath + path;
    Request.Builder rb = new Request.Builder()
        .url(url)
        .header("access_token", apiKey.reveal())
        .header("Accept", "application/json");
    if ("GET".equals(method)) {
      rb.get();
    } else {
      rb.method(method, body == null ? new TrackedBody(EMPTY) : body);
    }
    Response response;
    try {
      response = client.newCall(rb.build()).execute();
    } catch (IOException | RuntimeException e) {
      throw connectionError(op, request, e, body);
    }
    try (response) {
      ResponseBody rbody = response.body();
      byte[] bytes;
      try {
        bytes = readCapped(rbody);
      } catch (IOException | RuntimeException e) {
        throw connectionError(op, request, e, body);
      }
      if (bytes == null) {
        throw YshException.builder(ErrorCode.INTERNAL)
            .retryable(false)
            .operation("asaas." + op)
            .provider(PROVIDER)
            .resource(path)
            .detail(request + " answered HTTP " + response.code() + " with a body larger than the " + maxResponseBytes
                + "-byte limit (AsaasClient.Builder.maxResponseBytes); the rest was not read")
            .build();
      }
      if (response.isSuccessful()) {
        return bytes;
      }
      throw statusError(op, request, path, response.code(), response.header("RateLimit-Reset"), response.header("RateLimit-Limit"), bytes);
    }
  }

  /**
   * Maps a failure without an HTTP answer. Whether the request may have reached Asaas is decided
   * by its body: a body OkHttp never started writing proves the request was not received (for a
   * GET, the exception type decides).
   */
  static AsaasException connectionError(String op, String request, Exception e, TrackedBody body) {
    boolean neverConnected = body != null
        ? !body.started()
        : e instanceof ConnectException || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    ErrorCode code;
    String what;
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()) && !Thread.currentThread().isInterrupted())) {
      code = ErrorCode.TIMEOUT;
      what = "timed out";
    } else if (e instanceof InterruptedIOException) {
      code = ErrorCode.CANCELLED;
      what = "interrupted";
    } else {
      code = e instanceof IOException ? Errors.classify(e).code() : ErrorCode.UNAVAILABLE;
      what = neverConnected ? "could not connect or send" : "connection failed";
    }
    YshException.Builder b = YshException.builder(code)
        .operation("asaas." + op)
        .provider(PROVIDER)
        .detail(request + ": " + what + (neverConnected ? " (request not sent)" : " (the request may have been processed)")
            + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()))
        .cause(e);
    if (code == ErrorCode.CANCELLED) {
      b.retryable(false);
    }
    return new AsaasConnectionException(b, request, !neverConnected, null);
  }

  AsaasException statusError(String op, String request, String path, int status, String resetHeader, String limitHeader, byte[] bytes) {
    // Redacted whole, then cut: a cut can never fall inside a secret.
    String redacted =
        bytes.length == 0
            ? null
            : bytes.length > MAX_BODY_REDACTED
                ? "(" + bytes.length + " bytes, not kept)"
                : Redactor.defaults().redactForLog(new String(bytes, StandardCharsets.UTF_8), MAX_BODY_KEPT);
    List<AsaasError> errors = parseErrors(bytes);
    StringBuilder detail = new StringBuilder(request).append(" answered HTTP ").append(status);
    for (AsaasError e : errors) {
      detail.append("; ").append(e.code()).append(": ").append(e.description());
    }
    YshException.Builder b = YshException.builder(Errors.forHttpStatus(status)).operation("asaas." + op).provider(PROVIDER).resource(path);
    switch (status) {
      case 400, 422:
        return new AsaasInvalidRequestException(b.detail(detail.toString()), status, request, redacted, errors, null);
      case 401:
        return new AsaasAuthenticationException(
            b.detail(detail + " (check the API key and that it belongs to this environment)"), status, request, redacted, errors, null);
      case 403:
        return new AsaasPermissionException(b.detail(detail.toString()), status, request, redacted, errors, null);
      case 404:
        return new AsaasNotFoundException(b.detail(detail.toString()), status, request, redacted, errors, null);
      case 409:
        return new AsaasConflictException(b.detail(detail.toString()), status, request, redacted, errors, null, List.of());
      case 429: {
        Duration reset = seconds(resetHeader);
        String lower = new String(bytes, 0, Math.min(bytes.length, MAX_BODY_KEPT * 4), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        boolean quota = lower.contains("quota") || lower.contains("cota") || (reset != null && reset.getSeconds() > QUOTA_RESET_SECONDS);
        if (reset != null) {
          b.retryAfter(reset);
        }
        if (quota) {
          return new AsaasQuotaExceededException(
              b.retryable(false).detail(detail + " (request quota exhausted; stop non-essential calls)"), status, request, redacted, errors, null);
        }
        b.retryable(true).detail(detail + (reset == null ? "" : " (RateLimit-Reset " + reset.getSeconds() + " s)"));
        return new AsaasRateLimitException(b, status, request, redacted, errors, integer(limitHeader));
      }
      default:
        if (status >= 500) {
          return new AsaasServerException(b.retryable(true).detail(detail.toString()), status, request, redacted, errors, null);
        }
        return new AsaasInvalidRequestException(b.detail(detail.toString()), status, request, redacted, errors, null);
    }
  }

  private List<AsaasError> parseErrors(byte[] bytes) {
    if (bytes.length == 0) {
      return List.of();
    }
    try {
      JsonNode node = mapper.readTree(bytes);
      JsonNode items = node == null ? null : node.get("errors");
      if (items == null || !items.isArray()) {
        return List.of();
      }
      List<AsaasError> out = new ArrayList<>();
      for (JsonNode item : items) {
        out.add(new AsaasError(text(item, "code"), text(item, "description")));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Duration seconds(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      double s = Double.parseDouble(header.strip());
      return s < 0 ? null : Duration.ofMillis((long) (s * 1000));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int integer(String header) {
    try {
      return header == null ? -1 : Integer.parseInt(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
