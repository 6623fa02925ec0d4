package io.ysh.support.azure;

import com.azure.core.client.traits.AzureNamedKeyCredentialTrait;
import com.azure.core.client.traits.ConnectionStringTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.credential.AzureNamedKeyCredential;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * How an Azure Storage client (Blob, Queue) reaches its account: endpoint and credentials, read
 * the same way by every Azure Storage driver. Immutable; {@link #toString()} never shows a secret.
 *
 * <p>Where each URL puts the account is the scheme's choice ({@code azblob://account/container},
 * {@code azqueue://account:KEY@queue}); everything else is read here:
 *
 * <ul>
 *   <li><b>Credentials</b>, first found: the account key given by the URL or builder; the
 *       connection string in {@code AZURE_STORAGE_CONNECTION_STRING} (refused when it names
 *       another account than the URL); the key in {@code AZURE_STORAGE_KEY} for the URL's account
 *       or {@code AZURE_STORAGE_ACCOUNT}. Else {@code INVALID_ARGUMENT} naming all three. Keys
 *       must be Base64.
 *   <li><b>Endpoint:</b> {@code endpoint=} (an absolute {@code http(s)} URL, such as Azurite's
 *       {@code http://127.0.0.1:10000/devstoreaccount1}); else the connection string's; else
 *       {@code https://<account>.<service>.core.windows.net}.
 * </ul>
 */
public final class AzureStorageConfig {

  /** The URL parameters this class reads; a driver accepts these besides its own. */
  public static final Set<String> URL_PARAMETERS = Set.of("endpoint");
  /** The environment variable holding a connection string. */
  public static final String ENV_CONNECTION_STRING = "AZURE_STORAGE_CONNECTION_STRING";
  /** The environment variable holding an account key. */
  public static final String ENV_KEY = "AZURE_STORAGE_KEY";
  /** The environment variable naming the account when the URL does not. */
  public static final String ENV_ACCOUNT = "AZURE_STORAGE_ACCOUNT";

  /** An Azure Storage service, which names the default endpoint. */
  public enum Service {
    /** Blob Storage. */
    BLOB("blob"),
    /** Queue Storage. */
    QUEUE("queue");

    private final String host;

    Service(String host) {
      this.host = host;
    }

    String endpoint(String account) {
      return "https://" + account + "." + host + ".core.windows.net";
    }
  }

  private final Service service;
  private final String account;
  private final Secret key;
  private final Secret connectionString;
  private final String endpoint;

  private AzureStorageConfig(Service service, String account, Secret key, Secret connectionString, String endpoint) {
    this.service = service;
    this.account = account;
    this.key = key;
    this.connectionString = connectionString;
    this.endpoint = endpoint;
  }

  /**
   * Starts a configuration for a service.
   *
   * @param service the service
   * @return a builder
   */
  public static Builder builder(Service service) {
    return new Builder(service);
  }

  /**
   * Reads {@link #URL_PARAMETERS} of a URL, with the account and key the scheme placed in it.
   *
   * @param url the URL
   * @param service the service
   * @param account the account the URL names, or null
   * @param key the key the URL carries, or null
   * @return a builder holding what the URL says
   */
  public static Builder fromUrl(ResourceUrl url, Service service, String account, Secret key) {
    Builder b = builder(service).account(account).key(key);
    url.param("endpoint").ifPresent(b::endpoint);
    return b;
  }

  /**
   * The storage account.
   *
   * @return the account name, if known (a development-storage connection string names none)
   */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /**
   * The endpoint clients talk to.
   *
   * @return the endpoint, if not left to the connection string
   */
  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /**
   * Applies endpoint and credentials to a client builder.
   *
   * @param <B> the builder type
   * @param builder an Azure Storage client builder, such as {@code BlobServiceClientBuilder}
   * @return the same builder
   */
  public <B extends EndpointTrait<B> & ConnectionStringTrait<B> & AzureNamedKeyCredentialTrait<B>> B configure(B builder) {
    if (connectionString != null) {
      builder.connectionString(connectionString.reveal());
    } else {
      builder.credential(new AzureNamedKeyCredential(account, key.reveal()));
    }
    if (endpoint != null) {
      builder.endpoint(endpoint);
    }
    return builder;
  }

  /**
   * Describes the configuration without any secret.
   *
   * @return service, account, endpoint and where the credentials come from
   */
  @Override
  public String toString() {
    return "AzureStorageConfig[" + service.name().toLowerCase(Locale.ROOT) + ", account=" + account
        + (endpoint == null ? "" : ", endpoint=" + endpoint)
        + ", credentials=" + (connectionString != null ? ENV_CONNECTION_STRING : "shared key") + "]";
  }

  /** Builds an {@link AzureStorageConfig}. Not thread-safe. */
  public static final class Builder {
    private final Service service;
    private String account;
    private Secret key;
    private String endpoint;
    private UnaryOperator<String> environment = System::getenv;

    private Builder(Service service) {
      this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * Sets the storage account.
     *
     * @param account the account name, or null to take it from the environment
     * @return this builder
     */
    public Builder account(String account) {
      this.account = account;
      return this;
    }

    /**
     * Sets the account's shared key.
     *
     * @param key the Base64 key, or null to look in the environment
     * @return this builder
     */
    public Builder key(Secret key) {
      this.key = key;
      return this;
    }

    /**
     * Sets the endpoint.
     *
     * @param endpoint an absolute {@code http(s)} URL, or null for the default
     * @return this builder
     */
    public Builder endpoint(String endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Replaces the process environment (for tests).
     *
     * @param environment looks up a variable, returning null when unset
     * @return this builder
     */
    public Builder environment(UnaryOperator<String> environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /**
     * Finds the credentials and checks the settings.
     *
     * @param urlForm the scheme's URL form with a key, for the error message (such as {@code
     *     azblob://account:KEY@account/container})
     * @return the configuration
     * @throws YshException {@code INVALID_ARGUMENT} when no credentials are found, a key is not
     *     Base64, a connection string names another account, or the endpoint is malformed
     */
    public AzureStorageConfig build(String urlForm) {
      if (endpoint != null) {
        checkEndpoint(endpoint);
      }
      String acct = blankToNull(account);
      if (key != null) {
        if (acct == null) {
          throw YshException.invalidArgument("an Azure Storage key needs its account name");
        }
        return withKey(acct, key);
      }
      String cs = blankToNull(environment.apply(ENV_CONNECTION_STRING));
      if (cs != null) {
        String named = connectionStringAccount(cs);
        if (acct != null && named != null && !named.equals(acct)) {
          throw YshException.invalidArgument(ENV_CONNECTION_STRING + " is for account '" + named
              + "', the URL names '" + acct + "'");
        }
        return new AzureStorageConfig(service, acct != null ? acct : named, null, Secret.of(cs), endpoint);
      }
      if (acct == null) {
        acct = blankToNull(environment.apply(ENV_ACCOUNT));
      }
      String envKey = blankToNull(environment.apply(ENV_KEY));
      if (acct != null && envKey != null) {
        return withKey(acct, Secret.of(envKey));
      }
      throw YshException.invalidArgument("no Azure Storage credentials" + (acct == null ? "" : " for account '" + acct + "'")
          + ": put the account key in the URL (" + urlForm + "), or set " + ENV_CONNECTION_STRING + ", or "
          + ENV_KEY + " (with " + ENV_ACCOUNT + " when the URL names no account)");
    }

    private AzureStorageConfig withKey(String acct, Secret k) {
      try {
        Base64.getDecoder().decode(k.reveal());
      } catch (IllegalArgumentException e) {
        throw YshException.invalidArgument("the Azure Storage account key is not valid Base64");
      }
      return new AzureStorageConfig(service, acct, k, null, endpoint != null ? endpoint : service.endpoint(acct));
    }

    private static void checkEndpoint(String endpoint) {
      URI uri;
      try {
        uri = URI.create(endpoint);
      } catch (IllegalArgumentException e) {
        uri = null;
      }
      String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw YshException.invalidArgument("endpoint= must be an absolute http(s) URL such as "
            + "http://127.0.0.1:10000/devstoreaccount1, was '" + endpoint + "'");
      }
    }

    private static String connectionStringAccount(String cs) {
      for (String part : cs.split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase("AccountName")) {
          return blankToNull(part.substring(eq + 1).strip());
        }
      }
      return null;
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }
}
