package io.ysh.storage.fs;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.Capability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.SignedUrlMethod;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.FileTransferable;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.SortedListing;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageKeys;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Stores objects as files under a root directory: key {@code a/b/c.pdf} is the file
 * {@code <root>/a/b/c.pdf}, so the tree can be read by other tools.
 *
 * <p><strong>Confinement.</strong> The driver never reads or writes outside its root: keys are
 * validated by the portable layer (no {@code ..}, no leading {@code /}, no backslash), every
 * resolved path is checked to stay under the root, symbolic links are never followed (a
 * symlinked file reads as missing; a symlinked directory that leads outside the root is refused
 * with {@code PERMISSION_DENIED}).
 *
 * <p><strong>Layout.</strong> Content type, cache control, user metadata and the MD5 live in a
 * sidecar file {@code .ysh-meta/<name>} next to the object; writes go to a temporary file
 * ({@code .ysh-tmp-*}) that is atomically moved into place, so readers never see a partial
 * object. Names starting with {@code .ysh} are reserved: keys with such a segment are refused.
 *
 * <p><strong>Limits, honestly.</strong> A key cannot be both an object and a "directory" of
 * other objects ({@code a} and {@code a/b}): such a write fails with {@code ALREADY_EXISTS}.
 * Each segment must fit the file system's name limit (255 bytes on most). Conditional writes
 * are atomic among the writers of one JVM only. Listing walks the directory tree under the
 * prefix's directory for each page. No signed URLs. Thread-safe.
 */
public final class FsStorageDriver implements StorageDriver {

  private static final String META_DIR = ".ysh-meta";
  private static final String TMP_PREFIX = ".ysh-tmp-";
  private static final String RESERVED = ".ysh";
  /** Copy buffer: large enough that a read or write costs one system call per 256 KiB. */
  private static final int COPY_BUFFER = 256 * 1024;

  private final Path root;
  private final Path realRoot;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  private FsStorageDriver(Builder b) {
    Path r = b.root.toAbsolutePath().normalize();
    try {
      if (!Files.isDirectory(r)) {
        if (!b.createRoot) {
          throw YshException.invalidArgument("the storage root " + r + " is not a directory (create=false)");
        }
        Files.createDirectories(r);
      }
      this.realRoot = r.toRealPath();
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("cannot use " + r + " as the storage root: " + e.getMessage()).cause(e).build();
    }
    this.root = r;
  }

  /**
   * Starts building a driver.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The root directory.
   *
   * @return the absolute root
   */
  public Path root() {
    return root;
  }

  @Override
  public String provider() {
    return "fs";
  }

  @Override
  public Set<Capability> capabilities() {
    return EnumSet.of(Capability.SERVER_SIDE_COPY, Capability.IF_NONE_MATCH, Capability.IF_MATCH,
        Capability.RANGE_READ);
  }

  @Override
  public MultipartLimits multipartLimits() {
    return MultipartLimits.LOCAL;
  }

  @Override
  public ErrorMapper errorMapper() {
    return FsStorageDriver::mapError;
  }

  static YshException mapError(Throwable t) {
    if (t instanceof NoSuchFileException || t instanceof NotDirectoryException) {
      return YshException.builder(ErrorCode.NOT_FOUND).detail("no object under this key").cause(t).build();
    }
    if (t instanceof AccessDeniedException) {
      return YshException.builder(ErrorCode.PERMISSION_DENIED).detail("access denied by the file system").cause(t).build();
    }
    if (t instanceof FileSystemException f && f.getReason() != null && f.getReason().contains("too long")) {
      return YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("a key segment is too long for this file system (" + f.getReason() + ")").cause(t).build();
    }
    return Errors.classify(t);
  }

  // ------------------------------------------------------------ paths

  /** The object's path, checked to stay under the root. */
  private Path path(String key) {
    StorageKeys.validate(key);
    for (String segment : key.split("/")) {
      if (segment.startsWith(RESERVED)) {
        throw YshException.invalidArgument(
            "the fs driver reserves names starting with '.ysh'; key segment '" + segment + "' cannot be stored");
      }
    }
    Path p = root.resolve(key.replace('/', root.getFileSystem().getSeparator().charAt(0))).normalize();
    if (!p.startsWith(root) || p.equals(root)) {
      throw YshException.of(ErrorCode.PERMISSION_DENIED, "the key resolves outside the storage root");
    }
    return p;
  }

  /** Refuses a directory chain that leads outside the root through a symbolic link. */
  private void checkParent(Path p) throws IOException {
    Path parent = p.getParent();
    if (Files.exists(parent, LinkOption.NOFOLLOW_LINKS) || Files.exists(parent)) {
      Path real = parent.toRealPath();
      if (!real.startsWith(realRoot)) {
        throw YshException.of(ErrorCode.PERMISSION_DENIED, "the key's directory leads outside the storage root");
      }
    }
  }

