package io.ysh.secrets.vault;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Logical;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.response.LookupResponse;
import io.github.jopenlibs.vault.rest.Rest;
import io.github.jopenlibs.vault.rest.RestException;
import io.github.jopenlibs.vault.rest.RestResponse;
import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.json.Json;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HashiCorp Vault (or OpenBao) KV version 2 driver on the Vault Java driver.
 *
 * <p><b>Values.</b> {@code put(name, value)} writes {@code {"value": "<text>"}}; {@code get}
 * returns that text, or, for a secret with other fields (written by other tools), the whole
 * data object as JSON, which {@link io.ysh.secrets.SecretStore#getField} reads. Versions are
 * Vault's version numbers; {@code created_time} and {@code custom_metadata} become the creation
 * time and labels. {@code delete} removes the metadata, hence every version. {@code list} walks
 * the KV folders below the prefix lazily, one folder per page.
 *
 * <p><b>Auth.</b> A token, AppRole (role id and secret id held as {@link Secret}s, login on
 * first use), Kubernetes (the pod's service-account JWT, read from its file at each login, since
 * Kubernetes rotates projected tokens, and a Vault role; {@code auth/kubernetes/login}), or AWS
 * ({@code iam} type: a signed {@code sts:GetCallerIdentity} request, signed afresh at each login
 * with the AWS credentials chain; {@code auth/aws/login}; needs {@code software.amazon.awssdk:auth}),
 * or Azure (a managed identity's token and the machine's names from the Instance Metadata Service;
 * {@code auth/azure/login}). The token's lease is looked up on first use and renewed ({@code renew-self})
 * when two thirds of it have passed; an AppRole token that cannot be renewed is replaced by a
 * new login. A 403 whose token no longer passes {@code lookup-self} is {@code UNAUTHENTICATED}
 * (invalid, expired or revoked token; AppRole logs in again and retries once); other 403s are
 * {@code PERMISSION_DENIED}. The namespace header is sent on every call when configured.
 * Thread-safe.
 */
public final class VaultSecretDriver implements SecretDriver {

  /** Where Kubernetes mounts a pod's service-account token. */
  public static final String DEFAULT_SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

  private static final Logger LOG = LoggerFactory.getLogger(VaultSecretDriver.class);
  private static final Set<SecretCapability> CAPABILITIES =
      Set.of(SecretCapability.PUT, SecretCapability.DELETE, SecretCapability.LIST, SecretCapability.VERSIONS);

  private final String address;
  private final String mount;
  private final String namespace;
  private final VaultConfig config;
  private final Vault vault;
  private final Clock clock;
  private final Secret roleId;
  private final Secret secretId;
  private final String appRolePath;
  private final String kubernetesRole;
  private final Path kubernetesJwtFile;
  private final String kubernetesPath;
  private final String awsRole;
  private final String awsPath;
  private final VaultAwsIam awsIam;
  private final String azureRole;
  private final String azurePath;
  private final VaultAzureMsi azureMsi;
  private final boolean tlsVerify;
  private final int timeoutSeconds;
  private final boolean logsIn;
  private final Object authLock = new Object();
  private volatile boolean authenticated;
  private volatile Instant renewAt;
  private volatile boolean renewable;

  private VaultSecretDriver(Builder b) {
    this.address = Objects.requireNonNull(b.address, "address");
    this.mount = normalizeMount(b.mount);
    this.namespace = b.namespace;
    this.clock = b.clock;
    this.roleId = b.roleId;
    this.secretId = b.secretId;
    this.appRolePath = b.appRolePath;
    this.kubernetesRole = b.kubernetesRole;
    this.kubernetesJwtFile = b.kubernetesJwtFile;
    this.kubernetesPath = b.kubernetesPath;
    this.awsRole = b.awsRole;
    this.awsPath = b.awsPath;
    this.awsIam = b.awsRole == null ? null : new VaultAwsIam(b.awsCredentials, b.awsRegion, b.awsServerId, b.clock);
    this.azureRole = b.azureRole;
    this.azurePath = b.azurePath;
    this.tlsVerify = b.tlsVerify;
    this.timeoutSeconds = (int) Math.max(1, b.timeout.toSeconds());
    this.azureMsi = b.azureRole == null ? null : new VaultAzureMsi(b.azureResource, b.azureClientId, b.imds, b.timeout);
    this.logsIn = b.roleId != null || b.kubernetesRole != null || b.awsRole != null || b.azureRole != null;
    if (b.token == null && !logsIn) {
      throw YshException.invalidArgument("Vault needs a token, an AppRole (role id and secret id), or a Kubernetes, AWS or Azure role");
    }
    if ((b.roleId != null ? 1 : 0) + (b.kubernetesRole != null ? 1 : 0) + (b.awsRole != null ? 1 : 0) + (b.azureRole != null ? 1 : 0) > 1) {
      throw YshException.invalidArgument("choose one Vault auth method: AppRole, Kubernetes, AWS or Azure, not several");
    }
    if (b.roleId != null && (b.secretId == null || b.secretId.isEmpty())) {
      throw YshException.invalidArgument("Vault AppRole auth needs a secret id (none was given)");
    }
    try {
      EnvironmentLoader noEnvironment =
          new EnvironmentLoader() {
            private static final long serialVersionUID = 1L;

            @Override
            public String loadVariable(String name) {
              return null;
            }
          };
      SslConfig ssl = new SslConfig().verify(b.tlsVerify);
      if (b.caCert != null) {
        ssl.pemFile(b.caCert.toFile());
      }
      ssl.build();
      int timeoutSeconds = (int) Math.max(1, b.timeout.toSeconds());
      VaultConfig c =
          new VaultConfig()
              .environmentLoader(noEnvironment)
              .address(address)
              .engineVersion(2)
              .prefixPathDepth(mount.split("/").length)
              .openTimeout(timeoutSeconds)
              .readTimeout(timeoutSeconds)
              .sslConfig(ssl);
      if (b.token != null) {
        c.token(b.token.reveal());
      }
      if (namespace != null && !namespace.isEmpty()) {
        c.nameSpace(namespace);
      }
      if (b.tlsVerify) {
        // One shared client (connection pool) instead of the driver's client per request.
        HttpClient.Builder http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(timeoutSeconds));
        if (ssl.getSslContext() != null) {
          http.sslContext(ssl.getSslContext());
        }
        c.httpClient(http.build());
      }
      this.config = c.build();
      this.vault = Vault.create(config, 2);
    } catch (VaultException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("invalid Vault configuration (address " + address + ")")
          .cause(VaultErrors.map(e))
          .build();
    }
  }

  /**
   * Starts building a driver.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static String normalizeMount(String mount) {
    String m = mount == null ? "secret" : mount.strip();
    while (m.startsWith("/")) {
      m = m.substring(1);
    }
    while (m.endsWith("/")) {
      m = m.substring(0, m.length() - 1);
    }
    if (m.isEmpty() || m.contains("//")) {
      throw YshException.invalidArgument("Vault KV mount path '" + mount + "' is empty or malformed");
    }
    return m;
  }

  @Override
  public String provider() {
    return "vault";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ErrorMapper errorMapper() {
    return VaultErrors::map;
  }

  // --- auth -------------------------------------------------------------------------------

  private void ensureToken() throws VaultException {
    Instant due = renewAt;
    if (authenticated && (due == null || clock.instant().isBefore(due))) {
      return;
    }
    synchronized (authLock) {
      if (!authenticated) {
        if (logsIn) {
          login();
        } else {
          lookup();
        }
        return;
      }
      due = renewAt;
      if (due == null || clock.instant().isBefore(due)) {
        return;
      }
      if (renewable) {
        try {
          AuthResponse r = vault.auth().renewSelf();
          schedule(r.getAuthLeaseDuration(), r.isAuthRenewable());
          LOG.debug("renewed the Vault token; lease {} s", r.getAuthLeaseDuration());
          return;
        } catch (VaultException e) {
          LOG.warn("renewing the Vault token failed (HTTP {})", e.getHttpStatusCode());
          if (!logsIn) {
            renewAt = null;
            return;
          }
        }
      }
      if (logsIn) {
        login();
      } else {
        LOG.warn("the Vault token is not renewable and expires soon; configure a fresh token or AppRole");
        renewAt = null;
      }
    }
  }

  private void login() throws VaultException {
    AuthResponse r;
    String method = kubernetesRole != null ? "Kubernetes" : awsRole != null ? "AWS" : azureRole != null ? "Azure" : "AppRole";
    String path = kubernetesRole != null ? kubernetesPath : awsRole != null ? awsPath : azureRole != null ? azurePath : appRolePath;
    try {
      if (kubernetesRole != null) {
        r = vault.auth().loginByKubernetes(kubernetesRole, serviceAccountJwt().reveal(), "auth/" + kubernetesPath);
      } else if (awsRole != null) {
        VaultAwsIam.Login aws = awsIam.sign();
        r = vault.auth().loginByAwsIam(awsRole, aws.url(), aws.body(), aws.headers(), awsPath);
      } else if (azureRole != null) {
        r = azureLogin();
      } else {
        r = vault.auth().loginByAppRole(appRolePath, roleId.reveal(), secretId.reveal());
      }
    } catch (VaultException e) {
      int status = e.getHttpStatusCode();
      if (status == 400 || status == 403 || status == 401) {
        throw YshException.builder(ErrorCode.UNAUTHENTICATED)
            .detail("Vault " + method + " login at auth/" + path + " failed (HTTP " + status + "): "
                + (kubernetesRole != null
                    ? "the role '" + kubernetesRole + "' does not accept this service account's token"
                    : awsRole != null
                        ? "the role '" + awsRole + "' does not accept these AWS credentials (or the server id header differs)"
                        : azureRole != null
                            ? "the role '" + azureRole + "' does not accept this managed identity or machine"
                            : "the role id or secret id is invalid, expired or used up"))
            .build();
      }
      throw e;
    }
    String token = r.getAuthClientToken();
    if (token == null || token.isEmpty()) {
      throw YshException.of(ErrorCode.UNAUTHENTICATED, "Vault " + method + " login returned no client token");
    }
    config.token(token);
    schedule(r.getAuthLeaseDuration(), r.isAuthRenewable());
    authenticated = true;
    LOG.debug("logged in to Vault with {} at auth/{}; lease {} s", method, path, r.getAuthLeaseDuration());
  }

  /**
   * Vault's Azure login, which the Vault Java driver lacks: the body from {@link VaultAzureMsi}
   * posted to {@code auth/<azurePath>/login} with the driver's REST client and TLS settings.
   */
  private AuthResponse azureLogin() throws VaultException {
    Secret body = azureMsi.loginBody(azureRole);
    Rest rest = new Rest().url(address + "/v1/auth/" + azurePath + "/login").header("X-Vault-Request", "true")
        .body(body.revealBytes()).connectTimeoutSeconds(timeoutSeconds).readTimeoutSeconds(timeoutSeconds)
        .sslVerification(tlsVerify);
    if (config.getSslConfig() != null && config.getSslConfig().getSslContext() != null) {
      rest.sslContext(config.getSslConfig().getSslContext());
    }
    if (namespace != null && !namespace.isEmpty()) {
      rest.header("X-Vault-Namespace", namespace);
    }
    RestResponse response;
    try {
      response = rest.post();
    } catch (RestException e) {
      throw new VaultException(e);
    }
    if (response.getStatus() != 200) {
      throw new VaultException("Vault responded with HTTP status code: " + response.getStatus(), response.getStatus());
    }
    return new AuthResponse(response, 0);
  }

  /** Read at each login: Kubernetes rotates projected service-account tokens. */
  private Secret serviceAccountJwt() {
    try {
      return Secret.of(Files.readString(kubernetesJwtFile, StandardCharsets.UTF_8).strip());
    } catch (IOException | RuntimeException e) {
      throw YshException.builder(ErrorCode.UNAUTHENTICATED)
          .detail("cannot read the Kubernetes service-account token " + kubernetesJwtFile + " (" + e.getClass().getSimpleName() + ")")
          .build();
    }
  }

  private void lookup() throws VaultException {
    LookupResponse r;
    try {
      r = vault.auth().lookupSelf();
    } catch (VaultException e) {
      if (e.getHttpStatusCode() == 403 || e.getHttpStatusCode() == 401) {
        throw invalidToken();
      }
      throw e;
    }
    schedule(r.getTTL(), r.isRenewable());
    authenticated = true;
  }

  private void schedule(long leaseSeconds, boolean canRenew) {
    this.renewable = canRenew;
    this.renewAt = leaseSeconds > 0 ? clock.instant().plusSeconds(Math.max(1, leaseSeconds * 2 / 3)) : null;
  }

  private static YshException invalidToken() {
    return YshException.of(ErrorCode.UNAUTHENTICATED, "the Vault token is invalid, expired or revoked");
  }

  private boolean tokenRejected() {
    try {
      vault.auth().lookupSelf();
      return false;
    } catch (VaultException e) {
      return e.getHttpStatusCode() == 403 || e.getHttpStatusCode() == 401;
    }
  }

  @FunctionalInterface
  private interface VaultCall<T> {
    T run() throws Exception;
  }

  private <T> T withToken(VaultCall<T> call) throws Exception {
    ensureToken();
    try {
      return call.run();
    } catch (VaultHttpException | VaultException e) {
      int status = e instanceof VaultHttpException h ? h.status() : ((VaultException) e).getHttpStatusCode();
      if (status == 403 && tokenRejected()) {
        if (logsIn) {
          synchronized (authLock) {
            login();
          }
          return call.run();
        }
        throw invalidToken();
      }
      throw e;
    }
  }

  // --- operations ---------------------------------------------------------------------------

  private String path(String name) {
    return mount + "/" + name;
  }

  private Logical logical() {
    return vault.logical();
  }

  private static void check(LogicalResponse r, int... ok) throws VaultHttpException {
    int status = r.getRestResponse().getStatus();
    for (int s : ok) {
      if (s == status) {
        return;
      }
    }
    throw new VaultHttpException(status, errors(r.getRestResponse().getBody()));
  }

  private static List<String> errors(byte[] body) {
    List<String> out = new ArrayList<>();
    try {
      JsonNode node = Json.mapper().readTree(body);
      JsonNode errs = node == null ? null : node.get("errors");
      if (errs != null && errs.isArray()) {
        for (JsonNode e : errs) {
          out.add(e.asText());
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: no details
    }
    return out;
  }

  @Override
  public SecretValue get(String name, String version) throws Exception {
    Integer v = null;
    if (version != null) {
      try {
        v = Integer.valueOf(version);
      } catch (NumberFormatException e) {
        throw YshException.invalidArgument("Vault KV versions are positive integers, got '" + version + "'");
      }
      if (v < 1) {
        throw YshException.invalidArgument("Vault KV versions are positive integers, got '" + version + "'");
      }
    }
    Integer requested = v;
    LogicalResponse r =
        withToken(() -> {
          LogicalResponse resp = requested == null ? logical().read(path(name)) : logical().read(path(name), false, requested);
          check(resp, 200);
          return resp;
        });
    JsonObject data = r.getDataObject();
    if (data == null) {
      throw YshException.of(ErrorCode.NOT_FOUND, "the version has no data (deleted or destroyed)");
    }
    Secret secret;
    JsonValue single = data.size() == 1 ? data.get("value") : null;
    if (single != null && single.isString()) {
      secret = Secret.of(single.asString());
    } else {
      secret = Secret.of(data.toString());
    }
    Map<String, String> meta = r.getDataMetadata().getMetadataMap();
    SecretValue.Builder b = SecretValue.builder(name, secret).version(meta.get("version"));
    String created = meta.get("created_time");
    if (created != null && !created.isEmpty()) {
      try {
        b.createdTime(Instant.parse(created));
      } catch (DateTimeParseException e) {
        // leave it out
      }
    }
    String custom = meta.get("custom_metadata");
    if (custom != null && custom.startsWith("{")) {
      try {
        JsonNode labels = Json.mapper().readTree(custom);
        labels.properties().forEach(f -> b.label(f.getKey(), f.getValue().asText()));
      } catch (java.io.IOException e) {
        // leave them out
      }
    }
    return b.build();
  }

  @Override
  public NamePage list(String prefix, String pageToken) throws Exception {
    Deque<String> pending = new ArrayDeque<>();
    if (pageToken == null) {
      int slash = prefix.lastIndexOf('/');
      pending.add(slash < 0 ? "" : prefix.substring(0, slash + 1));
    } else {
      for (String f : pageToken.split("\n", -1)) {
        pending.add(f);
      }
    }
    String folder = pending.removeFirst();
    String listPath = folder.isEmpty() ? mount : mount + "/" + folder;
    LogicalResponse r = withToken(() -> {
      LogicalResponse resp = logical().list(listPath);
      if (resp != null && resp.getRestResponse().getStatus() != 404) {
        check(resp, 200);
      }
      return resp;
    });
    List<String> names = new ArrayList<>();
    if (r != null && r.getRestResponse().getStatus() == 200) {
      for (String key : r.getListData()) {
        String full = folder + key;
        if (key.endsWith("/")) {
          if (full.startsWith(prefix) || prefix.startsWith(full)) {
            pending.add(full);
          }
        } else if (full.startsWith(prefix)) {
          names.add(full);
        }
      }
    }
    names.sort(null);
    return new NamePage(names, pending.isEmpty() ? null : String.join("\n", pending));
  }

  @Override
  public String put(String name, Secret value) throws Exception {
    LogicalResponse r = withToken(() -> {
      LogicalResponse resp = logical().write(path(name), Map.of("value", value.reveal()));
      check(resp, 200, 204);
      return resp;
    });
    return r.getData().get("version");
  }

  @Override
  public void delete(String name) throws Exception {
    withToken(() -> logical().delete(path(name)));
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    if (type.isInstance(vault)) {
      return Optional.of(type.cast(vault));
    }
    if (type == VaultConfig.class) {
      return Optional.of(type.cast(config));
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    // java.net.http.HttpClient (Java 17) has nothing to close; its threads are daemons.
  }

  /** Address, mount and namespace; never a token, role id or secret id. */
  @Override
  public String toString() {
    return "VaultSecretDriver[" + address + ", mount=" + mount
        + (namespace == null ? "" : ", namespace=" + namespace)
        + ", auth=" + (roleId != null ? "approle" : kubernetesRole != null ? "kubernetes" : awsRole != null ? "aws"
            : azureRole != null ? "azure" : "token") + "]";
  }

  /** Builds {@link VaultSecretDriver}s. Not thread-safe. */
  public static final class Builder {
    private String address;
    private String mount = "secret";
    private String namespace;
    private Secret token;
    private Secret roleId;
    private Secret secretId;
    private String appRolePath = "approle";
    private String kubernetesRole;
    private Path kubernetesJwtFile = Path.of(DEFAULT_SERVICE_ACCOUNT_TOKEN);
    private String kubernetesPath = "kubernetes";
    private String awsRole;
    private String awsPath = "aws";
    private Object awsCredentials;
    private String awsRegion;
    private String awsServerId;
    private String azureRole;
    private String azurePath = "azure";
    private String azureResource = "https://management.azure.com/";
    private String azureClientId;
    private String imds = VaultAzureMsi.IMDS;
    private boolean tlsVerify = true;
    private Path caCert;
    private Duration timeout = Duration.ofSeconds(10);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * The Vault server's address (required).
     *
     * @param address such as {@code https://vault.internal:8200}
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when it is not an http(s) URL with a host
     */
    public Builder address(String address) {
      URI uri;
      try {
        uri = URI.create(Objects.requireNonNull(address, "address"));
      } catch (IllegalArgumentException e) {
        throw YshException.invalidArgument("malformed Vault address: expected https://host:port");
      }
      if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw YshException.invalidArgument("malformed Vault address: expected https://host:port");
      }
      this.address = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
      return this;
    }

    /**
     * Sets the KV v2 mount path (default {@code secret}); may have several segments.
     *
     * @param mount such as {@code kv/team-a}
     * @return this builder
     */
    public Builder mount(String mount) {
      this.mount = mount;
      return this;
    }

    /**
     * Sets the Vault Enterprise / HCP namespace sent as {@code X-Vault-Namespace}.
     *
     * @param namespace such as {@code admin/team-a}, or null
     * @return this builder
     */
    public Builder namespace(String namespace) {
      this.namespace = namespace;
      return this;
    }

    /**
     * Authenticates with a token.
     *
     * @param token the Vault token
     * @return this builder
     */
    public Builder token(Secret token) {
      this.token = Objects.requireNonNull(token, "token");
      return this;
    }

    /**
     * Authenticates with AppRole.
     *
     * @param roleId the role id
     * @param secretId the secret id
     * @return this builder
     */
    public Builder appRole(Secret roleId, Secret secretId) {
      this.roleId = Objects.requireNonNull(roleId, "roleId");
      this.secretId = secretId;
      return this;
    }

    /**
     * Authenticates with Vault's Kubernetes auth method: the pod's service-account token (read
     * from its file at each login) for a Vault role bound to that service account.
     *
     * @param role the Vault role
     * @param jwtFile the service-account token file, such as {@value #DEFAULT_SERVICE_ACCOUNT_TOKEN}
     *     (the default when null)
     * @return this builder
     */
    public Builder kubernetes(String role, Path jwtFile) {
      this.kubernetesRole = Objects.requireNonNull(role, "role");
      this.kubernetesJwtFile = jwtFile == null ? Path.of(DEFAULT_SERVICE_ACCOUNT_TOKEN) : jwtFile;
      return this;
    }

    /**
     * Sets where the Kubernetes auth method is mounted (default {@code kubernetes}).
     *
     * @param path the mount path, such as {@code kubernetes-prod}
     * @return this builder
     */
    public Builder kubernetesPath(String path) {
      this.kubernetesPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * Authenticates with Vault's AWS auth method, {@code iam} type: each login signs an {@code
     * sts:GetCallerIdentity} request (SigV4) with the AWS SDK's default credentials chain
     * (environment, profile, web identity / IRSA, container and instance roles) and sends it, not
     * to STS, but to Vault ({@code auth/aws/login}), which checks it with STS and maps the caller's
     * IAM principal to the role. Needs {@code software.amazon.awssdk:auth} on the class path (an
     * optional dependency of this driver; managed by ysh-bom).
     *
     * @param role the Vault role bound to the IAM principal
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when the role is blank or the AWS SDK is missing
     */
    public Builder aws(String role) {
      if (role == null || role.isBlank()) {
        throw YshException.invalidArgument("role (the Vault AWS auth role) must not be blank");
      }
      VaultAwsIam.requireSdk(VaultAwsIam.SDK_CLASS);
      this.awsRole = role;
      return this;
    }

    /**
     * As {@link #aws(String)}, signing with the given credentials instead of the default chain
     * (an assumed role, a named profile: any {@code AwsCredentialsProvider}).
     *
     * @param role the Vault role bound to the IAM principal
     * @param credentials the credentials to sign with
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when the role is blank or credentials null
     */
    public Builder aws(String role, software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
      if (credentials == null) {
        throw YshException.invalidArgument("credentials (the AWS credentials provider) must not be null");
      }
      aws(role);
      this.awsCredentials = credentials;
      return this;
    }

    /**
     * Signs for a regional STS endpoint ({@code https://sts.<region>.amazonaws.com/}) instead of
     * the global one; Vault's AWS auth config must then name that endpoint and region ({@code
     * sts_endpoint}, {@code sts_region}).
     *
     * @param region such as {@code sa-east-1}, or null for the global endpoint (signed for us-east-1)
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when it is not a region name
     */
    public Builder awsRegion(String region) {
      if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
        throw YshException.invalidArgument("awsRegion must be an AWS region such as sa-east-1, was '" + region + "'");
      }
      this.awsRegion = region;
      return this;
    }

    /**
     * Sends and signs the {@code X-Vault-AWS-IAM-Server-ID} header, which Vault checks when its
     * AWS auth config sets {@code iam_server_id_header_value} (it stops a signed request meant for
     * another Vault from being replayed here).
     *
     * @param serverId the value, such as the Vault server's host name, or null for none
     * @return this builder
     */
    public Builder awsServerId(String serverId) {
      this.awsServerId = serverId;
      return this;
    }

    /**
     * Sets where the AWS auth method is mounted (default {@code aws}).
     *
     * @param path the mount path after {@code auth/}, such as {@code aws-prod}
     * @return this builder
     */
    public Builder awsPath(String path) {
      if (path == null || path.isBlank()) {
        throw YshException.invalidArgument("awsPath must not be blank");
      }
      this.awsPath = path;
      return this;
    }

    /**
     * Authenticates with Vault's Azure auth method, from an Azure VM or scale set with a managed
     * identity: each login asks the Instance Metadata Service for the identity's access token (for
     * {@link #azureResource}, which must match the {@code resource} of Vault's Azure auth config)
     * and for the machine's subscription, resource group and VM or scale-set name, and posts them
     * with the role to {@code auth/azure/login}. Uses only the JDK.
     *
     * @param role the Vault role
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when the role is blank
     */
    public Builder azure(String role) {
      if (role == null || role.isBlank()) {
        throw YshException.invalidArgument("role (the Vault Azure auth role) must not be blank");
      }
      this.azureRole = role;
      return this;
    }

    /**
     * Sets the resource the managed identity's token is asked for (default {@code
     * https://management.azure.com/}); it must match the {@code resource} of Vault's Azure auth config.
     *
     * @param resource the resource URI
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when blank
     */
    public Builder azureResource(String resource) {
      if (resource == null || resource.isBlank()) {
        throw YshException.invalidArgument("azureResource must not be blank");
      }
      this.azureResource = resource;
      return this;
    }

    /**
     * Picks a user-assigned managed identity by its client id (default: the machine's only
     * identity, or its system-assigned one).
     *
     * @param clientId the identity's client id, or null
     * @return this builder
     */
    public Builder azureClientId(String clientId) {
      this.azureClientId = clientId;
      return this;
    }

    /**
     * Sets where the Azure auth method is mounted (default {@code azure}).
     *
     * @param path the mount path after {@code auth/}, such as {@code azure-prod}
     * @return this builder
     */
    public Builder azurePath(String path) {
      if (path == null || path.isBlank()) {
        throw YshException.invalidArgument("azurePath must not be blank");
      }
      this.azurePath = path;
      return this;
    }

    /** Another Instance Metadata Service address; for tests. */
    Builder imds(String address) {
      this.imds = address;
      return this;
    }

    /**
     * Sets where the AppRole auth method is mounted (default {@code approle}).
     *
     * @param path the mount path after {@code auth/}
     * @return this builder
     */
    public Builder appRolePath(String path) {
      this.appRolePath = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * Whether to verify the server's TLS certificate (default true). Turning it off is for local
     * development only.
     *
     * @param verify whether to verify
     * @return this builder
     */
    public Builder tlsVerify(boolean verify) {
      this.tlsVerify = verify;
      return this;
    }

    /**
     * Trusts the CA certificate(s) in a PEM file in addition to none other.
     *
     * @param pemFile the PEM file
     * @return this builder
     */
    public Builder caCert(Path pemFile) {
      this.caCert = pemFile;
      return this;
    }

    /**
     * Sets the connect and read timeout (whole seconds, at least 1).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /**
     * Sets the clock that decides when to renew the token; for tests.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the driver. No request is sent until the first operation.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} for a missing address or credential
     */
    public VaultSecretDriver build() {
      if (address == null) {
        throw YshException.invalidArgument("Vault address is required");
      }
      return new VaultSecretDriver(this);
    }
  }

}
