package io.ysh.secrets.aws;

import io.ysh.core.ErrorCode;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * AWS Secrets Manager driver.
 *
 * <p>{@code get(name, version)} takes a version id (a UUID) or a staging label such as
 * {@code AWSPREVIOUS}. Text values are stored as {@code SecretString}, other bytes as
 * {@code SecretBinary}; the version stages become the label {@code aws.versionStages}.
 * {@code put} adds a version with {@code PutSecretValue}, creating the secret with
 * {@code CreateSecret} the first time. {@code delete} schedules deletion with the configured
 * recovery window (AWS default 30 days; the name then reads as {@code NOT_FOUND} and cannot be
 * written until the window ends) or deletes at once with {@code forceDelete}. {@code list} pages
 * {@code ListSecrets} with a name filter. Thread-safe.
 */
public final class AwsSecretDriver implements SecretDriver {

  private static final Set<SecretCapability> CAPABILITIES =
      Set.of(SecretCapability.PUT, SecretCapability.DELETE, SecretCapability.LIST,
          SecretCapability.VERSIONS, SecretCapability.BINARY_VALUES);
  private static final Pattern VERSION_ID =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final SecretsManagerClient client;
  private final boolean ownsClient;
  private final int pageSize;
  private final boolean forceDelete;
  private final Long recoveryWindowDays;

  private AwsSecretDriver(Builder b) {
    this.client = Objects.requireNonNull(b.client, "client");
    this.ownsClient = b.ownsClient;
    this.pageSize = b.pageSize;
    this.forceDelete = b.forceDelete;
    this.recoveryWindowDays = b.recoveryWindowDays;
  }

  /**
   * Starts building a driver over a client.
   *
   * @param client the Secrets Manager client
   * @return a builder
   */
  public static Builder builder(SecretsManagerClient client) {
    return new Builder(client);
  }

  @Override
  public String provider() {
    return "awssm";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ErrorMapper errorMapper() {
    return AwsErrors::map;
  }

  @Override
  public SecretValue get(String name, String version) {
    GetSecretValueRequest.Builder req = GetSecretValueRequest.builder().secretId(name);
    if (version != null) {
      if (VERSION_ID.matcher(version).matches()) {
        req.versionId(version.toLowerCase(Locale.ROOT));
      } else {
        req.versionStage(version);
      }
    }
    GetSecretValueResponse r = client.getSecretValue(req.build());
    Secret secret;
    if (r.secretString() != null) {
      secret = Secret.of(r.secretString());
    } else if (r.secretBinary() != null) {
      secret = Secret.ofBytes(r.secretBinary().asByteArray());
    } else {
      throw YshException.of(ErrorCode.NOT_FOUND, "the version has no value");
    }
    SecretValue.Builder b = SecretValue.builder(name, secret).version(r.versionId()).createdTime(r.createdDate());
    if (r.hasVersionStages() && !r.versionStages().isEmpty()) {
      b.label("aws.versionStages", String.join(",", r.versionStages()));
    }
    return b.build();
  }

  @Override
  public NamePage list(String prefix, String pageToken) {
    ListSecretsRequest.Builder req = ListSecretsRequest.builder().maxResults(pageSize).nextToken(pageToken);
    if (!prefix.isEmpty()) {
      req.filters(Filter.builder().key(FilterNameStringType.NAME).values(prefix).build());
    }
    ListSecretsResponse r = client.listSecrets(req.build());
    List<String> names = new ArrayList<>();
    for (SecretListEntry e : r.secretList()) {
      if (e.name() != null && e.name().startsWith(prefix) && e.deletedDate() == null) {
        names.add(e.name());
      }
    }
    return new NamePage(names, r.nextToken());
  }

  @Override
  public String put(String name, Secret value) {
    String text = textOrNull(value);
    try {
      PutSecretValueRequest.Builder req = PutSecretValueRequest.builder().secretId(name);
      if (text != null) {
        req.secretString(text);
      } else {
        req.secretBinary(SdkBytes.fromByteArray(value.revealBytes()));
      }
      return client.putSecretValue(req.build()).versionId();
    } catch (ResourceNotFoundException notYet) {
      CreateSecretRequest.Builder req = CreateSecretRequest.builder().name(name);
      if (text != null) {
        req.secretString(text);
      } else {
        req.secretBinary(SdkBytes.fromByteArray(value.revealBytes()));
      }
      try {
        return client.createSecret(req.build()).versionId();
      } catch (ResourceExistsException raced) {
        return put(name, value);
      }
    } catch (InvalidRequestException e) {
      String m = e.awsErrorDetails() == null ? "" : String.valueOf(e.awsErrorDetails().errorMessage());
      if (m.toLowerCase(Locale.ROOT).contains("marked") && m.toLowerCase(Locale.ROOT).contains("delet")) {
        throw YshException.builder(ErrorCode.PRECONDITION_FAILED)
            .detail("the secret is scheduled for deletion: restore it (RestoreSecret) or wait for its recovery window to end")
            .cause(e)
            .build();
      }
      throw e;
    }
  }

  private static String textOrNull(Secret value) {
    try {
      return value.reveal();
    } catch (YshException binary) {
      return null;
    }
  }

  @Override
  public void delete(String name) {
    DeleteSecretRequest.Builder req = DeleteSecretRequest.builder().secretId(name);
    if (forceDelete) {
      req.forceDeleteWithoutRecovery(true);
    } else if (recoveryWindowDays != null) {
      req.recoveryWindowInDays(recoveryWindowDays);
    }
    client.deleteSecret(req.build());
  }

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type.isInstance(client) ? Optional.of(type.cast(client)) : Optional.empty();
  }

  @Override
  public void close() {
    if (ownsClient) {
      client.close();
    }
  }

  @Override
  public String toString() {
    return "AwsSecretDriver[pageSize=" + pageSize + (forceDelete ? ", forceDelete" : "") + "]";
  }

  /** Builds {@link AwsSecretDriver}s. Not thread-safe. */
  public static final class Builder {
    private final SecretsManagerClient client;
    private boolean ownsClient;
    private int pageSize = 100;
    private boolean forceDelete;
    private Long recoveryWindowDays;

    private Builder(SecretsManagerClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Whether closing the driver closes the client (default false: the caller owns it).
     *
     * @param owns whether the driver owns the client
     * @return this builder
     */
    public Builder ownsClient(boolean owns) {
      this.ownsClient = owns;
      return this;
    }

    /**
     * The {@code ListSecrets} page size (default 100).
     *
     * @param pageSize 1 to 100
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} outside 1..100
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1 || pageSize > 100) {
        throw YshException.invalidArgument("Secrets Manager page size must be 1..100, got " + pageSize);
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Deletes at once, without a recovery window.
     *
     * @param force whether to skip the recovery window
     * @return this builder
     */
    public Builder forceDelete(boolean force) {
      this.forceDelete = force;
      return this;
    }

    /**
     * Sets the recovery window of deletes (7 to 30 days; AWS's default is 30).
     *
     * @param days the window
     * @return this builder
     * @throws YshException {@code INVALID_ARGUMENT} outside 7..30
     */
    public Builder recoveryWindowDays(long days) {
      if (days < 7 || days > 30) {
        throw YshException.invalidArgument("recovery window must be 7..30 days, got " + days);
      }
      this.recoveryWindowDays = days;
      return this;
    }

    /**
     * Builds the driver.
     *
     * @return the driver
     */
    public AwsSecretDriver build() {
      return new AwsSecretDriver(this);
    }
  }
}
