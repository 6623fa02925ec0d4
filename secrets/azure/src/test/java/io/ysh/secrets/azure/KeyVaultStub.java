package io.ysh.secrets.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.ysh.core.json.Json;
import io.ysh.support.azure.AzureHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import reactor.core.publisher.Mono;

/**
 * A stateful protocol stub of the Azure Key Vault secrets REST API served by WireMock over
 * HTTPS: the 401 bearer challenge ({@code WWW-Authenticate: Bearer authorization="…",
 * resource="https://vault.azure.net"}) that the client answers with a token from its
 * {@link TokenCredential}, get latest and by version, set (new version), paged list with
 * {@code nextLink}, soft delete with {@code deletedsecrets} polling and purge, the 409 of a name
 * held by a deleted secret, and {@code {"error":{"code","message"}}} bodies. Secret bundles are
 * shaped as documented: {@code {"value":…,"id":"https://…/secrets/<name>/<version>","attributes":{…},"tags":{…}}}.
 *
 * <p>Why a stub: there is no Key Vault emulator on Maven Central or any reachable registry, so the
 * real {@code SecretClient} runs over real HTTPS against this imitation. Public, in this module's
 * test jar, so that other modules (compat/kitchen-sink) use the same stub.
 */
public final class KeyVaultStub implements AutoCloseable {

  static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOi.never-logged-token";
  static final int PAGE = 2;

  private record Version(String id, String value, long created, Map<String, String> tags) {}

  private final WireMockServer server;
  final Map<String, List<Version>> secrets = new ConcurrentHashMap<>();
  final Map<String, List<Version>> deleted = new ConcurrentHashMap<>();
  final AtomicInteger challenges = new AtomicInteger();
  final List<String> scopesAsked = new CopyOnWriteArrayList<>();
  volatile boolean unavailable;
  volatile boolean tokenRevoked;

