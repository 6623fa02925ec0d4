package io.ysh.secrets.gcp;

import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * A protocol stub of {@code google.cloud.secretmanager.v1.SecretManagerService}: a real gRPC
 * server (Netty, on 127.0.0.1) implementing AccessSecretVersion, ListSecrets (paged),
 * CreateSecret, AddSecretVersion (verifying the CRC32C the client sends) and DeleteSecret over
 * an in-memory map, with the status codes Secret Manager answers (NOT_FOUND, ALREADY_EXISTS,
 * INVALID_ARGUMENT). The method descriptors are built with {@link ProtoUtils#marshaller} from the
 * served proto classes, since the {@code grpc-google-cloud-secretmanager-v1} stub artifact is not
 * available here.
 *
 * <p>Why a stub: GCP Secret Manager has no emulator, so the real {@code SecretManagerServiceClient}
 * runs over real gRPC against this imitation. It can be stopped and restarted on the same port
 * while keeping its data, for outage tests. Public, in this module's test jar, so that other
 * modules (compat/kitchen-sink) use the same stub.
 */
public final class SecretManagerStub implements AutoCloseable {

  private static final String SERVICE = "google.cloud.secretmanager.v1.SecretManagerService";

  private final TreeMap<String, List<ByteString>> secrets = new TreeMap<>();
  private final int port;
  private Server server;

  /** Starts the stub on a free 127.0.0.1 port (plaintext gRPC). */
  public SecretManagerStub() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      this.port = s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    start();
  }

  /**
   * The port it serves gRPC on, at 127.0.0.1.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  synchronized void start() {
    if (server != null && !server.isShutdown()) {
      return;
    }
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", port)).addService(definition()).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void stop() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  private static <Q extends Message, R extends Message> MethodDescriptor<Q, R> method(String name, Q request, R response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, name))
        .setRequestMarshaller(ProtoUtils.marshaller(request))
        .setResponseMarshaller(ProtoUtils.marshaller(response))
        .build();
  }

  private static <Q, R> ServerCalls.UnaryMethod<Q, R> unary(Function<Q, R> handler) {
    return (Q request, StreamObserver<R> out) -> {
      try {
        out.onNext(handler.apply(request));
        out.onCompleted();
      } catch (io.grpc.StatusRuntimeException e) {
        out.onError(e);
      }
    };
  }

  private ServerServiceDefinition definition() {
    return ServerServiceDefinition.builder(SERVICE)
        .addMethod(method("AccessSecretVersion", AccessSecretVersionRequest.getDefaultInstance(), AccessSecretVersionResponse.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(unary(this::access)))
        .addMethod(method("ListSecrets", ListSecretsRequest.getDefaultInstance(), ListSecretsResponse.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(unary(this::list)))
        .addMethod(method("CreateSecret", CreateSecretRequest.getDefaultInstance(), Secret.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(unary(this::create)))
        .addMethod(method("AddSecretVersion", AddSecretVersionRequest.getDefaultInstance(), SecretVersion.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(unary(this::add)))
        .addMethod(method("DeleteSecret", DeleteSecretRequest.getDefaultInstance(), Empty.getDefaultInstance()),
            ServerCalls.asyncUnaryCall(unary(this::delete)))
        .build();
  }

  private static io.grpc.StatusRuntimeException notFound(String what) {
    return Status.NOT_FOUND.withDescription(what + " not found or has no versions.").asRuntimeException();
  }

  private synchronized AccessSecretVersionResponse access(AccessSecretVersionRequest r) {
    String name = r.getName();
    int v = name.indexOf("/versions/");
    if (v < 0) {
      throw Status.INVALID_ARGUMENT.withDescription("malformed version name").asRuntimeException();
    }
    String secret = name.substring(0, v);
    List<ByteString> versions = secrets.get(secret);
    if (versions == null || versions.isEmpty()) {
      throw notFound("Secret [" + secret + "]");
    }
    String wanted = name.substring(v + "/versions/".length());
    int number = wanted.equals("latest") ? versions.size() : Integer.parseInt(wanted);
    if (number < 1 || number > versions.size()) {
      throw notFound("Secret Version [" + name + "]");
    }
    ByteString data = versions.get(number - 1);
    CRC32C crc = new CRC32C();
    crc.update(data.toByteArray());
    return AccessSecretVersionResponse.newBuilder()
        .setName(secret + "/versions/" + number)
        .setPayload(SecretPayload.newBuilder().setData(data).setDataCrc32C(crc.getValue()))
        .build();
  }

  private synchronized ListSecretsResponse list(ListSecretsRequest r) {
    int size = r.getPageSize() <= 0 ? 25_000 : r.getPageSize();
    String prefix = r.getParent() + "/secrets/";
    Map<String, List<ByteString>> tail = r.getPageToken().isEmpty() ? secrets.tailMap(prefix, true) : secrets.tailMap(r.getPageToken(), false);
    ListSecretsResponse.Builder out = ListSecretsResponse.newBuilder();
    String last = null;
    for (String name : tail.keySet()) {
      if (!name.startsWith(prefix)) {
        break;
      }
      if (out.getSecretsCount() == size) {
        out.setNextPageToken(last);
        break;
      }
      out.addSecrets(Secret.newBuilder().setName(name));
      last = name;
    }
    return out.setTotalSize(secrets.size()).build();
  }

  private synchronized Secret create(CreateSecretRequest r) {
    String name = r.getParent() + "/secrets/" + r.getSecretId();
    if (secrets.containsKey(name)) {
      throw Status.ALREADY_EXISTS.withDescription("Secret [" + name + "] already exists.").asRuntimeException();
    }
    secrets.put(name, new ArrayList<>());
    return r.getSecret().toBuilder().setName(name).build();
  }

  private synchronized SecretVersion add(AddSecretVersionRequest r) {
    List<ByteString> versions = secrets.get(r.getParent());
    if (versions == null) {
      throw notFound("Secret [" + r.getParent() + "]");
    }
    CRC32C crc = new CRC32C();
    crc.update(r.getPayload().getData().toByteArray());
    if (r.getPayload().hasDataCrc32C() && r.getPayload().getDataCrc32C() != crc.getValue()) {
      throw Status.INVALID_ARGUMENT.withDescription("Checksum mismatch.").asRuntimeException();
    }
    versions.add(r.getPayload().getData());
    return SecretVersion.newBuilder().setName(r.getParent() + "/versions/" + versions.size())
        .setState(SecretVersion.State.ENABLED).build();
  }

  private synchronized Empty delete(DeleteSecretRequest r) {
    if (secrets.remove(r.getName()) == null) {
      throw notFound("Secret [" + r.getName() + "]");
    }
    return Empty.getDefaultInstance();
  }
}
