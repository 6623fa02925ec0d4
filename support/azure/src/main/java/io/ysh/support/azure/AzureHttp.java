package io.ysh.support.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import io.ysh.core.YshException;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;

/**
 * The HTTP transport of the Azure drivers: azure-core's OkHttp client ({@code azure-core-http-okhttp},
 * on the OkHttp 5 that ysh-bom manages), with every request body marked one-shot
 * ({@link RequestBody#isOneShot()}). OkHttp re-sends a request, unseen, when a connection fails; for a
 * one-shot body it does not once the request has started. So a write (a request with a body: PUT,
 * POST) whose connection is reset is sent once and surfaces as a retryable error, as on the JDK
 * HttpClient, and retries belong to the portable layer's resilience policy, which retries only what
 * is safe to repeat; a read (GET, HEAD, and DELETE, which has no body) on a connection the server
 * closed while pooled is still sent again on a fresh one. The connect, read, write and response
 * timeouts are azure-core's defaults ({@code AZURE_REQUEST_*_TIMEOUT}), as with the client
 * azure-core would otherwise discover. The shared client's dispatcher threads are daemons: OkHttp's
 * default ones would keep a JVM whose work is done alive for a minute.
 */
public final class AzureHttp {

  private AzureHttp() {}

  /**
   * The client the drivers use when given none, shared by all of them (one connection pool).
   *
   * @return the shared client
   */
  public static HttpClient client() {
    return Shared.CLIENT;
  }

  /**
   * A client built on the given OkHttp configuration (such as a test's trust of a self-signed
   * certificate), with request bodies marked one-shot as in {@link #client()}.
   *
   * @param base the OkHttp configuration
   * @return a new client
   * @throws YshException {@code INVALID_ARGUMENT} when {@code base} is null
   */
  public static HttpClient client(OkHttpClient.Builder base) {
    if (base == null) {
      throw YshException.invalidArgument("base must not be null");
    }
    return new OkHttpAsyncHttpClientBuilder(base.addInterceptor(chain -> {
      Request r = chain.request();
      RequestBody body = r.body();
      return body == null || body.isOneShot() ? chain.proceed(r)
          : chain.proceed(r.newBuilder().method(r.method(), new OneShot(body)).build());
    }).build()).build();
  }

  private static final class Shared {
    // daemon threads: OkHttp's default dispatcher threads keep a finished JVM alive for 60 s
    static final HttpClient CLIENT = client(new OkHttpClient.Builder().dispatcher(new okhttp3.Dispatcher(
        new java.util.concurrent.ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, java.util.concurrent.TimeUnit.SECONDS,
            new java.util.concurrent.SynchronousQueue<>(), r -> {
              Thread t = new Thread(r, "ysh-azure-okhttp");
              t.setDaemon(true);
              return t;
            }))));
  }

  /** A body that OkHttp must not send twice. */
  private static final class OneShot extends RequestBody {
    private final RequestBody body;

    OneShot(RequestBody body) {
      this.body = body;
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      body.writeTo(sink);
    }

    @Override
    public boolean isOneShot() {
      return true;
    }
  }
}
