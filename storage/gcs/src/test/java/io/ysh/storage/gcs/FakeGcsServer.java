package io.ysh.storage.gcs;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * An in-process HTTP server speaking the part of the GCS JSON API the driver's reads and writes
 * use, shaped as Google documents it, for tests that need real HTTP between the client and
 * "GCS" (no offline GCS server exists; {@code LocalStorageHelper} has no HTTP at all): object
 * metadata ({@code GET /storage/v1/b/B/o/O}), media downloads with {@code Range}
 * ({@code GET /download/storage/v1/b/B/o/O?alt=media}), deletes, and resumable uploads (start
 * with {@code POST ...?uploadType=resumable}, then {@code PUT} chunks with {@code Content-Range},
 * answered {@code 308} with the persisted {@code Range} until the last one, which finalizes the
 * object; {@code bytes *}{@code /*} asks for the persisted size). Generations, MD5 and CRC32C are
 * kept as GCS keeps them. Sessions that were never finalized are counted by
 * {@link #openSessions(String)}.
 */
final class FakeGcsServer implements AutoCloseable {

  private static final Pattern OBJECT = Pattern.compile("/storage/v1/b/([^/]+)/o/([^?]+)");
  private static final Pattern MEDIA = Pattern.compile("/download/storage/v1/b/([^/]+)/o/([^?]+)");
  private static final Pattern UPLOAD = Pattern.compile("/upload/storage/v1/b/([^/]+)/o");
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\*|(\\d+)-(\\d+))/(\\*|\\d+)");
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

  private record StoredObject(String bucket, String name, byte[] data, long generation, String contentType,
      Map<String, String> metadata, Instant updated) {}

  private static final class Session {
    final String bucket;
    final String name;
    final String contentType;
    final Map<String, String> metadata;
    final Long ifGenerationMatch;
    final ByteArrayOutputStream received = new ByteArrayOutputStream();
    boolean finalized;

    Session(String bucket, String name, String contentType, Map<String, String> metadata, Long ifGenerationMatch) {
      this.bucket = bucket;
      this.name = name;
      this.contentType = contentType;
      this.metadata = metadata;
      this.ifGenerationMatch = ifGenerationMatch;
    }
  }

  private final HttpServer server;
  private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong(1_700_000_000_000_000L);

  FakeGcsServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "fake-gcs");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /**
   * Resumable sessions started for objects whose name starts with {@code prefix} and never
   * finalized.
   *
   * @param prefix the name prefix
   * @return the count
   */
  int openSessions(String prefix) {
    return (int) sessions.values().stream().filter(s -> !s.finalized && s.name.startsWith(prefix)).count();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getRawPath();
      Map<String, String> query = query(x.getRequestURI().getRawQuery());
      String method = x.getRequestMethod();
      Matcher m;
      if ((m = MEDIA.matcher(path)).matches() && method.equals("GET")) {
        download(x, key(m.group(1), decode(m.group(2))), query);
      } else if ((m = OBJECT.matcher(path)).matches() && method.equals("GET")) {
        StoredObject o = objects.get(key(m.group(1), decode(m.group(2))));
        if (o == null || !generationMatches(o, query)) {
          error(x, 404, "notFound", "No such object: " + m.group(1) + "/" + decode(m.group(2)));
        } else {
          json(x, 200, resource(o));
        }
      } else if ((m = OBJECT.matcher(path)).matches() && method.equals("DELETE")) {
        StoredObject o = objects.remove(key(m.group(1), decode(m.group(2))));
        if (o == null) {
          error(x, 404, "notFound", "No such object");
        } else {
          x.sendResponseHeaders(204, -1);
        }
      } else if ((m = UPLOAD.matcher(path)).matches() && method.equals("POST")
          && "resumable".equals(query.get("uploadType"))) {
        start(x, m.group(1), query);
      } else if (UPLOAD.matcher(path).matches() && method.equals("PUT") && query.containsKey("upload_id")) {
        chunk(x, query.get("upload_id"));
      } else {
        x.getRequestBody().readAllBytes();
        error(x, 501, "notImplemented", "the fake does not serve " + method + " " + path);
      }
    }
  }

  private void download(HttpExchange x, String key, Map<String, String> query) throws IOException {
    StoredObject o = objects.get(key);
    if (o == null || !generationMatches(o, query)) {
      error(x, 404, "notFound", "No such object");
      return;
    }
    long start = 0;
    long end = o.data().length; // exclusive
    String range = x.getRequestHeaders().getFirst("Range");
    if (range != null) {
      Matcher r = RANGE.matcher(range);
      if (r.matches()) {
        start = Long.parseLong(r.group(1));
        end = r.group(2).isEmpty() ? end : Math.min(end, Long.parseLong(r.group(2)) + 1);
      }
      if (start >= o.data().length) {
        x.getResponseHeaders().add("Content-Range", "bytes */" + o.data().length);
        x.sendResponseHeaders(416, -1);
        return;
      }
      x.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (end - 1) + "/" + o.data().length);
    }
    x.getResponseHeaders().add("Content-Type", o.contentType());
    x.getResponseHeaders().add("x-goog-generation", Long.toString(o.generation()));
    x.getResponseHeaders().add("x-goog-hash", "crc32c=" + crc32c(o.data()) + ",md5=" + md5(o.data()));
    x.getResponseHeaders().add("x-goog-stored-content-length", Integer.toString(o.data().length));
    x.sendResponseHeaders(range == null ? 200 : 206, end - start);
    x.getResponseBody().write(o.data(), (int) start, (int) (end - start));
  }

  private void start(HttpExchange x, String bucket, Map<String, String> query) throws IOException {
    JsonObject body = JsonParser.parseString(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))
        .getAsJsonObject();
    String name = body.has("name") ? body.get("name").getAsString() : query.get("name");
    Map<String, String> metadata = new LinkedHashMap<>();
    if (body.has("metadata") && body.get("metadata").isJsonObject()) {
      body.getAsJsonObject("metadata").entrySet().forEach(e -> metadata.put(e.getKey(), e.getValue().getAsString()));
    }
    String contentType = body.has("contentType") ? body.get("contentType").getAsString() : "application/octet-stream";
    Long ifGeneration = query.containsKey("ifGenerationMatch") ? Long.parseLong(query.get("ifGenerationMatch")) : null;
    if (!preconditionHolds(key(bucket, name), ifGeneration)) {
      error(x, 412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
      return;
    }
    String id = UUID.randomUUID().toString().replace("-", "");
    sessions.put(id, new Session(bucket, name, contentType, metadata, ifGeneration));
    String host = x.getRequestHeaders().getFirst("Host");
    x.getResponseHeaders().add("Location",
        "http://" + host + "/upload/storage/v1/b/" + bucket + "/o?uploadType=resumable&upload_id=" + id);
    x.getResponseHeaders().add("X-GUploader-UploadID", id);
    x.sendResponseHeaders(200, -1);
  }

  private void chunk(HttpExchange x, String id) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    Session s = sessions.get(id);
    if (s == null) {
      error(x, 404, "notFound", "No such upload session");
      return;
    }
    String header = x.getRequestHeaders().getFirst("Content-Range");
    Matcher r = header == null ? null : CONTENT_RANGE.matcher(header.trim());
    if (r == null || !r.matches()) {
      error(x, 400, "invalid", "bad Content-Range: " + header);
      return;
    }
    synchronized (s) {
      if (s.finalized) {
        json(x, 200, resource(objects.get(key(s.bucket, s.name))));
        return;
      }
      long persisted = s.received.size();
      if (r.group(2) != null) {
        long first = Long.parseLong(r.group(2));
        long last = Long.parseLong(r.group(3));
        if (last - first + 1 != body.length || first > persisted) {
          error(x, 400, "invalid", "chunk " + first + "-" + last + " of " + body.length + " bytes does not follow the "
              + persisted + " bytes persisted");
          return;
        }
        // a chunk sent again after a lost answer: keep only the bytes not yet persisted
        int skip = (int) (persisted - first);
        if (skip < body.length) {
          s.received.write(body, skip, body.length - skip);
        }
      }
      String total = r.group(4);
      if (!total.equals("*") && Long.parseLong(total) == s.received.size()) {
        finish(x, s);
        return;
      }
      if (s.received.size() > 0) {
        x.getResponseHeaders().add("Range", "bytes=0-" + (s.received.size() - 1));
      }
      x.sendResponseHeaders(308, -1);
    }
  }

  private void finish(HttpExchange x, Session s) throws IOException {
    String key = key(s.bucket, s.name);
    synchronized (objects) {
      if (!preconditionHolds(key, s.ifGenerationMatch)) {
        error(x, 412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
        return;
      }
      StoredObject o = new StoredObject(s.bucket, s.name, s.received.toByteArray(), generations.incrementAndGet(),
          s.contentType, s.metadata, Instant.now());
      objects.put(key, o);
      s.finalized = true;
      json(x, 200, resource(o));
    }
  }

  private boolean preconditionHolds(String key, Long ifGenerationMatch) {
    if (ifGenerationMatch == null) {
      return true;
    }
    StoredObject o = objects.get(key);
    return ifGenerationMatch == 0 ? o == null : o != null && o.generation() == ifGenerationMatch;
  }

  private static boolean generationMatches(StoredObject o, Map<String, String> query) {
    String g = query.get("generation");
    return g == null || Long.parseLong(g) == o.generation();
  }

  private static JsonObject resource(StoredObject o) {
    JsonObject j = new JsonObject();
    j.addProperty("kind", "storage#object");
    j.addProperty("id", o.bucket() + "/" + o.name() + "/" + o.generation());
    j.addProperty("name", o.name());
    j.addProperty("bucket", o.bucket());
    j.addProperty("generation", Long.toString(o.generation()));
    j.addProperty("metageneration", "1");
    j.addProperty("contentType", o.contentType());
    j.addProperty("size", Integer.toString(o.data().length));
    j.addProperty("md5Hash", md5(o.data()));
    j.addProperty("crc32c", crc32c(o.data()));
    j.addProperty("etag", "C" + Long.toHexString(o.generation()) + "=");
    j.addProperty("timeCreated", o.updated().toString());
    j.addProperty("updated", o.updated().toString());
    j.addProperty("storageClass", "STANDARD");
    if (!o.metadata().isEmpty()) {
      JsonObject m = new JsonObject();
      o.metadata().forEach(m::addProperty);
      j.add("metadata", m);
    }
    return j;
  }

  private static void json(HttpExchange x, int status, JsonObject body) throws IOException {
    byte[] b = body.toString().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
    x.sendResponseHeaders(status, b.length);
    x.getResponseBody().write(b);
  }

  private static void error(HttpExchange x, int status, String reason, String message) throws IOException {
    JsonObject e = new JsonObject();
    e.addProperty("code", status);
    e.addProperty("message", message);
    JsonObject one = new JsonObject();
    one.addProperty("domain", "global");
    one.addProperty("reason", reason);
    one.addProperty("message", message);
    com.google.gson.JsonArray errors = new com.google.gson.JsonArray();
    errors.add(one);
    e.add("errors", errors);
    JsonObject body = new JsonObject();
    body.add("error", e);
    json(x, status, body);
  }

  private static String key(String bucket, String name) {
    return bucket + "/" + name;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new HashMap<>();
    if (raw == null) {
      return q;
    }
    for (String part : raw.split("&")) {
      int eq = part.indexOf('=');
      q.put(decode(eq < 0 ? part : part.substring(0, eq)), eq < 0 ? "" : decode(part.substring(eq + 1)));
    }
    return q;
  }

  private static String md5(byte[] data) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String crc32c(byte[] data) {
    CRC32C c = new CRC32C();
    c.update(data);
    long v = c.getValue();
    return Base64.getEncoder().encodeToString(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8),
        (byte) v});
  }
}
