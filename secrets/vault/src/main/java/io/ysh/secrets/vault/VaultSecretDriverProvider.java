package io.ysh.secrets.vault;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.HostAndPort;
import io.ysh.core.url.ResourceUrl;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.secrets.spi.SecretDriverProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens {@code vault://host[:port]/<mount>} URLs (port 8200 and mount {@code secret} by default).
 *
 * <p>Parameters: {@code tls=false} (plain HTTP, for a local dev server), {@code tlsVerify=false},
 * {@code caCert=/path/ca.pem}, {@code namespace=admin/team}, {@code timeout=10s}. Token auth:
 * {@code token=…}, {@code tokenEnv=NAME} or {@code tokenFile=/path} (default: the
 * {@code VAULT_TOKEN} variable). AppRole: {@code auth=approle} with {@code roleIdEnv} or
 * {@code roleIdFile}, and {@code secretId}, {@code secretIdEnv} or {@code secretIdFile};
 * {@code appRolePath=approle}. Kubernetes: {@code auth=kubernetes} with {@code role=} (the Vault
 * role), {@code jwtFile=} (default the pod's {@value VaultSecretDriver#DEFAULT_SERVICE_ACCOUNT_TOKEN})
 * and {@code kubernetesPath=kubernetes}. AWS ({@code iam} type): {@code auth=aws} with {@code role=}
 * (the Vault role), {@code awsPath=aws}, {@code awsRegion=} (a regional STS endpoint; default the
 * global one) and {@code awsServerId=} (the {@code X-Vault-AWS-IAM-Server-ID} header); it signs with
 * the AWS SDK's default credentials chain and needs {@code software.amazon.awssdk:auth}. Azure (on
 * a VM or scale set with a managed identity): {@code auth=azure} with {@code role=}, {@code
 * azureResource=} (default {@code https://management.azure.com/}), {@code azureClientId=} (a
 * user-assigned identity) and {@code azurePath=azure}. A literal role id is not accepted in the URL (URLs end up in
 * logs); use the builder of {@link VaultSecretDriver} for values held elsewhere.
 */
public final class VaultSecretDriverProvider implements SecretDriverProvider {

  private static final Set<String> PARAMS =
      Set.of(
          "tls", "tlsVerify", "caCert", "namespace", "timeout", "token", "tokenEnv", "tokenFile", "auth",
          "roleIdEnv", "roleIdFile", "secretId", "secretIdEnv", "secretIdFile", "appRolePath", "role", "jwtFile",
          "kubernetesPath", "awsPath", "awsRegion", "awsServerId", "azurePath", "azureResource", "azureClientId");

  private final Function<String, String> environment;

  /** For {@link java.util.ServiceLoader}: reads {@link System#getenv(String)}. */
  public VaultSecretDriverProvider() {
    this(System::getenv);
  }

  /**
   * Reads credentials named by {@code *Env} parameters from the given environment; for tests.
   *
   * @param environment variable lookup
   */
  public VaultSecretDriverProvider(Map<String, String> environment) {
    this(environment::get);
  }

  private VaultSecretDriverProvider(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Set<String> schemes() {
    return Set.of("vault");
  }

  @Override
  public SecretDriver open(ResourceUrl url) {
    url.requireKnownParams(PARAMS);
    if (url.username().isPresent() || url.password().isPresent()) {
      throw YshException.invalidArgument("vault:// URLs take no user info; pass the token as token=, tokenEnv= or tokenFile=");
    }
    HostAndPort host = url.singleHost("Vault server host");
    boolean tls = url.boolParam("tls").orElse(true);
    String address = (tls ? "https://" : "http://") + hostText(host.host()) + ":" + (host.port() == -1 ? 8200 : host.port());
    VaultSecretDriver.Builder b =
        VaultSecretDriver.builder()
            .address(address)
            .mount(url.path().isEmpty() ? "secret" : url.path())
            .namespace(url.param("namespace").orElse(null))
            .tlsVerify(url.boolParam("tlsVerify").orElse(true));
    url.param("caCert").map(Path::of).ifPresent(b::caCert);
    url.durationParam("timeout").ifPresent(b::timeout);
    url.param("appRolePath").ifPresent(b::appRolePath);
    String auth = url.param("auth").orElse("token");
    switch (auth) {
      case "token" -> b.token(
          credential(url, "token", "tokenEnv", "tokenFile")
              .or(() -> Optional.ofNullable(environment.apply("VAULT_TOKEN")).map(Secret::of))
              .orElseThrow(() -> YshException.invalidArgument(
                  "vault:// needs a token: token=, tokenEnv=, tokenFile= or the VAULT_TOKEN variable (or auth=approle)")));
      case "approle" -> {
        Secret roleId = credential(url, null, "roleIdEnv", "roleIdFile")
            .orElseThrow(() -> YshException.invalidArgument("auth=approle needs roleIdEnv= or roleIdFile="));
        Secret secretId = credential(url, "secretId", "secretIdEnv", "secretIdFile")
            .orElseThrow(() -> YshException.invalidArgument(
                "auth=approle needs a secret id: secretId=, secretIdEnv= or secretIdFile= (none was given)"));
        b.appRole(roleId, secretId);
      }
      case "kubernetes" -> {
        String role = url.param("role").orElseThrow(() -> YshException.invalidArgument(
            "auth=kubernetes needs role= (the Vault role bound to the pod's service account)"));
        b.kubernetes(role, url.param("jwtFile").map(Path::of).orElse(null));
        url.param("kubernetesPath").ifPresent(b::kubernetesPath);
      }
      case "aws" -> {
        String role = url.param("role").orElseThrow(() -> YshException.invalidArgument(
            "auth=aws needs role= (the Vault role bound to the IAM principal)"));
        b.aws(role).awsRegion(url.param("awsRegion").orElse(null)).awsServerId(url.param("awsServerId").orElse(null));
        url.param("awsPath").ifPresent(b::awsPath);
      }
      case "azure" -> {
        String role = url.param("role").orElseThrow(() -> YshException.invalidArgument(
            "auth=azure needs role= (the Vault role the managed identity or machine is bound to)"));
        b.azure(role).azureClientId(url.param("azureClientId").orElse(null));
        url.param("azureResource").ifPresent(b::azureResource);
        url.param("azurePath").ifPresent(b::azurePath);
      }
      default -> throw YshException.invalidArgument("auth must be token, approle, kubernetes, aws or azure, got '" + auth + "'");
    }
    return b.build();
  }

  private static String hostText(String host) {
    return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
  }

  private Optional<Secret> credential(ResourceUrl url, String literal, String envParam, String fileParam) {
    if (literal != null && url.param(literal).isPresent()) {
      return url.param(literal).map(Secret::of);
    }
    Optional<String> env = url.param(envParam);
    if (env.isPresent()) {
      String value = environment.apply(env.get());
      if (value == null || value.isEmpty()) {
        throw YshException.invalidArgument("environment variable " + env.get() + " (from " + envParam + "=) is not set");
      }
      return Optional.of(Secret.of(value.strip()));
    }
    Optional<String> file = url.param(fileParam);
    if (file.isPresent()) {
      try {
        return Optional.of(Secret.of(Files.readString(Path.of(file.get()), StandardCharsets.UTF_8).strip()));
      } catch (IOException e) {
        throw YshException.invalidArgument("cannot read " + fileParam + " " + file.get() + " (" + e.getClass().getSimpleName() + ")");
      }
    }
    return Optional.empty();
  }
}
