package io.ysh.core.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs HTTP exchanges through SLF4J logger {@code io.ysh.http}, with credentials, tokens and
 * CPF/CNPJ numbers masked in URLs, headers and bodies by a {@link Redactor}. Bodies are logged
 * only when they are text and never consumed (the response body is peeked). A body is redacted
 * whole and only then cut to {@value #MAX_BODY} characters, so a cut never falls inside a secret;
 * a body larger than {@value #MAX_PEEK} bytes is not logged at all, since redacting a prefix of it
 * could leave the start of a secret that the prefix cuts readable.
 */
public final class RedactingLoggingInterceptor implements Interceptor {

  /** The largest body logged at {@link HttpLogLevel#BODY}. */
  public static final int MAX_BODY = 4096;

  /** The largest body read for logging; larger bodies are not logged. */
  public static final int MAX_PEEK = 64 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger("io.ysh.http");

  private final HttpLogLevel level;
  private final Redactor redactor;

  /**
   * Creates the interceptor.
   *
   * @param level how much to log
   * @param redactor what to mask
   */
  public RedactingLoggingInterceptor(HttpLogLevel level, Redactor redactor) {
    this.level = Objects.requireNonNull(level, "level");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (level == HttpLogLevel.NONE || !LOG.isDebugEnabled()) {
      return chain.proceed(request);
    }
    String url = redactor.redactUrl(request.url().toString());
    LOG.debug("--> {} {}", request.method(), url);
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      logHeaders("-->", request.headers());
    }
    if (level == HttpLogLevel.BODY && LOG.isTraceEnabled()) {
      logRequestBody(request.body());
    }
    long start = System.nanoTime();
    Response response;
    try {
      response = chain.proceed(request);
    } catch (IOException e) {
      LOG.debug("<-- FAILED {} {}: {}", request.method(), url, redactor.redactText(String.valueOf(e.getMessage())));
      throw e;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    LOG.debug("<-- {} {} {} ({} ms)", response.code(), request.method(), url, ms);
    if (level.compareTo(HttpLogLevel.HEADERS) >= 0) {
      logHeaders("<--", response.headers());
    }
    String encoding = response.header("Content-Encoding");
    if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
      if (level == HttpLogLevel.BODY) {
        LOG.trace("<-- body: ({}-encoded, not logged)", encoding);
      }
    } else if (level == HttpLogLevel.BODY && LOG.isTraceEnabled() && response.body() != null && isText(response.body().contentType())) {
      okhttp3.ResponseBody peeked = response.peekBody(MAX_PEEK + 1L);
      byte[] bytes = peeked.bytes();
      if (bytes.length > MAX_PEEK) {
        LOG.trace("<-- body: (more than {} bytes, not logged)", MAX_PEEK);
      } else {
        String body = new String(bytes, charset(response.body().contentType()));
        LOG.trace("<-- body: {}", redactor.redactForLog(body, MAX_BODY));
      }
    }
    return response;
  }

  private void logHeaders(String arrow, Headers headers) {
    for (int i = 0; i < headers.size(); i++) {
      LOG.debug("{} {}: {}", arrow, headers.name(i), redactor.redactHeader(headers.name(i), headers.value(i)));
    }
  }

  private void logRequestBody(RequestBody body) throws IOException {
    if (body == null || body.isOneShot() || body.isDuplex()) {
      return;
    }
    long length = body.contentLength();
    if (length < 0 || length > MAX_PEEK || !isText(body.contentType())) {
      LOG.trace("--> body: ({} bytes, not logged)", length);
      return;
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    Charset charset = charset(body.contentType());
    LOG.trace("--> body: {}", redactor.redactForLog(buffer.readString(charset), MAX_BODY));
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.subtype();
    return type.type().equals("text")
        || subtype.contains("json")
        || subtype.contains("xml")
        || subtype.equals("x-www-form-urlencoded");
  }

  private static Charset charset(MediaType type) {
    Charset c = type == null ? null : type.charset(StandardCharsets.UTF_8);
    return c == null ? StandardCharsets.UTF_8 : c;
  }

  @Override
  public String toString() {
    return "RedactingLoggingInterceptor[" + level + "]";
  }
}
