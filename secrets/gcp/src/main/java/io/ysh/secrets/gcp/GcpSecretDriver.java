package io.ysh.secrets.gcp;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.ProjectName;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretName;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import com.google.protobuf.ByteString;
import io.ysh.core.Secret;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.secrets.SecretCapability;
import io.ysh.secrets.SecretValue;
import io.ysh.secrets.spi.NamePage;
import io.ysh.secrets.spi.SecretDriver;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * GCP Secret Manager driver for one project: {@code projects/<p>/secrets/<name>/versions/<v|latest>}.
 *
 * <p>Values are bytes (binary allowed) sent with a CRC32C checksum. Versions are Secret
 * Manager's version numbers. {@code put} adds a version ({@code AddSecretVersion}), creating the
 * secret with automatic replication the first time. {@code delete} deletes the secret with all
 * versions. {@code list} pages {@code ListSecrets} and keeps the names with the prefix. Secret ids
 * allow only letters, digits, {@code _} and {@code -} (no {@code /}). Creation time and labels are
 * not returned (they need extra calls). Thread-safe.
 */
public final class GcpSecretDriver implements SecretDriver {

  private static final Set<SecretCapability> CAPABILITIES =
      Set.of(SecretCapability.PUT, SecretCapability.DELETE, SecretCapability.LIST,
          SecretCapability.VERSIONS, SecretCapability.BINARY_VALUES);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private final SecretManagerServiceClient client;
  private final String project;
  private final boolean ownsClient;
  private final int pageSize;
  private final AutoCloseable onClose;

  /**
   * Starts building a driver over a client (for {@code gcpsm://} URLs the provider builds the
   * client; use this for credentials, channels or settings a URL cannot carry).
   *
   * @param client the Secret Manager client
   * @return a builder
   */
  public static Builder builder(SecretManagerServiceClient client) {
    return new Builder(client);
  }

  GcpSecretDriver(SecretManagerServiceClient client, String project, int pageSize, boolean ownsClient, AutoCloseable onClose) {
    this.onClose = onClose;
    this.client = Objects.requireNonNull(client, "client");
    this.project = Objects.requireNonNull(project, "project");
    if (pageSize < 1 || pageSize > 25_000) {
      throw YshException.invalidArgument("Secret Manager page size must be 1..25000, got " + pageSize);
    }
    this.pageSize = pageSize;
    this.ownsClient = ownsClient;
  }

  @Override
  public String provider() {
    return "gcpsm";
  }

  @Override
  public Set<SecretCapability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public void validateName(String name) {
    if (!ID.matcher(name).matches()) {
      throw YshException.invalidArgument(
          "GCP Secret Manager secret ids allow only letters, digits, '_' and '-' (1 to 255 characters)");
    }
  }

  @Override
  public ErrorMapper errorMapper() {
    return GcpErrors::map;
  }

  @Override
  public SecretValue get(String name, String version) {
    if (version != null && !version.chars().allMatch(Character::isDigit)) {
      throw YshException.invalidArgument("Secret Manager versions are numbers, got '" + version + "'");
    }
    String v = version == null ? "latest" : version;
    AccessSecretVersionResponse r = client.accessSecretVersion(SecretVersionName.of(project, name, v));
    String full = r.getName();
    String number = full.substring(full.lastIndexOf('/') + 1);
    return SecretValue.builder(name, Secret.ofBytes(r.getPayload().getData().toByteArray())).version(number).build();
  }

  @Override
  public NamePage list(String prefix, String pageToken) {
    ListSecretsRequest.Builder req = ListSecretsRequest.newBuilder().setParent(ProjectName.of(project).toString()).setPageSize(pageSize);
    if (pageToken != null) {
      req.setPageToken(pageToken);
    }
    ListSecretsResponse r = client.listSecretsCallable().call(req.build());
    List<String> names = new ArrayList<>();
    for (com.google.cloud.secretmanager.v1.Secret s : r.getSecretsList()) {
      String id = s.getName().substring(s.getName().lastIndexOf('/') + 1);
      if (id.startsWith(prefix)) {
        names.add(id);
      }
    }
    String next = r.getNextPageToken();
    return new NamePage(names, next.isEmpty() ? null : next);
  }

  @Override
  public String put(String name, Secret value) {
    byte[] bytes = value.revealBytes();
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    AddSecretVersionRequest req =
        AddSecretVersionRequest.newBuilder()
            .setParent(SecretName.of(project, name).toString())
            .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFrom(bytes)).setDataCrc32C(crc.getValue()))
            .build();
    SecretVersion created;
    try {
      created = client.addSecretVersion(req);
    } catch (NotFoundException firstVersion) {
      try {
        client.createSecret(
            ProjectName.of(project),
            name,
            com.google.cloud.secretmanager.v1.Secret.newBuilder()
                .setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()))
                .build());
      } catch (com.google.api.gax.rpc.AlreadyExistsException raced) {
        // another writer created it first
      }
      created = client.addSecretVersion(req);
    }
    return created.getName().substring(created.getName().lastIndexOf('/') + 1);
  }

  @Override
  public void delete(String name) {
    client.deleteSecret(SecretName.of(project, name));
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
    if (onClose != null) {
      try {
        onClose.close();
      } catch (Exception e) {
        // best effort
      }
    }
  }

  @Override
  public String toString() {
    return "GcpSecretDriver[project=" + project + "]";
  }

  /** Builds {@link GcpSecretDriver}s. Not thread-safe. */
  public static final class Builder {
    private final SecretManagerServiceClient client;
    private String project;
    private int pageSize = 100;
    private boolean ownsClient;

    private Builder(SecretManagerServiceClient client) {
      this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * The project whose secrets the driver reads (required).
     *
     * @param project the project id
     * @return this builder
     */
    public Builder project(String project) {
      this.project = Objects.requireNonNull(project, "project");
      return this;
    }

    /**
     * Names per {@code ListSecrets} page (default 100).
     *
     * @param pageSize 1 to 25,000
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
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
     * Builds the driver; no network call is made.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} without a project or for a page size outside
     *     1..25,000
     */
    public GcpSecretDriver build() {
      if (project == null || project.isBlank()) {
        throw YshException.invalidArgument("the GCP Secret Manager driver needs a project");
      }
      return new GcpSecretDriver(client, project, pageSize, ownsClient, null);
    }
  }
}
