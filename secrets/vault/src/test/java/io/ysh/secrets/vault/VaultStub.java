package io.ysh.secrets.vault;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful protocol stub of the parts of Vault's HTTP API the driver uses, served by WireMock:
 * KV version 2 ({@code data/} read with {@code ?version=}, write, {@code metadata/} list and
 * delete), AppRole login, Kubernetes login ({@code auth/<path>/login} with {@code role} and the
 * service account's {@code jwt}), AWS login ({@code auth/<path>/login} with {@code role} and the
 * four {@code iam_*} fields, recorded for the tests to check the signature), Azure login ({@code
 * auth/<path>/login} with {@code role}, the managed identity's {@code jwt} and the machine's names,
 * recorded), {@code token/lookup-self} and {@code token/renew-self}, the namespace
 * header, and the 403 / 404 / 503-sealed answers. Response bodies are shaped exactly as Vault's
 * API documentation shows them ({@code {"data":{"data":{…},"metadata":{"version":N,…}}}}, the
 * {@code auth} block, {@code {"errors":[…]}}).
 *
 * <p>Why a stub: no Vault or OpenBao server can run on the build machines (no Debian, npm or
 * Maven route to the binary), so the real Vault Java driver is exercised over real HTTP against
 * this faithful imitation. Tokens expire on the injected clock. Public, in this module's test jar,
 * so that other modules (compat/kitchen-sink) use the same stub.
 */
public final class VaultStub implements AutoCloseable {

  /** A token that never expires, accepted everywhere (Vault's root token). */
  public static final String ROOT_TOKEN = "hvs.ROOTtokenNeverLogged0123456789";

  private record Token(long expiresAtMillis, boolean renewable, long ttlSeconds) {}

  private record Version(ObjectNode data, Instant created, boolean deleted) {}

  private final String mount;
  private final Clock clock;
  private final WireMockServer server;
  final Map<String, Token> tokens = new ConcurrentHashMap<>();
  final Map<String, List<Version>> kv = new ConcurrentHashMap<>();
  final Map<String, ObjectNode> customMetadata = new ConcurrentHashMap<>();
  final Set<String> deniedPaths = ConcurrentHashMap.newKeySet();
  volatile String roleId;
  volatile String secretId;
  volatile String kubernetesPath = "kubernetes";
  volatile String kubernetesRole;
  volatile String kubernetesJwt;
  final List<String> kubernetesJwtsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
  volatile String awsPath = "aws";
  volatile String awsRole;
  final List<JsonNode> awsLoginsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
  volatile String azurePath = "azure";
  volatile String azureRole;
  volatile String azureJwt;
  final List<JsonNode> azureLoginsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
  volatile long appRoleTtlSeconds = 3600;
  volatile boolean appRoleRenewable = true;
  volatile String requiredNamespace;
  volatile boolean sealed;
  final AtomicInteger logins = new AtomicInteger();
  final AtomicInteger renewals = new AtomicInteger();
  final AtomicInteger lookups = new AtomicInteger();

