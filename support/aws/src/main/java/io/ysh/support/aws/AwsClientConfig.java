package io.ysh.support.aws;

import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.url.ResourceUrl;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;

/**
 * How an AWS client reaches its service: region, endpoint and credentials, read the same way by
 * every AWS driver (S3, SQS, Secrets Manager) from their URL or builder. Immutable; {@link
 * #toString()} never shows a secret.
 *
 * <p>URL form: {@code scheme://[ACCESS_KEY:SECRET_KEY@]host/...?region=…&endpoint=…&profile=…}.
 *
 * <ul>
 *   <li><b>Region:</b> {@code region=} (an unknown AWS region is refused unless an endpoint is
 *       given); else the SDK's region chain ({@code AWS_REGION}, the {@code aws.region} system
 *       property, the profile file, and, without an endpoint, the instance metadata service);
 *       else, with an endpoint (an S3-compatible server, LocalStack, ElasticMQ, moto), {@code
 *       us-east-1}, which such servers ignore; else {@code INVALID_ARGUMENT} naming {@code region=}.
 *   <li><b>Endpoint:</b> {@code endpoint=}, an absolute {@code http(s)} URL; else the service's
 *       regional endpoint.
 *   <li><b>Credentials:</b> the URL's user and password (access key id and secret access key);
 *       else {@code profile=} (a named profile of the shared config and credentials files); else
 *       the SDK's default chain ({@code DefaultCredentialsProvider}: environment, system
 *       properties, web identity / IRSA from {@code AWS_WEB_IDENTITY_TOKEN_FILE} and {@code
 *       AWS_ROLE_ARN}, the profile, ECS/EKS Pod Identity container credentials, the EC2 instance
 *       role). Both a key and a profile in one URL is refused.
 *   <li><b>Assume role:</b> {@code roleArn=} (with {@code externalId=}, a third party's condition,
 *       and {@code roleSessionName=}, default {@value #DEFAULT_SESSION_NAME}) assumes the role
 *       through STS with the credentials above, refreshing the temporary credentials before they
 *       expire; {@code stsEndpoint=} replaces STS's regional endpoint (a VPC endpoint). The
 *       external id is not a secret (AWS says so) but is never printed either.
 * </ul>
 *
 * <p>{@link #configure} also turns the SDK's own retries off: the portable layer retries, and
 * only calls that are idempotent.
 */
public final class AwsClientConfig {

  /** The URL parameters this class reads; a driver accepts these besides its own. */
  public static final Set<String> URL_PARAMETERS =
      Set.of("region", "endpoint", "profile", "roleArn", "externalId", "roleSessionName", "stsEndpoint");

  /** The session name of an assumed role when none is given. */
  public static final String DEFAULT_SESSION_NAME = "ysh-sdk";

  /** The region of clients that talk to a custom endpoint and found no region configured. */
  static final Region ENDPOINT_DEFAULT_REGION = Region.US_EAST_1;

  private final Region region;
  private final URI endpoint;
  private final String profile;
  private final AwsCredentialsProvider credentials;
  private final String credentialsSource;

  private AwsClientConfig(Builder b, Region region) {
    this.region = region;
    this.endpoint = b.endpoint;
    this.profile = b.profile;
    AwsCredentialsProvider base;
    String baseSource;
    if (b.credentialsProvider != null) {
      base = b.credentialsProvider;
      baseSource = "provider";
    } else if (b.accessKeyId != null) {
      base = StaticCredentialsProvider.create(
          AwsBasicCredentials.create(b.accessKeyId, b.secretAccessKey.reveal()));
      baseSource = "static";
    } else if (b.profile != null) {
      base = ProfileCredentialsProvider.builder().profileName(b.profile).build();
      baseSource = "profile";
    } else {
      base = DefaultCredentialsProvider.builder().build();
      baseSource = "default chain";
    }
    if (b.roleArn == null) {
      this.credentials = base;
      this.credentialsSource = baseSource;
    } else {
      // STS signs with the base credentials; the temporary ones are refreshed before they expire
      // STS's HTTP client is the one the driver brings (S3: apache5, SQS: url-connection)
      var sts = StsClient.builder().region(region).credentialsProvider(base);
      if (b.stsEndpoint != null) {
        sts.endpointOverride(b.stsEndpoint);
      }
      AssumeRoleRequest.Builder request = AssumeRoleRequest.builder().roleArn(b.roleArn)
          .roleSessionName(b.roleSessionName == null ? DEFAULT_SESSION_NAME : b.roleSessionName);
      if (b.externalId != null) {
        request.externalId(b.externalId);
      }
      this.credentials = StsAssumeRoleCredentialsProvider.builder().stsClient(sts.build())
          .refreshRequest(request.build()).build();
      this.credentialsSource = "assume role " + b.roleArn + (b.externalId == null ? "" : " with external id")
          + " from " + baseSource;
    }
  }

