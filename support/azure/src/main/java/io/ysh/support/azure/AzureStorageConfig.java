package io.ysh.support.azure;

import com.azure.core.client.traits.AzureNamedKeyCredentialTrait;
import com.azure.core.client.traits.AzureSasCredentialTrait;
import com.azure.core.client.traits.ConnectionStringTrait;
import com.azure.core.client.traits.EndpointTrait;
import com.azure.core.client.traits.TokenCredentialTrait;
import com.azure.core.credential.AzureNamedKeyCredential;
import com.azure.core.credential.AzureSasCredential;
import com.azure.core.credential.TokenCredential;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * How an Azure Storage client (Blob, Queue) reaches its account: endpoint and credentials, read
 * the same way by every Azure Storage driver. Immutable; {@link #toString()} never shows a secret.
 *
 * <p>Where each URL puts the account is the scheme's choice ({@code azblob://account/container},
 * {@code azqueue://account:KEY@queue}); everything else is read here:
 *
 * <ul>
 *   <li><b>Credentials</b>, first found: the account key given by the URL or builder (shared
 *       key); a SAS token ({@code sas=}, percent-encoded, or the builder); a {@link
 *       TokenCredential} given to the builder (Microsoft Entra ID: managed identity, workload
 *       identity, service principal…); {@code clientId=} or {@code tenantId=}, which ask for
 *       Entra ID through {@code DefaultAzureCredential}; the connection string in {@code
 *       AZURE_STORAGE_CONNECTION_STRING} (refused when it names another account than the URL);
 *       the key in {@code AZURE_STORAGE_KEY} for the URL's account or {@code
 *       AZURE_STORAGE_ACCOUNT}; else, for a named account, Microsoft Entra ID through
 *       azure-identity's {@code DefaultAzureCredential} (see {@link AzureIdentity}: {@code
 *       UNSUPPORTED} naming {@value AzureIdentity#ARTIFACT} when it is not on the class path).
 *       Two explicit credentials (key, SAS, token credential) are refused. Keys must be Base64;
 *       a SAS token must carry its signature ({@code sig=}).
 *   <li><b>Endpoint:</b> {@code endpoint=} (an absolute {@code http(s)} URL, such as Azurite's
 *       {@code http://127.0.0.1:10000/devstoreaccount1}); else the connection string's; else
 *       {@code https://<account>.<service>.core.windows.net}.
 * </ul>
 */
public final class AzureStorageConfig {

  /** The URL parameters this class reads; a driver accepts these besides its own. */
  public static final Set<String> URL_PARAMETERS =
      Stream.concat(Stream.of("endpoint", "sas"), AzureIdentity.URL_PARAMETERS.stream()).collect(Collectors.toUnmodifiableSet());
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

  /** Where the credentials of a configuration come from. */
  public enum CredentialSource {
    /** The account's shared key. */
    SHARED_KEY("shared key"),
    /** A shared access signature. */
    SAS("SAS token"),
    /** A {@link TokenCredential} given to the builder. */
    TOKEN_CREDENTIAL("token credential"),
    /** azure-identity's {@code DefaultAzureCredential}. */
    DEFAULT_AZURE_CREDENTIAL("DefaultAzureCredential"),
    /** The connection string in {@value AzureStorageConfig#ENV_CONNECTION_STRING}. */
    CONNECTION_STRING(ENV_CONNECTION_STRING);

    private final String text;

    CredentialSource(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  private final Service service;
  private final String account;
  private final CredentialSource source;
  private final Secret secret;
  private final TokenCredential tokenCredential;
  private final String endpoint;

  private AzureStorageConfig(Service service, String account, CredentialSource source, Secret secret,
      TokenCredential tokenCredential, String endpoint) {
    this.service = service;
    this.account = account;
    this.source = source;
    this.secret = secret;
    this.tokenCredential = tokenCredential;
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
    url.param("sas").map(Secret::of).ifPresent(b::sas);
    url.param("clientId").ifPresent(b::clientId);
    url.param("tenantId").ifPresent(b::tenantId);
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
   * Where the credentials come from.
   *
   * @return the source
   */
  public CredentialSource credentialSource() {
    return source;
  }

  /**
   * The Entra ID credential clients get.
   *
   * @return the credential given to the builder or the {@code DefaultAzureCredential} created,
   *     empty for a shared key, SAS token or connection string
   */
  public Optional<TokenCredential> tokenCredential() {
    return Optional.ofNullable(tokenCredential);
  }

  /**
   * Applies endpoint and credentials to a client builder.
   *
   * @param <B> the builder type
   * @param builder an Azure Storage client builder, such as {@code BlobServiceClientBuilder}
   * @return the same builder
   */
  public <B extends EndpointTrait<B> & ConnectionStringTrait<B> & AzureNamedKeyCredentialTrait<B>
      & AzureSasCredentialTrait<B> & TokenCredentialTrait<B>> B configure(B builder) {
    switch (source) {
      case CONNECTION_STRING -> builder.connectionString(secret.reveal());
      case SHARED_KEY -> builder.credential(new AzureNamedKeyCredential(account, secret.reveal()));
      case SAS -> builder.credential(new AzureSasCredential(secret.reveal()));
      case TOKEN_CREDENTIAL, DEFAULT_AZURE_CREDENTIAL -> builder.credential(tokenCredential);
      default -> throw new IllegalStateException(source.name());
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
        + ", credentials=" + source + "]";
  }

  /** Builds an {@link AzureStorageConfig}. Not thread-safe. */
  public static final class Builder {
    private final Service service;
    private String account;
    private Secret key;
    private String endpoint;
    private Secret sas;
    private TokenCredential tokenCredential;
    private String clientId;
    private String tenantId;
    private UnaryOperator<String> environment = System::getenv;
    private ClassLoader identityLoader = AzureIdentity.class.getClassLoader();

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
     * Sets a shared access signature (an account or service SAS).
     *
     * @param sasToken the token, the query string such as {@code sv=…&ss=b&…&sig=…} (a leading
     *     {@code ?} is ignored), or null for none
     * @return this builder
     */
    public Builder sas(Secret sasToken) {
      this.sas = sasToken;
      return this;
    }

    /**
     * Sets a Microsoft Entra ID credential: any azure-identity credential (managed identity,
     * workload identity, client secret or certificate…) or one of the application's own.
     *
     * @param credential the credential, or null for none
     * @return this builder
     */
    public Builder tokenCredential(TokenCredential credential) {
      this.tokenCredential = credential;
      return this;
    }

    /**
     * Asks for Entra ID through {@code DefaultAzureCredential} with a client id: of a
     * user-assigned managed identity or of a workload identity.
     *
     * @param clientId the client id, or null for the default
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Asks for Entra ID through {@code DefaultAzureCredential} in a tenant.
     *
     * @param tenantId the tenant id, or null for the default
     * @return this builder
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Replaces the class loader that looks for azure-identity (for tests).
     *
     * @param loader the loader
     * @return this builder
     */
    Builder identityLoader(ClassLoader loader) {
      this.identityLoader = Objects.requireNonNull(loader, "loader");
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
     * Finds the credentials and checks the settings. Creating {@code DefaultAzureCredential}
     * makes no network call; the first request asks it for a token.
     *
     * @param urlForm the scheme's URL form with a key, for the error message (such as {@code
     *     azblob://account:KEY@account/container})
     * @return the configuration
     * @throws YshException {@code INVALID_ARGUMENT} when no account is known, a key is not Base64,
     *     a SAS token has no signature, several credentials are given, a connection string names
     *     another account, or the endpoint is malformed; {@code UNSUPPORTED} naming {@value
     *     AzureIdentity#ARTIFACT} when Entra ID is needed and azure-identity is missing
     */
    public AzureStorageConfig build(String urlForm) {
      if (endpoint != null) {
        checkEndpoint(endpoint);
      }
      String acct = blankToNull(account);
      int explicit = (key != null ? 1 : 0) + (sas != null ? 1 : 0) + (tokenCredential != null ? 1 : 0);
      if (explicit > 1) {
        throw YshException.invalidArgument("give Azure Storage one credential: an account key, a SAS token (sas=)"
            + " or a token credential, not several");
      }
      if (key != null) {
        if (acct == null) {
          throw YshException.invalidArgument("an Azure Storage key needs its account name");
        }
        return withKey(acct, key);
      }
      if (sas != null || tokenCredential != null) {
        if (acct == null && endpoint == null) {
          throw YshException.invalidArgument("Azure Storage needs the account name or endpoint= to use a "
              + (sas != null ? "SAS token" : "token credential"));
        }
        return sas != null
            ? new AzureStorageConfig(service, acct, CredentialSource.SAS, checkSas(sas), null, endpointFor(acct))
            : new AzureStorageConfig(service, acct, CredentialSource.TOKEN_CREDENTIAL, null, tokenCredential, endpointFor(acct));
      }
      boolean entraAsked = clientId != null || tenantId != null;
      if (!entraAsked) {
        String cs = blankToNull(environment.apply(ENV_CONNECTION_STRING));
        if (cs != null) {
          String named = connectionStringAccount(cs);
          if (acct != null && named != null && !named.equals(acct)) {
            throw YshException.invalidArgument(ENV_CONNECTION_STRING + " is for account '" + named
                + "', the URL names '" + acct + "'");
          }
          return new AzureStorageConfig(service, acct != null ? acct : named, CredentialSource.CONNECTION_STRING,
              Secret.of(cs), null, endpoint);
        }
      }
      if (acct == null) {
        acct = blankToNull(environment.apply(ENV_ACCOUNT));
      }
      String envKey = entraAsked ? null : blankToNull(environment.apply(ENV_KEY));
      if (acct != null && envKey != null) {
        return withKey(acct, Secret.of(envKey));
      }
      if (acct == null && endpoint == null) {
        throw YshException.invalidArgument("no Azure Storage account: name it in the URL (" + urlForm
            + ", or without the key for Microsoft Entra ID), or set " + ENV_CONNECTION_STRING + ", or "
            + ENV_KEY + " with " + ENV_ACCOUNT);
      }
      TokenCredential entra = AzureIdentity.defaultCredential(identityLoader, clientId, tenantId,
          "use the account key in the URL (" + urlForm + "), a SAS (sas=), a TokenCredential given to the builder,"
              + " or set " + ENV_CONNECTION_STRING + " or " + ENV_KEY);
      return new AzureStorageConfig(service, acct, CredentialSource.DEFAULT_AZURE_CREDENTIAL, null, entra, endpointFor(acct));
    }

    private String endpointFor(String acct) {
      return endpoint != null ? endpoint : service.endpoint(acct);
    }

    private static Secret checkSas(Secret sas) {
      String token = sas.reveal();
      if (token.startsWith("?")) {
        token = token.substring(1);
      }
      boolean signed = false;
      for (String part : token.split("&")) {
        if (part.startsWith("sig=") && part.length() > 4) {
          signed = true;
        }
      }
      if (!signed) {
        // never quote the token: it may be a valid one pasted incompletely
        throw YshException.invalidArgument("the Azure SAS token has no signature (sig=): give the whole query string"
            + " of the SAS, percent-encoded in a URL's sas= parameter");
      }
      return Secret.of(token);
    }

    private AzureStorageConfig withKey(String acct, Secret k) {
      try {
        Base64.getDecoder().decode(k.reveal());
      } catch (IllegalArgumentException e) {
        throw YshException.invalidArgument("the Azure Storage account key is not valid Base64");
      }
      return new AzureStorageConfig(service, acct, CredentialSource.SHARED_KEY, k, null, endpointFor(acct));
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