  private static Path metaPath(Path p) {
    return p.getParent().resolve(META_DIR).resolve(p.getFileName().toString());
  }

  private Path existingFile(String key) throws IOException {
    Path p = path(key);
    checkParent(p);
    if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(key);
    }
    return p;
  }

  private Object lock(String key) {
    return locks.computeIfAbsent(key, k -> new Object());
  }

  // ------------------------------------------------------------ reads

  @Override
  public ObjectInfo stat(String key) throws IOException {
    return info(key, existingFile(key));
  }

  private ObjectInfo info(String key, Path p) throws IOException {
    BasicFileAttributes attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    Properties meta = readMeta(p);
    Map<String, String> user = new LinkedHashMap<>();
    for (String name : meta.stringPropertyNames()) {
      if (name.startsWith("meta.")) {
        user.put(name.substring(5), meta.getProperty(name));
      }
    }
    String md5 = meta.getProperty("md5");
    String etag = md5 != null ? md5 : Long.toHexString(attrs.lastModifiedTime().toMillis()) + "-" + attrs.size();
    return new ObjectInfo(key, attrs.size(), etag,
        meta.getProperty("contentType", WriteOptions.DEFAULT_CONTENT_TYPE), meta.getProperty("cacheControl"),
        attrs.lastModifiedTime().toInstant(), user, md5, meta.getProperty("crc32c"));
  }

  private static Properties readMeta(Path p) throws IOException {
    Properties props = new Properties();
    Path m = metaPath(p);
    if (Files.isRegularFile(m, LinkOption.NOFOLLOW_LINKS)) {
      try (Reader r = Files.newBufferedReader(m, StandardCharsets.UTF_8)) {
        props.load(r);
      }
    }
    return props;
  }

  @Override
  public DriverReader read(String key, ByteRange range) throws IOException {
    Path p = existingFile(key);
    FileChannel channel = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
    try {
      ObjectInfo info = info(key, p);
      long size = channel.size();
      long[] r = range == null ? new long[] {0, size} : range.resolve(size);
      channel.position(r[0]);
      long length = r[1] - r[0];
      InputStream in = new FileObjectStream(channel, length);
      return new DriverReader(in, info, length);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  // ------------------------------------------------------------ writes

  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options) throws IOException {
    Hashing hashing = new Hashing();
    return write(key, data, length, options, hashing, hashing);
  }

  /** Takes the MD5 and CRC32C the portable layer computed while this driver read the data. */
  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws IOException {
    return write(key, data, length, options, null, digests);
  }

  private WriteResult write(String key, InputStream data, long length, WriteOptions options, Hashing hashing,
      UploadDigests digests) throws IOException {
    Path p = path(key);
    Path temp = createTemp(p);
    try {
      try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        byte[] buf = new byte[(int) Math.min(COPY_BUFFER, Math.max(length, 1))];
        ByteBuffer wrapped = ByteBuffer.wrap(buf);
        long left = length;
        while (left > 0) {
          int n = data.read(buf, 0, (int) Math.min(buf.length, left));
          if (n < 0) {
            throw new IOException("the data ended " + left + " bytes early");
          }
          if (hashing != null) {
            hashing.update(buf, n);
          }
          wrapped.clear().limit(n);
          while (wrapped.hasRemaining()) {
            out.write(wrapped);
          }
          left -= n;
        }
      }
      return commit(key, p, temp, digests.md5Hex(), digests.crc32cHex(), options);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private Path createTemp(Path p) throws IOException {
    for (int attempt = 0; ; attempt++) {
      try {
        Files.createDirectories(p.getParent());
        checkParent(p);
        return Files.createFile(p.getParent().resolve(TMP_PREFIX + UUID.randomUUID()));
      } catch (FileAlreadyExistsException e) {
        throw conflict(p, e);
      } catch (NoSuchFileException e) {
        if (attempt >= 5) {
          throw e; // a concurrent delete kept removing the directory
        }
      }
    }
  }

  private YshException conflict(Path p, Exception e) {
    return YshException.builder(ErrorCode.ALREADY_EXISTS)
        .detail("the fs driver cannot store this key: a key that is a prefix of it is an object, or it is a"
            + " 'directory' of other objects (a file cannot also be a directory)")
        .cause(e).build();
  }

  private WriteResult commit(String key, Path p, Path temp, String md5, String crc32c, WriteOptions options)
      throws IOException {
    Properties meta = new Properties();
    meta.setProperty("contentType", options.contentType());
    options.cacheControl().ifPresent(c -> meta.setProperty("cacheControl", c));
    meta.setProperty("md5", md5);
    meta.setProperty("crc32c", crc32c);
    options.metadata().forEach((k, v) -> meta.setProperty("meta." + k, v));
    Path metaDir = p.getParent().resolve(META_DIR);
    Files.createDirectories(metaDir);
    Path metaTemp = metaDir.resolve(TMP_PREFIX + UUID.randomUUID());
    try {
      try (Writer w = Files.newBufferedWriter(metaTemp, StandardCharsets.UTF_8)) {
        meta.store(w, null);
      }
      synchronized (lock(key)) {
        boolean exists = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        if (options.ifNoneMatchAny() && exists) {
          throw YshException.of(ErrorCode.PRECONDITION_FAILED, "the key exists (if-none-match: *)");
        }
        if (options.ifMatch().isPresent()) {
          String current = exists ? info(key, p).etag() : null;
          if (!unquote(options.ifMatch().get()).equals(current)) {
            throw YshException.of(ErrorCode.PRECONDITION_FAILED, "the object's ETag does not match (if-match)");
          }
        }
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          throw conflict(p, new DirectoryNotEmptyException(key));
        }
        Files.move(metaTemp, metaPath(p), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(temp, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return new WriteResult(key, Files.size(p), md5, md5, crc32c);
    } finally {
      Files.deleteIfExists(metaTemp);
    }
  }

  private static String unquote(String etag) {
    return etag.length() > 1 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
  }

  private record Upload(String key, Path path, Path temp, FileChannel channel, WriteOptions options)
      implements DriverUpload {}

  @Override
  public DriverUpload startUpload(String key, WriteOptions options) throws IOException {
    Path p = path(key);
    Path temp = createTemp(p);
    return new Upload(key, p, temp, FileChannel.open(temp, StandardOpenOption.WRITE), options);
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws IOException {
    Upload u = (Upload) upload;
    ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
    while (buf.hasRemaining()) {
      u.channel().write(buf);
    }
    return new UploadedPart(partNumber, null, null, length);
  }

  /** Hashes the assembled file: only for callers that do not pass the digests. */
  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts) throws IOException {
    Upload u = (Upload) upload;
    u.channel().close();
    Hashing hashing;
    try {
      hashing = Hashing.of(u.temp());
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(u.temp());
      throw e;
    }
    return completeUpload(upload, parts, hashing);
  }

  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests)
      throws IOException {
    Upload u = (Upload) upload;
    try {
      u.channel().close();
      return commit(u.key(), u.path(), u.temp(), digests.md5Hex(), digests.crc32cHex(), u.options());
    } finally {
      Files.deleteIfExists(u.temp());
    }
  }

  @Override
  public void abortUpload(DriverUpload upload) throws IOException {
    Upload u = (Upload) upload;
    u.channel().close();
    Files.deleteIfExists(u.temp());
  }

  // ------------------------------------------------------------ delete, copy

  @Override
  public void delete(String key) throws IOException {
    Path p = path(key);
    checkParent(p);
    synchronized (lock(key)) {
      if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        return; // a "directory" of other objects is not an object: nothing to delete
      }
      try {
        Files.deleteIfExists(p);
        Files.deleteIfExists(metaPath(p));
      } catch (NoSuchFileException | NotDirectoryException e) {
        return;
      }
    }
    pruneEmptyDirectories(p.getParent());
  }

  private void pruneEmptyDirectories(Path dir) {
    Path d = dir;
    while (d != null && d.startsWith(root) && !d.equals(root)) {
      try {
        Files.deleteIfExists(d.resolve(META_DIR));
        Files.delete(d);
      } catch (IOException e) {
        return; // not empty (or already gone): stop
      }
      d = d.getParent();
    }
  }

  @Override
  public WriteResult copy(String source, String target) throws IOException {
    Path from = existingFile(source);
    ObjectInfo info = info(source, from);
    Path to = path(target);
    Path temp = createTemp(to);
    try {
      Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
      WriteOptions.Builder options = WriteOptions.builder().contentType(info.contentType()).metadata(info.metadata());
      if (info.cacheControl() != null) {
        options.cacheControl(info.cacheControl());
      }
      String md5 = info.md5();
      String crc32c = info.crc32c();
      if (md5 == null || crc32c == null) {
        Hashing h = Hashing.of(temp);
        md5 = h.md5Hex();
        crc32c = h.crc32cHex();
      }
      return commit(target, to, temp, md5, crc32c, options.build());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  // ------------------------------------------------------------ list

  @Override
  public ListPage list(ListOptions options, String pageToken) throws IOException {
    String prefix = options.prefix();
    int slash = prefix.lastIndexOf('/');
    Path start = realRoot;
    if (slash > 0) {
      String dir = prefix.substring(0, slash);
      try {
        StorageKeys.validate(dir);
      } catch (YshException e) {
        return new ListPage(List.of(), null); // no valid key can start with this prefix
      }
      start = root.resolve(dir).normalize();
      if (!start.startsWith(root)) {
        return new ListPage(List.of(), null);
      }
      start = realRoot.resolve(root.relativize(start));
    }
    TreeMap<String, BasicFileAttributes> found = new TreeMap<>(StorageKeys.UTF8_ORDER);
    if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> files = Files.walk(start)) {
        files.forEach(f -> {
          Path rel = realRoot.relativize(f);
          String key = rel.toString().replace(f.getFileSystem().getSeparator(), "/");
          if (key.isEmpty() || !key.startsWith(prefix) || isReserved(rel)) {
            return;
          }
          try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isRegularFile()) {
              found.put(key, a);
            }
          } catch (IOException e) {
            // vanished during the walk: not listed
          }
        });
      } catch (java.io.UncheckedIOException e) {
        if (!(e.getCause() instanceof NoSuchFileException)) {
          throw e.getCause();
        }
      }
    }
    return SortedListing.page(found, options, pageToken,
        (k, a) -> ListEntry.object(k, a.size(), null, a.lastModifiedTime().toInstant()));
  }

  private static boolean isReserved(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(RESERVED)) {
        return true;
      }
    }
    return false;
  }

  // ------------------------------------------------------------ rest

  @Override
  public URI signedUrl(String key, SignedUrlMethod method, Duration expiry, String contentType) {
    throw YshException.of(ErrorCode.UNSUPPORTED, "the fs driver cannot sign URLs");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    return type == Path.class ? type.cast(root) : null;
  }

  @Override
  public void close() {
    // nothing held open
  }

  /**
   * The file that holds an object, for tools that need the path; checked to stay under the root.
   *
   * @param key the key
   * @return the path (which may not exist)
   */
  public Path pathOf(String key) {
    return path(key);
  }

  /** MD5 and CRC32C of what this driver hashes itself (when the portable layer did not). */
  private static final class Hashing implements UploadDigests {
    private final MessageDigest md5;
    private final CRC32C crc32c = new CRC32C();
    private String md5Hex;

    Hashing() {
      try {
        md5 = MessageDigest.getInstance("MD5");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    static Hashing of(Path file) throws IOException {
      Hashing h = new Hashing();
      try (InputStream in = Files.newInputStream(file)) {
        byte[] buf = new byte[COPY_BUFFER];
        for (int n; (n = in.read(buf)) > 0; ) {
          h.update(buf, n);
        }
      }
      return h;
    }

    void update(byte[] buf, int n) {
      md5.update(buf, 0, n);
      crc32c.update(buf, 0, n);
    }

    @Override
    public String md5Hex() {
      if (md5Hex == null) {
        md5Hex = HexFormat.of().formatHex(md5.digest());
      }
      return md5Hex;
    }

    @Override
    public String crc32cHex() {
      return String.format("%08x", crc32c.getValue());
    }
  }

  @Override
  public String toString() {
    return "FsStorageDriver[" + root + "]";
  }

  /**
   * The bytes of an open file from its current position, limited to a length; can hand them to
   * another file inside the kernel ({@link FileTransferable}).
   */
  private static final class FileObjectStream extends InputStream implements FileTransferable {
    private final FileChannel channel;
    private final InputStream in;
    private long left;

    FileObjectStream(FileChannel channel, long length) {
      this.channel = channel;
      this.in = Channels.newInputStream(channel);
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long s = in.skip(Math.min(n, left));
      left -= s;
      return s;
    }

    @Override
    public int available() throws IOException {
      return (int) Math.min(in.available(), left);
    }

    @Override
    public long transferTo(FileChannel target) throws IOException {
      long position = channel.position();
      long total = 0;
      while (left > 0) {
        long n = channel.transferTo(position, left, target);
        if (n <= 0) {
          break; // the file shrank behind our back: the caller sees the short count
        }
        position += n;
        left -= n;
        total += n;
      }
      channel.position(position);
      return total;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Builds an {@link FsStorageDriver}. */
  public static final class Builder {
    private Path root;
    private boolean createRoot = true;

    private Builder() {}

    /**
     * Sets the root directory (required).
     *
     * @param root the root
     * @return this builder
     */
    public Builder root(Path root) {
      this.root = Objects.requireNonNull(root, "root");
      return this;
    }

    /**
     * Whether to create a missing root (default true).
     *
     * @param create true to create it
     * @return this builder
     */
    public Builder createRoot(boolean create) {
      this.createRoot = create;
      return this;
    }

    /**
     * Builds the driver.
     *
     * @return the driver
     * @throws YshException {@code INVALID_ARGUMENT} when the root is missing or unusable
     */
    public FsStorageDriver build() {
      if (root == null) {
        throw YshException.invalidArgument("the fs driver needs a root directory");
      }
      return new FsStorageDriver(this);
    }
  }
}