  /**
   * Starts an empty configuration (region from the environment, default credentials chain).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@link #URL_PARAMETERS} and the user and password of a URL. The driver checks for
   * unknown parameters itself (its own and these) and may add to the builder, such as a region
   * its URL carries elsewhere.
   *
   * @param url the URL
   * @return a builder holding what the URL says
   * @throws YshException {@code INVALID_ARGUMENT} for an access key without a secret key or a
   *     malformed endpoint
   */
  public static Builder fromUrl(ResourceUrl url) {
    Builder b = new Builder();
    url.param("region").ifPresent(b::region);
    url.param("endpoint").ifPresent(b::endpoint);
    url.param("profile").ifPresent(b::profile);
    url.param("roleArn").ifPresent(arn -> b.assumeRole(arn, url.param("externalId").orElse(null)));
    if (url.param("roleArn").isEmpty() && url.param("externalId").isPresent()) {
      throw YshException.invalidArgument("externalId= goes with roleArn= (the role to assume)");
    }
    url.param("roleSessionName").ifPresent(b::roleSessionName);
    url.param("stsEndpoint").ifPresent(b::stsEndpoint);
    if (url.username().isPresent()) {
      Secret secret = url.password().orElseThrow(() -> YshException.invalidArgument(
          url.scheme() + ":// URL has an access key but no secret key (ACCESS_KEY:SECRET_KEY@)"));
      b.credentials(url.username().get(), secret);
    } else if (url.password().isPresent()) {
      throw YshException.invalidArgument(url.scheme() + ":// URL has a secret key but no access key");
    }
    return b;
  }

  /**
   * The region clients sign for and, without an endpoint, talk to.
   *
   * @return the resolved region
   */
  public Region region() {
    return region;
  }

  /**
   * The endpoint that replaces the service's regional one.
   *
   * @return the endpoint, if one was given
   */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /**
   * Where credentials come from. One provider per configuration, so that clients built from it
   * share its cached credentials.
   *
   * @return the credentials provider
   */
  public AwsCredentialsProvider credentialsProvider() {
    return credentials;
  }

  /**
   * Applies region, endpoint and credentials to a client builder and turns its retries off.
   *
   * @param <B> the builder type
   * @param builder any AWS SDK v2 client builder
   * @param attemptTimeout the timeout of one HTTP attempt, or null for the SDK's default
   * @return the same builder
   */
  public <B extends AwsClientBuilder<B, ?>> B configure(B builder, Duration attemptTimeout) {
    builder.region(region).credentialsProvider(credentials);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder()
        // retries belong to the portable layer's resilience policy, which knows what is idempotent
        .retryStrategy(r -> r.maxAttempts(1));
    if (attemptTimeout != null) {
      o.apiCallAttemptTimeout(attemptTimeout);
    }
    return builder.overrideConfiguration(o.build());
  }

  /**
   * Describes the configuration without any secret.
   *
   * @return region, endpoint, profile and where credentials come from
   */
  @Override
  public String toString() {
    return "AwsClientConfig[region=" + region.id() + (endpoint == null ? "" : ", endpoint=" + endpoint)
        + (profile == null ? "" : ", profile=" + profile) + ", credentials=" + credentialsSource + "]";
  }

  /** Builds an {@link AwsClientConfig}. Not thread-safe. */
  public static final class Builder {
    private String region;
    private URI endpoint;
    private String profile;
    private String accessKeyId;
    private Secret secretAccessKey;
    private AwsCredentialsProvider credentialsProvider;
    private String roleArn;
    private String externalId;
    private String roleSessionName;
    private URI stsEndpoint;

    private Builder() {}

    /**
     * Assumes an IAM role through STS with the other credentials (static, profile, provider or
     * the default chain), as {@code StsAssumeRoleCredentialsProvider} does: the temporary
     * credentials are refreshed before they expire.
     *
     * @param roleArn the role, such as {@code arn:aws:iam::123456789012:role/ysh-reader}; null
     *     for none
     * @param externalId the external id the role's trust policy requires, or null
     * @return this builder
     */
    public Builder assumeRole(String roleArn, String externalId) {
      this.roleArn = roleArn;
      this.externalId = externalId;
      return this;
    }

    /**
     * Names the sessions of the assumed role (CloudTrail shows it).
     *
     * @param name 2 to 64 characters of {@code [\w+=,.@-]}; null for {@value #DEFAULT_SESSION_NAME}
     * @return this builder
     */
    public Builder roleSessionName(String name) {
      this.roleSessionName = name;
      return this;
    }

    /**
     * Replaces STS's regional endpoint, for a VPC endpoint.
     *
     * @param endpoint an absolute {@code http(s)} URL, or null for STS's own
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when it is not a URL
     */
    public Builder stsEndpoint(String endpoint) {
      if (endpoint == null) {
        this.stsEndpoint = null;
        return this;
      }
      try {
        this.stsEndpoint = URI.create(endpoint);
      } catch (IllegalArgumentException e) {
        throw badEndpoint(endpoint);
      }
      return this;
    }