  /** Starts the stub over HTTPS (a self-signed certificate) on a free 127.0.0.1 port. */
  public KeyVaultStub() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort().extensions(new Transformer()));
    server.start();
    server.stubFor(any(urlMatching("/.*")).atPriority(10).willReturn(WireMock.aResponse().withTransformers("keyvault-stub")));
  }

  /**
   * The vault URL to give the client.
   *
   * @return {@code https://127.0.0.1:port}
   */
  public String vaultUrl() {
    return "https://127.0.0.1:" + server.httpsPort();
  }

  WireMockServer wireMock() {
    return server;
  }

  /**
   * A credential that hands out the token the stub accepts and records the scopes asked for.
   *
   * @return the credential
   */
  public TokenCredential credential() {
    return ctx -> {
      scopesAsked.addAll(ctx.getScopes());
      return Mono.just(new AccessToken(TOKEN, OffsetDateTime.now().plusHours(1)));
    };
  }

  /**
   * An azure-core HTTP client (OkHttp, the transport the driver uses) that trusts the stub's
   * self-signed certificate, and any other, for any host name (tests only).
   *
   * @return the client
   */
  public static com.azure.core.http.HttpClient insecureHttpClient() {
    SSLContext ssl;
    TrustAll trust = new TrustAll();
    try {
      ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {trust}, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    return AzureHttp.client(new okhttp3.OkHttpClient.Builder()
        .sslSocketFactory(ssl.getSocketFactory(), trust).hostnameVerifier((host, session) -> true));
  }

  /** Trusts every certificate and host (tests only). */
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

  @Override
  public void close() {
    server.stop();
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "keyvault-stub";
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
      try {
        return handle(serveEvent.getRequest());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static ResponseDefinition json(int status, JsonNode body) {
    return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8").withBody(body.toString()).build();
  }

  private static ResponseDefinition error(int status, String code, String message) {
    ObjectNode o = Json.mapper().createObjectNode();
    ObjectNode e = o.putObject("error");
    e.put("code", code);
    e.put("message", message);
    return json(status, o);
  }

  private ObjectNode attributes(long created) {
    ObjectNode a = Json.mapper().createObjectNode();
    a.put("enabled", true);
    a.put("created", created);
    a.put("updated", created);
    a.put("recoveryLevel", "Recoverable+Purgeable");
    a.put("recoverableDays", 90);
    return a;
  }

  private ObjectNode bundle(String name, Version v) {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("value", v.value());
    o.put("id", vaultUrl() + "/secrets/" + name + "/" + v.id());
    o.set("attributes", attributes(v.created()));
    if (!v.tags().isEmpty()) {
      o.set("tags", Json.mapper().valueToTree(v.tags()));
    }
    return o;
  }

  private ObjectNode deletedBundle(String name, Version v) {
    ObjectNode o = bundle(name, v);
    o.remove("value");
    o.put("recoveryId", vaultUrl() + "/deletedsecrets/" + name);
    o.put("deletedDate", v.created());
    o.put("scheduledPurgeDate", v.created() + 90 * 86400);
    return o;
  }

  private ResponseDefinition handle(Request req) throws IOException {
    if (unavailable) {
      return error(503, "ServiceUnavailable", "The service is temporarily unavailable.");
    }
    String auth = req.getHeader("Authorization");
    if (auth == null || !auth.equals("Bearer " + TOKEN) || tokenRevoked) {
      challenges.incrementAndGet();
      return ResponseDefinitionBuilder.responseDefinition().withStatus(401)
          .withHeader("WWW-Authenticate",
              "Bearer authorization=\"https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47\", resource=\"https://vault.azure.net\"")
          .withHeader("Content-Type", "application/json; charset=utf-8")
          .withBody("{\"error\":{\"code\":\"Unauthorized\",\"message\":\"AKV10000: Request is missing a Bearer or PoP token.\"}}")
          .build();
    }
    String url = req.getUrl();
    String query = "";
    int q = url.indexOf('?');
    if (q >= 0) {
      query = url.substring(q + 1);
      url = url.substring(0, q);
    }
    String[] parts = url.substring(1).split("/");
    String method = req.getMethod().getName();
    if (parts[0].equals("secrets") && parts.length == 1 && method.equals("GET")) {
      return list(query);
    }
    if (parts[0].equals("secrets") && parts.length >= 2) {
      String name = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      List<Version> versions = secrets.get(name);
      if (method.equals("PUT")) {
        if (deleted.containsKey(name)) {
          return error(409, "Conflict", "Secret " + name + " is currently in a deleted but recoverable state, and its name cannot be reused; in this state, the secret can only be recovered or purged.");
        }
        JsonNode body = Json.mapper().readTree(req.getBodyAsString());
        Map<String, String> tags = new TreeMap<>();
        if (body.has("tags")) {
          body.get("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        Version v = new Version(UUID.randomUUID().toString().replace("-", ""), body.path("value").asText(), System.currentTimeMillis() / 1000, tags);
        secrets.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>()).add(v);
        return json(200, bundle(name, v));
      }
      if (method.equals("GET")) {
        if (versions == null || versions.isEmpty()) {
          return error(404, "SecretNotFound", "A secret with (name/id) " + name + " was not found in this key vault.");
        }
        Version v = versions.get(versions.size() - 1);
        if (parts.length >= 3 && !parts[2].isEmpty()) {
          v = versions.stream().filter(x -> x.id().equals(parts[2])).findFirst().orElse(null);
          if (v == null) {
            return error(404, "SecretNotFound", "A secret with (name/id) " + name + "/" + parts[2] + " was not found in this key vault.");
          }
        }
        return json(200, bundle(name, v));
      }
      if (method.equals("DELETE")) {
        if (versions == null) {
          return error(404, "SecretNotFound", "A secret with (name/id) " + name + " was not found in this key vault.");
        }
        secrets.remove(name);
        deleted.put(name, versions);
        return json(200, deletedBundle(name, versions.get(versions.size() - 1)));
      }
    }
    if (parts[0].equals("deletedsecrets") && parts.length == 2) {
      String name = URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
      List<Version> versions = deleted.get(name);
      if (versions == null) {
        return error(404, "SecretNotFound", "Deleted Secret not found: " + name);
      }
      if (method.equals("GET")) {
        return json(200, deletedBundle(name, versions.get(versions.size() - 1)));
      }
      if (method.equals("DELETE")) {
        deleted.remove(name);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
      }
    }
    return error(400, "BadParameter", "unsupported request " + method + " " + url);
  }

  private ResponseDefinition list(String query) {
    String skip = null;
    for (String p : query.split("&")) {
      if (p.startsWith("$skiptoken=") || p.startsWith("%24skiptoken=")) {
        skip = URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8);
      }
    }
    List<String> names = new ArrayList<>(new TreeMap<>(secrets).keySet());
    ObjectNode o = Json.mapper().createObjectNode();
    ArrayNode value = o.putArray("value");
    int count = 0;
    String last = null;
    boolean more = false;
    for (String n : names) {
      if (skip != null && n.compareTo(skip) <= 0) {
        continue;
      }
      if (count == PAGE) {
        more = true;
        break;
      }
      ObjectNode item = value.addObject();
      item.put("id", vaultUrl() + "/secrets/" + n);
      List<Version> versions = secrets.get(n);
      item.set("attributes", attributes(versions == null || versions.isEmpty() ? 0 : versions.get(0).created()));
      count++;
      last = n;
    }
    if (more) {
      o.put("nextLink", vaultUrl() + "/secrets?api-version=7.5&$skiptoken=" + last + "&maxresults=" + PAGE);
    } else {
      o.putNull("nextLink");
    }
    return json(200, o);
  }
}
