package io.ysh.secrets.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.rest.PagedResponse;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.SecretClientBuilder;
import com.azure.security.keyvault.secrets.models.KeyVaultSecret;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import io.ysh.support.azure.AzureHttp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;

/**
 * Azure Key Vault secrets driver with a pluggable {@link TokenCredential} (the client performs
 * Key Vault's 401 bearer challenge, then asks the credential for a token).
 *
 * <p>Values are text (Key Vault secrets are strings). Versions are Key Vault's 32-character
 * version ids; tags become labels and the creation time is the version's. {@code put} =
 * {@code setSecret} (a new version). {@code delete} soft-deletes and, when configured, purges,
 * so the name can be reused at once; without purging a deleted name stays reserved for the
 * vault's retention period. Names allow letters, digits and {@code -} only (1 to 127).
 * Thread-safe.
 */
public final class AzureSecretDriver implements SecretDriver {

  private static final Set<SecretCapability> CAPABILITIES =
      Set.of(SecretCapability.PUT, SecretCapability.DELETE, SecretCapability.LIST, SecretCapability.VERSIONS);
  private static final Pattern NAME = Pattern.compile("[0-9A-Za-z-]{1,127}");

  private final SecretClient client;
  private final boolean purgeOnDelete;
  private final Duration pollInterval;

  private AzureSecretDriver(Builder b) {
    SecretClientBuilder cb = new SecretClientBuilder()
        .vaultUrl(b.vaultUrl)
        .credential(Objects.requireNonNull(b.credential, "credential"))
        .retryOptions(new RetryOptions(new FixedDelayOptions(0, Duration.ofMillis(1))))
        // bounds each call whatever HTTP client is used: a vault that stops answering must not hold
        // a caller for the client's default response timeout
        .addPolicy(new AttemptTimeout(b.timeout));
    cb.httpClient(b.httpClient != null ? b.httpClient : AzureHttp.client());
    if (!b.verifyChallengeResource) {
      cb.disableChallengeResourceVerification();
    }
    this.client = cb.buildClient();
    this.purgeOnDelete = b.purgeOnDelete;
    this.pollInterval = b.pollInterval;
  }

  /**
   * Starts building a driver.
   *
   * @param vaultUrl such as {@code https://my-vault.vault.azure.net}
   * @param credential the credential (for example {@code DefaultAzureCredential} from azure-identity)
   * @return a builder
   */
  public static Builder builder(String vaultUrl, TokenCredential credential) {
    return new Builder(vaultUrl, credential);
  }

  @Override
  public String provider() {
    return "azurekv";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void validateName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw YshException.invalidArgument("Azure Key Vault secret names allow only letters, digits and '-' (1 to 127 characters)");
    }
  }

  @Override
  public ErrorMapper errorMapper() {
    return AzureErrors::map;
  }

  private static SecretValue toValue(String name, KeyVaultSecret s) {
    SecretProperties p = s.getProperties();
    return SecretValue.builder(name, Secret.of(s.getValue() == null ? "" : s.getValue()))
        .version(p.getVersion())
        .createdTime(p.getCreatedOn() == null ? null : p.getCreatedOn().toInstant())
        .labels(p.getTags())
        .build();
  }

  @Override
  public SecretValue get(String name, String version) {
    return toValue(name, version == null ? client.getSecret(name) : client.getSecret(name, version));
  }

  @Override
  public NamePage list(String prefix, String pageToken) {
    Iterator<PagedResponse<SecretProperties>> pages = client.listPropertiesOfSecrets().iterableByPage(pageToken).iterator();
    if (!pages.hasNext()) {
      return NamePage.last(List.of());
    }
    PagedResponse<SecretProperties> page = pages.next();
    List<String> names = new ArrayList<>();
    for (SecretProperties p : page.getValue()) {
      if (p.getName() != null && p.getName().startsWith(prefix)) {
        names.add(p.getName());
      }
    }
    return new NamePage(names, page.getContinuationToken());
  }

  @Override
  public String put(String name, Secret value) {
    return client.setSecret(name, value.reveal()).getProperties().getVersion();
  }

  @Override
  public void delete(String name) {
    client.beginDeleteSecret(name).setPollInterval(pollInterval).waitForCompletion();
    if (purgeOnDelete) {
      client.purgeDeletedSecret(name);
    }
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(client) ? Optional.of(type.cast(client)) : Optional.empty();
  }

  @Override
  public void close() {
    // SecretClient has nothing to close; the shared HTTP client is managed by azure-core.
  }

  @Override
  public String toString() {
    return "AzureSecretDriver[" + client.getVaultUrl() + (purgeOnDelete ? ", purge on delete" : "") + "]";
  }

  /**
   * Gives each request a response timeout: azure-core's HTTP clients (the OkHttp one, the default here) read it from
   * the request's context, in the synchronous pipeline as in the asynchronous one (a
   * {@code Mono.timeout} would bound only the latter). Another client applies its own timeouts.
   */
  private record AttemptTimeout(Duration timeout) implements HttpPipelinePolicy {
    private static final String RESPONSE_TIMEOUT = "azure-response-timeout";

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      context.setData(RESPONSE_TIMEOUT, timeout);
      return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      context.setData(RESPONSE_TIMEOUT, timeout);
      return next.processSync();
    }
  }

  /** Builds {@link AzureSecretDriver}s. Not thread-safe. */
  public static final class Builder {
    private final String vaultUrl;
    private final TokenCredential credential;
    private HttpClient httpClient;
    private boolean purgeOnDelete;
    private boolean verifyChallengeResource = true;
    private Duration pollInterval = Duration.ofSeconds(1);
    private Duration timeout = Duration.ofSeconds(10);

    private Builder(String vaultUrl, TokenCredential credential) {
      if (vaultUrl == null || !vaultUrl.startsWith("https://")) {
        throw YshException.invalidArgument("Key Vault URL must be https://<vault>.vault.azure.net");
      }
      this.vaultUrl = vaultUrl;
      this.credential = Objects.requireNonNull(credential, "credential");
    }

    /**
     * Bounds how long each call waits for Key Vault to answer (default 10 s; applied through
     * azure-core's HTTP client, by default the OkHttp one: another client given to {@link #httpClient}
     * applies its own timeouts): a vault that stops answering fails the attempt with
     * {@code TIMEOUT}, which the resilience policy retries for reads.
     *
     * @param timeout the timeout, positive
     * @return this builder
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw YshException.invalidArgument("the Key Vault timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Uses a given azure-core HTTP client (proxies, custom TLS, tests).
     *
     * @param httpClient the client
     * @return this builder
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = httpClient;
      return this;
    }

    /**
     * Purges after deleting, so the name can be reused at once (needs the purge permission).
     *
     * @param purge whether to purge
     * @return this builder
     */
    public Builder purgeOnDelete(boolean purge) {
      this.purgeOnDelete = purge;
      return this;
    }

    /**
     * Turns off the check that the bearer challenge's resource matches the vault's domain; for
     * sovereign clouds with custom domains and for tests.
     *
     * @return this builder
     */
    public Builder disableChallengeResourceVerification() {
      this.verifyChallengeResource = false;
      return this;
    }

    /**
     * Sets how often a delete polls for completion (default 1 s).
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder deletePollInterval(Duration interval) {
      this.pollInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Builds the driver.
     *
     * @return the driver
     */
    public AzureSecretDriver build() {
      return new AzureSecretDriver(this);
    }
  }
}