    /**
     * Sets the region, such as {@code sa-east-1}.
     *
     * @param region the region id; null to resolve it from the environment
     * @return this builder
     */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /**
     * Sets the endpoint of an S3-compatible server, LocalStack, or a VPC endpoint.
     *
     * @param endpoint an absolute {@code http(s)} URL; null for the service's own
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /**
     * Sets the endpoint from text.
     *
     * @param endpoint an absolute {@code http(s)} URL
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} when it is not a URL
     */
    public Builder endpoint(String endpoint) {
      try {
        return endpoint(URI.create(endpoint));
      } catch (IllegalArgumentException e) {
        throw badEndpoint(endpoint);
      }
    }

    /**
     * Takes credentials (and, when no region is given, the region) from a named profile of the
     * shared AWS config and credentials files.
     *
     * @param profile the profile name
     * @return this builder
     */
    public Builder profile(String profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Sets static credentials.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     * @return this builder
     */
    public Builder credentials(String accessKeyId, Secret secretAccessKey) {
      this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId");
      this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey");
      return this;
    }

    /**
     * Sets a credentials provider, which wins over every other source.
     *
     * @param provider the provider; null for none
     * @return this builder
     */
    public Builder credentialsProvider(AwsCredentialsProvider provider) {
      this.credentialsProvider = provider;
      return this;
    }

    /**
     * Resolves the region and checks the settings.
     *
     * @return the configuration
     * @throws YshException {@code INVALID_ARGUMENT} for a malformed endpoint, an unknown region,
     *     no region at all, blank credentials, or both static credentials and a profile
     */
    public AwsClientConfig build() {
      if (endpoint != null) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
          throw badEndpoint(endpoint.toString());
        }
      }
      if (accessKeyId != null && (accessKeyId.isBlank() || secretAccessKey.reveal().isEmpty())) {
        throw YshException.invalidArgument("AWS credentials need both an access key id and a secret access key");
      }
      if (profile != null && profile.isBlank()) {
        throw YshException.invalidArgument("profile= must name a profile");
      }
      if (profile != null && accessKeyId != null) {
        throw YshException.invalidArgument("give AWS credentials once: in the URL (ACCESS_KEY:SECRET_KEY@) or as profile=, not both");
      }
      if (roleArn != null && !roleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}")) {
        throw YshException.invalidArgument("roleArn= must be an IAM role ARN such as arn:aws:iam::123456789012:role/name, was '"
            + roleArn + "'");
      }
      if (externalId != null && (externalId.length() < 2 || externalId.length() > 1224)) {
        throw YshException.invalidArgument("externalId= must have 2 to 1224 characters");
      }
      if (roleSessionName != null && !roleSessionName.matches("[\\w+=,.@-]{2,64}")) {
        throw YshException.invalidArgument("roleSessionName= must be 2 to 64 characters of letters, digits and +=,.@_-");
      }
      if (stsEndpoint != null) {
        String scheme = stsEndpoint.getScheme() == null ? "" : stsEndpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || stsEndpoint.getHost() == null) {
          throw badEndpoint(stsEndpoint.toString());
        }
      }
      return new AwsClientConfig(this, resolveRegion());
    }

    private Region resolveRegion() {
      if (region != null) {
        if (region.isBlank()) {
          throw YshException.invalidArgument("region= must name an AWS region, such as sa-east-1");
        }
        Region r = Region.of(region);
        if (endpoint == null && !Region.regions().contains(r)) {
          throw YshException.invalidArgument("unknown AWS region '" + region + "'");
        }
        return r;
      }
      Optional<Region> configured = fromEnvironment();
      if (configured.isPresent()) {
        return configured.get();
      }
      if (endpoint != null) {
        return ENDPOINT_DEFAULT_REGION;
      }
      throw YshException.invalidArgument("no AWS region: add region= to the URL (such as region=sa-east-1), "
          + "or set AWS_REGION or the profile's region");
    }

    private Optional<Region> fromEnvironment() {
      try {
        if (endpoint != null) {
          // a custom endpoint only needs a region to sign with: never wait for instance metadata
          return Optional.ofNullable(new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
              profile == null ? new AwsProfileRegionProvider() : new AwsProfileRegionProvider(null, profile)).getRegion());
        }
        return Optional.ofNullable(DefaultAwsRegionProviderChain.builder().profileName(profile).build().getRegion());
      } catch (RuntimeException none) {
        // the chains throw when no provider knows a region
        return Optional.empty();
      }
    }

    private static YshException badEndpoint(String endpoint) {
      return YshException.invalidArgument("endpoint= must be an absolute http(s) URL such as http://127.0.0.1:9000, was '"
          + endpoint + "'");
    }
  }
}