  /**
   * Starts the stub on a free 127.0.0.1 port.
   *
   * @param mount the KV version 2 mount it serves
   * @param clock the clock tokens expire on
   */
  public VaultStub(String mount, Clock clock) {
    this.mount = mount;
    this.clock = clock;
    tokens.put(ROOT_TOKEN, new Token(0, false, 0));
    this.server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Transformer()));
    server.start();
    server.stubFor(any(urlMatching("/v1/.*")).atPriority(10).willReturn(WireMock.aResponse().withTransformers("vault-stub")));
  }

  /**
   * The port it serves HTTP on, at 127.0.0.1.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  WireMockServer wireMock() {
    return server;
  }

  /**
   * Issues a token directly, as {@code vault token create} would.
   *
   * @param ttlSeconds its time to live (0: never expires)
   * @param renewable whether renew-self extends it
   * @return the token
   */
  public String issueToken(long ttlSeconds, boolean renewable) {
    String t = "hvs." + UUID.randomUUID().toString().replace("-", "");
    tokens.put(t, new Token(ttlSeconds == 0 ? 0 : clock.millis() + ttlSeconds * 1000, renewable, ttlSeconds));
    return t;
  }

  /**
   * Seeds a secret with arbitrary fields, as another tool ({@code vault kv put}) would.
   *
   * @param path the secret's path under the mount
   * @param fields its fields
   * @param custom its custom metadata, or null
   */
  public void seed(String path, Map<String, Object> fields, Map<String, String> custom) {
    ObjectNode data = Json.mapper().valueToTree(fields);
    kv.computeIfAbsent(path, k -> new ArrayList<>()).add(new Version(data, clock.instant(), false));
    if (custom != null) {
      customMetadata.put(path, Json.mapper().valueToTree(custom));
    }
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Transformer implements ResponseDefinitionTransformerV2 {
    @Override
    public String getName() {
      return "vault-stub";
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
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(body.toString())
        .build();
  }

  private static ResponseDefinition errors(int status, String... messages) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode errs = body.putArray("errors");
    for (String m : messages) {
      errs.add(m);
    }
    return json(status, body);
  }

  private static ObjectNode envelope() {
    ObjectNode o = Json.mapper().createObjectNode();
    o.put("request_id", UUID.randomUUID().toString());
    o.put("lease_id", "");
    o.put("renewable", false);
    o.put("lease_duration", 0);
    o.putNull("wrap_info");
    o.putNull("warnings");
    o.putNull("auth");
    return o;
  }

  private ObjectNode authBlock(String token, long ttl, boolean renewable) {
    ObjectNode o = envelope();
    o.putNull("data");
    ObjectNode auth = o.putObject("auth");
    auth.put("client_token", token);
    auth.put("accessor", UUID.randomUUID().toString());
    auth.putArray("policies").add("default").add("app");
    auth.putArray("token_policies").add("default").add("app");
    auth.putNull("metadata");
    auth.put("lease_duration", ttl);
    auth.put("renewable", renewable);
    auth.put("entity_id", UUID.randomUUID().toString());
    auth.put("token_type", "service");
    auth.put("orphan", true);
    return o;
  }

  private boolean validToken(String token) {
    if (token == null) {
      return false;
    }
    Token t = tokens.get(token);
    return t != null && (t.expiresAtMillis() == 0 || clock.millis() < t.expiresAtMillis());
  }

  private ResponseDefinition handle(Request req) throws IOException {
    if (sealed) {
      return errors(503, "Vault is sealed");
    }
    if (requiredNamespace != null && !requiredNamespace.equals(req.getHeader("X-Vault-Namespace"))) {
      return errors(404, "no handler for route \"" + req.getUrl() + "\". route entry not found.");
    }
    String url = req.getUrl();
    String query = "";
    int q = url.indexOf('?');
    if (q >= 0) {
      query = url.substring(q + 1);
      url = url.substring(0, q);
    }
    String method = req.getMethod().getName();
    String token = req.getHeader("X-Vault-Token");

    if (url.equals("/v1/auth/" + kubernetesPath + "/login") && method.equals("POST")) {
      JsonNode body = Json.mapper().readTree(req.getBodyAsString());
      kubernetesJwtsSeen.add(body.path("jwt").asText());
      if (kubernetesRole == null || !kubernetesRole.equals(body.path("role").asText())) {
        return errors(400, "invalid role name \"" + body.path("role").asText() + "\"");
      }
      if (!body.path("jwt").asText().equals(kubernetesJwt)) {
        return errors(403, "permission denied");
      }
      logins.incrementAndGet();
      String t = issueToken(appRoleTtlSeconds, appRoleRenewable);
      return json(200, authBlock(t, appRoleTtlSeconds, appRoleRenewable));
    }
    if (url.equals("/v1/auth/" + awsPath + "/login") && method.equals("POST")) {
      // Vault would send the signed request to STS; the tests check the signature themselves
      JsonNode body = Json.mapper().readTree(req.getBodyAsString());
      awsLoginsSeen.add(body);
      if (awsRole == null || !awsRole.equals(body.path("role").asText())) {
        return errors(400, "entry for role " + body.path("role").asText() + " not found");
      }
      for (String field : List.of("iam_http_request_method", "iam_request_url", "iam_request_body", "iam_request_headers")) {
        if (body.path(field).asText().isEmpty()) {
          return errors(400, "missing " + field);
        }
      }
      logins.incrementAndGet();
      String t = issueToken(appRoleTtlSeconds, appRoleRenewable);
      return json(200, authBlock(t, appRoleTtlSeconds, appRoleRenewable));
    }
    if (url.equals("/v1/auth/" + azurePath + "/login") && method.equals("POST")) {
      JsonNode body = Json.mapper().readTree(req.getBodyAsString());
      azureLoginsSeen.add(body);
      if (azureRole == null || !azureRole.equals(body.path("role").asText())) {
        return errors(400, "invalid role name \"" + body.path("role").asText() + "\"");
      }
      if (!body.path("jwt").asText().equals(azureJwt)) {
        return errors(403, "permission denied");
      }
      logins.incrementAndGet();
      String t = issueToken(appRoleTtlSeconds, appRoleRenewable);
      return json(200, authBlock(t, appRoleTtlSeconds, appRoleRenewable));
    }
    if (url.equals("/v1/auth/approle/login") && method.equals("POST")) {
      JsonNode body = Json.mapper().readTree(req.getBodyAsString());
      if (roleId == null || !roleId.equals(body.path("role_id").asText()) || !secretId.equals(body.path("secret_id").asText())) {
        return errors(400, "invalid role or secret ID");
      }
      logins.incrementAndGet();
      String t = issueToken(appRoleTtlSeconds, appRoleRenewable);
      return json(200, authBlock(t, appRoleTtlSeconds, appRoleRenewable));
    }
    if (url.equals("/v1/auth/token/lookup-self")) {
      lookups.incrementAndGet();
      if (!validToken(token)) {
        return errors(403, "permission denied");
      }
      Token t = tokens.get(token);
      long ttl = t.expiresAtMillis() == 0 ? 0 : Math.max(0, (t.expiresAtMillis() - clock.millis()) / 1000);
      ObjectNode o = envelope();
      ObjectNode data = o.putObject("data");
      data.put("accessor", "8609694a-cdbc-db9b-d345-e782dbb562ed");
      data.put("creation_time", clock.instant().getEpochSecond());
      data.put("creation_ttl", t.ttlSeconds());
      data.put("display_name", "token");
      data.put("explicit_max_ttl", 0);
      data.put("id", token);
      data.putArray("policies").add("default");
      data.put("num_uses", 0);
      data.put("orphan", true);
      data.put("path", "auth/token/create");
      data.put("renewable", t.renewable());
      data.put("ttl", ttl);
      return json(200, o);
    }
    if (url.equals("/v1/auth/token/renew-self") && method.equals("POST")) {
      if (!validToken(token)) {
        return errors(403, "permission denied");
      }
      Token t = tokens.get(token);
      if (!t.renewable()) {
        return errors(400, "lease is not renewable");
      }
      renewals.incrementAndGet();
      tokens.put(token, new Token(clock.millis() + t.ttlSeconds() * 1000, true, t.ttlSeconds()));
      return json(200, authBlock(token, t.ttlSeconds(), true));
    }
    String dataPrefix = "/v1/" + mount + "/data/";
    String metaPrefix = "/v1/" + mount + "/metadata";
    if (url.startsWith(dataPrefix) || url.startsWith(metaPrefix)) {
      if (!validToken(token)) {
        return errors(403, "permission denied");
      }
      boolean isData = url.startsWith(dataPrefix);
      String path = URLDecoder.decode(url.substring(isData ? dataPrefix.length() : Math.min(url.length(), metaPrefix.length() + 1)), StandardCharsets.UTF_8);
      for (String denied : deniedPaths) {
        if (path.startsWith(denied)) {
          return errors(403, "1 error occurred:\n\t* permission denied\n\n");
        }
      }
      if (isData && method.equals("GET")) {
        return read(path, query);
      }
      if (isData && (method.equals("POST") || method.equals("PUT"))) {
        return write(path, Json.mapper().readTree(req.getBodyAsString()));
      }
      if (!isData && method.equals("GET") && query.contains("list=true")) {
        return list(path);
      }
      if (!isData && method.equals("DELETE")) {
        kv.remove(path);
        customMetadata.remove(path);
        return ResponseDefinitionBuilder.responseDefinition().withStatus(204).build();
      }
      return errors(405, "unsupported operation");
    }
    return errors(404, "no handler for route \"" + url + "\". route entry not found.");
  }

  private ObjectNode metadata(String path, int number, Version v) {
    ObjectNode m = Json.mapper().createObjectNode();
    m.put("created_time", v.created().toString());
    ObjectNode custom = customMetadata.get(path);
    if (custom == null) {
      m.putNull("custom_metadata");
    } else {
      m.set("custom_metadata", custom);
    }
    m.put("deletion_time", "");
    m.put("destroyed", false);
    m.put("version", number);
    return m;
  }

  private ResponseDefinition read(String path, String query) {
    List<Version> versions = kv.get(path);
    if (versions == null || versions.isEmpty()) {
      return errors(404);
    }
    int number = versions.size();
    for (String p : query.split("&")) {
      if (p.startsWith("version=")) {
        number = Integer.parseInt(p.substring(8));
      }
    }
    if (number < 1 || number > versions.size()) {
      return errors(404);
    }
    Version v = versions.get(number - 1);
    ObjectNode o = envelope();
    ObjectNode data = o.putObject("data");
    data.set("data", v.data());
    data.set("metadata", metadata(path, number, v));
    return json(200, o);
  }

  private ResponseDefinition write(String path, JsonNode body) {
    JsonNode data = body.get("data");
    if (data == null || !data.isObject()) {
      return errors(400, "no data provided");
    }
    List<Version> versions = kv.computeIfAbsent(path, k -> java.util.Collections.synchronizedList(new ArrayList<>()));
    Version v = new Version((ObjectNode) data, clock.instant(), false);
    int number;
    synchronized (versions) {
      versions.add(v);
      number = versions.size();
    }
    ObjectNode o = envelope();
    o.set("data", metadata(path, number, v));
    return json(200, o);
  }

  private ResponseDefinition list(String folder) {
    String f = folder.isEmpty() || folder.endsWith("/") ? folder : folder + "/";
    Set<String> keys = new TreeSet<>();
    for (String path : new TreeMap<>(kv).keySet()) {
      if (path.startsWith(f)) {
        String rest = path.substring(f.length());
        int slash = rest.indexOf('/');
        keys.add(slash < 0 ? rest : rest.substring(0, slash + 1));
      }
    }
    if (keys.isEmpty()) {
      return errors(404);
    }
    ObjectNode o = envelope();
    ArrayNode arr = o.putObject("data").putArray("keys");
    keys.forEach(arr::add);
    return json(200, o);
  }
}
