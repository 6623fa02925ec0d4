package io.ysh.storage.fs;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.DriverUpload;
import io.ysh.storage.spi.ChannelWrite;
import io.ysh.storage.spi.ChannelWrites;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.FileRegion;
import io.ysh.storage.spi.MultipartLimits;
import io.ysh.storage.spi.SortedListing;
import io.ysh.storage.spi.StorageDriver;
import io.ysh.storage.spi.StorageKeys;
import io.ysh.storage.spi.UploadDigests;
import io.ysh.storage.spi.UploadedPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * <p><strong>Layout.</strong> Writes go to a temporary file ({@code .ysh-tmp-*}) that is
 * atomically renamed into place, so readers never see a partial object. Content type, cache
 * control, user metadata and the CRC32C live in the extended attribute {@code user.ysh.meta} of
 * the object's file (Java properties text; {@code getfattr -n user.ysh.meta <file>} shows it),
 * set on the temporary file before the rename: data and metadata replace the old ones in one
 * atomic step. Where the file system has no user extended attributes (probed when the driver is
 * built), or for metadata too large for one (over 3 KiB), they live in a sidecar file
 * {@code .ysh-meta/<name>} next to the object, renamed into place just before the data. Reads
 * look for the attribute first, then the sidecar, so roots written by earlier versions (always
 * sidecars) read unchanged. Names starting with {@code .ysh} are reserved: keys with such a
 * segment are refused.
 *
 * <p><strong>Integrity.</strong> The driver stores the CRC32C the portable layer computes while
 * streaming and downloads are verified against it; it asks for no MD5 ({@link #checksumPlan()} is
 * {@link ChecksumPlan#CRC32C_ONLY}: an MD5 costs ~100 times a CRC32C), so {@link WriteResult#md5()} and
 * {@link ObjectInfo#md5()} are {@code null} except for objects written by earlier versions that
 * stored one. The ETag is the CRC32C and the size ({@code <crc32c>-<size hex>}), or that old MD5:
 * a rewrite with the same bytes keeps its ETag, as on S3.
 *
 * <p><strong>Fast paths.</strong> Uploads of local files are copied by the portable layer straight
 * into the driver's temporary file ({@link ChannelWrites}), and downloads to local files straight
 * from the object's file ({@link FileRegion}), through a direct buffer or inside the kernel.
 *
 * <p><strong>Limits, honestly.</strong> A key cannot be both an object and a "directory" of
 * other objects ({@code a} and {@code a/b}): such a write fails with {@code ALREADY_EXISTS}.
 * Each segment must fit the file system's name limit (255 bytes on most). Conditional writes
 * are atomic among the writers of one JVM only. Listing walks the directory tree under the
 * prefix's directory for each page. No signed URLs. Thread-safe.
 */
public final class FsStorageDriver implements StorageDriver, ChannelWrites {

  private static final String META_DIR = ".ysh-meta";
  /** The user extended attribute (user.ysh.meta) that holds an object's metadata. */
  private static final String META_ATTRIBUTE = "ysh.meta";
  /**
   * The largest metadata kept in the attribute: ext4 keeps all of a file's extended attributes
   * in one 4 KiB block, so larger metadata goes to a sidecar.
   */
  private static final int MAX_ATTRIBUTE_BYTES = 3072;
  /** How often a read starts over when writers keep replacing the object under it. */
  private static final int MAX_READ_ATTEMPTS = 10;
  private static final String TMP_PREFIX = ".ysh-tmp-";
  private static final String RESERVED = ".ysh";
  /** Copy buffer: large enough that a read or write costs one system call per 256 KiB. */
  private static final int COPY_BUFFER = 256 * 1024;

  private final Path root;
  private final Path realRoot;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
  /** Whether writes keep metadata in an extended attribute (the file system takes them). */
  private final boolean attributes;

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
    this.attributes = b.attributes && probeAttributes(realRoot);
  }

  /**
   * Whether files under the root take user extended attributes: sets one on a temporary file.
   * False on file systems without them (tmpfs before Linux 6.6, some NFS mounts) and on a root
   * this process cannot write to (where no write would succeed anyway).
   */
  private static boolean probeAttributes(Path dir) {
    Path probe = dir.resolve(TMP_PREFIX + "probe-" + UUID.randomUUID());
    try {
      Files.createFile(probe);
      return writeAttribute(probe, new byte[] {'#'});
    } catch (IOException | RuntimeException e) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException e) {
        // a leftover .ysh-tmp- file is never listed
      }
    }
  }

  /** Sets the metadata attribute; false when the file system refuses it (unsupported, or full). */
  private static boolean writeAttribute(Path file, byte[] value) {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return false;
    }
    try {
      view.write(META_ATTRIBUTE, ByteBuffer.wrap(value));
      return true;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** The metadata attribute of a file, or null when it has none (or attributes are unsupported). */
  private static byte[] readAttribute(Path file) {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (view == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(MAX_ATTRIBUTE_BYTES);
    try {
      view.read(META_ATTRIBUTE, buffer);
    } catch (IOException | UnsupportedOperationException e) {
      return null; // no such attribute: an object written with a sidecar
    }
    byte[] value = new byte[buffer.flip().remaining()];
    buffer.get(value);
    return value;
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
  public Set<StorageCapability> capabilities() {
    return EnumSet.of(StorageCapability.SERVER_SIDE_COPY, StorageCapability.IF_NONE_MATCH, StorageCapability.IF_MATCH,
        StorageCapability.RANGE_READ);
  }

  /** CRC32C only: integrity rests on the CRC32C this driver stores and verifies. */
  @Override
  public ChecksumPlan checksumPlan() {
    return ChecksumPlan.CRC32C_ONLY;
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

  /**
   * Refuses a directory chain that leads outside the root through a symbolic link. The root
   * itself was resolved when the driver was built: objects directly under it need no check.
   */
  private void checkParent(Path p) throws IOException {
    Path parent = p.getParent();
    if (parent.equals(root)) {
      return;
    }
    Path real;
    try {
      real = parent.toRealPath();
    } catch (FileSystemException e) {
      if (!Files.exists(parent, LinkOption.NOFOLLOW_LINKS)) {
        return; // not there (yet), or under a file: a write creates it or conflicts, a read finds nothing
      }
      throw e; // a dangling link
    }
    if (!real.startsWith(realRoot)) {
      throw YshException.of(ErrorCode.PERMISSION_DENIED, "the key's directory leads outside the storage root");
    }
  }

  private static Path metaPath(Path p) {
    return p.getParent().resolve(META_DIR).resolve(p.getFileName().toString());
  }

  private Path existingFile(String key) throws IOException {
    Path p = path(key);
    checkParent(p);
    attributes(key, p);
    return p;
  }

  /** The attributes of an object's file (one {@code lstat}); NOT_FOUND unless a regular file. */
  private static BasicFileAttributes attributes(String key, Path p) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (FileSystemException e) {
      if (e instanceof AccessDeniedException) {
        throw e;
      }
      throw new NoSuchFileException(key); // missing, or under a file ("not a directory")
    }
    if (!attrs.isRegularFile()) {
      throw new NoSuchFileException(key);
    }
    return attrs;
  }

  private Object lock(String key) {
    return locks.computeIfAbsent(key, k -> new Object());
  }

  // ------------------------------------------------------------ reads

  @Override
  public ObjectInfo stat(String key) throws IOException {
    Path p = path(key);
    checkParent(p);
    for (int attempt = 1; ; attempt++) {
      BasicFileAttributes before = attributes(key, p);
      ObjectInfo info = info(key, p, before);
      if (sameVersion(before, attributes(key, p))) {
        return info;
      }
      checkAttempts(key, attempt);
    }
  }

  /**
   * Whether two looks at an object's file saw the same version of it. Writers always rename a
   * new file into place, so the same file (device and inode), size and modification time before
   * and after reading the metadata mean the metadata and the bytes belong together.
   */
  private static boolean sameVersion(BasicFileAttributes before, BasicFileAttributes after) {
    return Objects.equals(before.fileKey(), after.fileKey()) && before.size() == after.size()
        && before.lastModifiedTime().equals(after.lastModifiedTime());
  }

  /** Gives up on an object that writers keep replacing while it is read. */
  private static void checkAttempts(String key, int attempt) {
    if (attempt >= MAX_READ_ATTEMPTS) {
      throw YshException.builder(ErrorCode.UNAVAILABLE)
          .detail("the object was replaced " + attempt + " times while being read; try again").resource(key).build();
    }
  }

  private ObjectInfo info(String key, Path p) throws IOException {
    return info(key, p, Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
  }

  private ObjectInfo info(String key, Path p, BasicFileAttributes attrs) throws IOException {
    Properties meta = readMeta(p);
    Map<String, String> user = new LinkedHashMap<>();
    for (String name : meta.stringPropertyNames()) {
      if (name.startsWith("meta.")) {
        user.put(name.substring(5), meta.getProperty(name));
      }
    }
    String md5 = meta.getProperty("md5");
    String crc32c = meta.getProperty("crc32c");
    String etag = etag(md5, crc32c, attrs.size());
    if (etag == null) {
      etag = Long.toHexString(attrs.lastModifiedTime().toMillis()) + "-" + attrs.size();
    }
    return new ObjectInfo(key, attrs.size(), etag,
        meta.getProperty("contentType", WriteOptions.DEFAULT_CONTENT_TYPE), meta.getProperty("cacheControl"),
        attrs.lastModifiedTime().toInstant(), user, md5, crc32c);
  }

  /**
   * The ETag of content with these checksums: the MD5 that earlier versions stored, else the
   * CRC32C and the size; null when neither checksum is known.
   */
  private static String etag(String md5, String crc32c, long size) {
    if (md5 != null) {
      return md5;
    }
    return crc32c == null ? null : crc32c + "-" + Long.toHexString(size);
  }

  private static Properties readMeta(Path p) throws IOException {
    byte[] attribute = readAttribute(p);
    if (attribute != null) {
      return load(attribute);
    }
    Path m = metaPath(p);
    byte[] bytes;
    try {
      bytes = readNoFollow(m);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return new Properties();
    } catch (FileSystemException e) {
      if (Files.isSymbolicLink(m)) {
        return new Properties(); // never followed
      }
      throw e;
    }
    return load(bytes);
  }

  static Properties load(byte[] bytes) throws IOException {
    Properties props = new Properties();
    try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      props.load(r);
    }
    return props;
  }

  private static byte[] readNoFollow(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      return in.readAllBytes();
    }
  }

  @Override
  public DriverReader read(String key, ByteRange range) throws IOException {
    Path p = path(key);
    checkParent(p);
    for (int attempt = 1; ; attempt++) {
      BasicFileAttributes before = attributes(key, p);
      ObjectInfo info = info(key, p, before);
      FileChannel channel = FileChannel.open(p, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
      try {
        if (!sameVersion(before, attributes(key, p))) {
          channel.close(); // replaced meanwhile: the metadata may not be this file's
          checkAttempts(key, attempt);
          continue;
        }
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
  }

  // ------------------------------------------------------------ writes

  /** Copies the stream into a temporary file, then commits it with the portable layer's CRC32C. */
  @Override
  public WriteResult write(String key, InputStream data, long length, WriteOptions options, UploadDigests digests)
      throws IOException {
    FileWrite write = openChannelWrite(key, options);
    boolean committed = false;
    try {
      copy(data, length, write.channel);
      WriteResult r = write.commit(length, digests);
      committed = true;
      return r;
    } finally {
      if (!committed) {
        write.abort();
      }
    }
  }

  private static void copy(InputStream data, long length, FileChannel out) throws IOException {
    byte[] buf = new byte[(int) Math.min(COPY_BUFFER, Math.max(length, 1))];
    ByteBuffer wrapped = ByteBuffer.wrap(buf);
    long left = length;
    while (left > 0) {
      int n = data.read(buf, 0, (int) Math.min(buf.length, left));
      if (n < 0) {
        throw new IOException("the data ended " + left + " bytes early");
      }
      wrapped.clear().limit(n);
      while (wrapped.hasRemaining()) {
        out.write(wrapped);
      }
      left -= n;
    }
  }

  /** A temporary file next to the object, which a commit renames into place. */
  @Override
  public FileWrite openChannelWrite(String key, WriteOptions options) throws IOException {
    Path p = path(key);
    TempFile temp = createTemp(p);
    return new FileWrite(key, p, temp.path(), temp.channel(), options);
  }

  private record TempFile(Path path, FileChannel channel) {}

  /**
   * Creates and opens a temporary file next to the object: one {@code open} when the directory
   * exists, else creating the directories first.
   */
  private TempFile createTemp(Path p) throws IOException {
    Path parent = p.getParent();
    checkParent(p);
    try {
      Path temp = parent.resolve(TMP_PREFIX + UUID.randomUUID());
      return new TempFile(temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
    } catch (AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      // the directory is missing, or a file stands in its way: the slow path sorts it out
    }
    for (int attempt = 0; ; attempt++) {
      try {
        Files.createDirectories(parent);
        checkParent(p);
        Path temp = parent.resolve(TMP_PREFIX + UUID.randomUUID());
        return new TempFile(temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
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

  /**
   * Puts the metadata on the temporary file (else in a sidecar, renamed into place first) and
   * renames the data into place, under the key's lock: one rename, then the removal of a sidecar
   * an earlier version may have left; the current object is looked at only for a precondition.
   */
  private WriteResult commit(String key, Path p, Path temp, long size, String md5, String crc32c,
      WriteOptions options) throws IOException {
    byte[] meta = encodeMeta(md5, crc32c, options);
    boolean inAttribute = attributes && meta.length <= MAX_ATTRIBUTE_BYTES && writeAttribute(temp, meta);
    Path sidecarTemp = inAttribute ? null : writeSidecarTemp(p, meta);
    boolean moved = false;
    try {
      synchronized (lock(key)) {
        checkPreconditions(key, p, options);
        Path sidecar = metaPath(p);
        if (sidecarTemp != null) {
          Files.move(sidecarTemp, sidecar, StandardCopyOption.ATOMIC_MOVE);
        }
        moved = true;
        try {
          Files.move(temp, p, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
            if (sidecarTemp != null) {
              Files.deleteIfExists(sidecar); // a "directory" of other objects has no sidecar
            }
            throw conflict(p, new DirectoryNotEmptyException(key));
          }
          throw e;
        }
        if (sidecarTemp == null) {
          // the sidecar of an earlier version of this object; harmless meanwhile: the attribute wins
          Files.deleteIfExists(sidecar);
        }
      }
      return new WriteResult(key, size, etag(md5, crc32c, size), md5, crc32c);
    } finally {
      if (!moved && sidecarTemp != null) {
        Files.deleteIfExists(sidecarTemp);
      }
    }
  }

  private void checkPreconditions(String key, Path p, WriteOptions options) throws IOException {
    if (!options.isConditional()) {
      return;
    }
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
  }

  /**
   * The metadata as Java properties text, as short as possible: the usual object's (default
   * content type, no cache control, no user metadata) is one line, {@code crc32c=<hex>}, which
   * ext4 keeps inside the inode; a value that needs a block of its own costs ~100 µs more on
   * delete. No date comment, unlike {@link Properties#store}.
   */
  static byte[] encodeMeta(String md5, String crc32c, WriteOptions options) {
    StringBuilder text = new StringBuilder(64);
    property(text, "crc32c", crc32c);
    if (md5 != null) {
      property(text, "md5", md5);
    }
    if (!options.contentType().equals(WriteOptions.DEFAULT_CONTENT_TYPE)) {
      property(text, "contentType", options.contentType());
    }
    options.cacheControl().ifPresent(c -> property(text, "cacheControl", c));
    options.metadata().forEach((k, v) -> property(text, "meta." + k, v));
    return text.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * One {@code key=value} line that {@link Properties#load} reads back unchanged: backslashes,
   * a leading space and characters outside printable ASCII are escaped (keys are ASCII words).
   */
  static void property(StringBuilder text, String key, String value) {
    text.append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\') {
        text.append("\\\\");
      } else if (c == ' ' && i == 0) {
        text.append("\\ ");
      } else if (c < 0x20 || c > 0x7e) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    text.append('\n');
  }

  /** Writes a sidecar's content to a temporary file in the key's {@code .ysh-meta} directory. */
  private static Path writeSidecarTemp(Path p, byte[] meta) throws IOException {
    Path metaDir = p.getParent().resolve(META_DIR);
    Path temp = metaDir.resolve(TMP_PREFIX + UUID.randomUUID());
    try {
      Files.write(temp, meta, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      Files.createDirectories(metaDir);
      Files.write(temp, meta, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }
    return temp;
  }

  private static String unquote(String etag) {
    return etag.length() > 1 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
  }

  /**
   * A write in progress: a temporary file next to the object, renamed into place with its
   * metadata by {@link #commit}. Serves single writes ({@link ChannelWrites}) and multipart
   * uploads alike.
   */
  final class FileWrite implements ChannelWrite, DriverUpload {
    private final String key;
    private final Path path;
    private final Path temp;
    private final FileChannel channel;
    private final WriteOptions options;

    FileWrite(String key, Path path, Path temp, FileChannel channel, WriteOptions options) {
      this.key = key;
      this.path = path;
      this.temp = temp;
      this.channel = channel;
      this.options = options;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public FileChannel channel() {
      return channel;
    }

    /** Closes the file, puts the metadata on it and renames it into place; deletes it on failure. */
    @Override
    public WriteResult commit(long length, UploadDigests digests) throws IOException {
      boolean committed = false;
      try {
        channel.close();
        WriteResult r = FsStorageDriver.this.commit(key, path, temp, length, null, digests.crc32cHex(), options);
        committed = true;
        return r;
      } finally {
        if (!committed) {
          Files.deleteIfExists(temp);
        }
      }
    }

    @Override
    public void abort() {
      try {
        channel.close();
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // a leftover .ysh-tmp- file is never listed, and the next write of the key does not see it
      }
    }
  }

  @Override
  public DriverUpload startUpload(String key, WriteOptions options) throws IOException {
    return openChannelWrite(key, options);
  }

  @Override
  public UploadedPart uploadPart(DriverUpload upload, int partNumber, byte[] data, int length) throws IOException {
    FileWrite w = (FileWrite) upload;
    ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
    while (buf.hasRemaining()) {
      w.channel.write(buf);
    }
    return new UploadedPart(partNumber, null, null, length);
  }

  @Override
  public WriteResult completeUpload(DriverUpload upload, List<UploadedPart> parts, UploadDigests digests)
      throws IOException {
    FileWrite w = (FileWrite) upload;
    return w.commit(w.channel.position(), digests);
  }

  @Override
  public void abortUpload(DriverUpload upload) throws IOException {
    FileWrite w = (FileWrite) upload;
    w.channel.close();
    Files.deleteIfExists(w.temp);
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
    Path to = path(target);
    TempFile tempFile = createTemp(to);
    tempFile.channel().close();
    Path temp = tempFile.path();
    boolean committed = false;
    try {
      ObjectInfo info;
      for (int attempt = 1; ; attempt++) {
        BasicFileAttributes before = attributes(source, from);
        info = info(source, from, before);
        Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        if (sameVersion(before, attributes(source, from))) {
          break; // the bytes copied are the ones the metadata describes
        }
        checkAttempts(source, attempt);
      }
      WriteOptions.Builder options = WriteOptions.builder().contentType(info.contentType()).metadata(info.metadata());
      if (info.cacheControl() != null) {
        options.cacheControl(info.cacheControl());
      }
      String crc32c = info.crc32c();
      if (crc32c == null) {
        crc32c = crc32cOf(temp);
      }
      // an MD5 that an earlier version stored travels with the bytes (it is still their MD5)
      WriteResult r = commit(target, to, temp, Files.size(temp), info.md5(), crc32c, options.build());
      committed = true;
      return r;
    } finally {
      if (!committed) {
        Files.deleteIfExists(temp);
      }
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
  public <T> Optional<T> unwrap(Class<T> type) {
    return type == Path.class ? Optional.of(type.cast(root)) : Optional.empty();
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

  /** The CRC32C of a file, for copies of objects an earlier version stored without one. */
  private static String crc32cOf(Path file) throws IOException {
    CRC32C crc32c = new CRC32C();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[COPY_BUFFER];
      for (int n; (n = in.read(buf)) > 0; ) {
        crc32c.update(buf, 0, n);
      }
    }
    return HexFormat.of().toHexDigits((int) crc32c.getValue());
  }

  @Override
  public String toString() {
    return "FsStorageDriver[" + root + "]";
  }

  /**
   * The bytes of an open file from its current position, limited to a length; a {@link FileRegion}
   * the portable layer copies to another file without reading the stream.
   */
  private static final class FileObjectStream extends InputStream implements FileRegion {
    private final FileChannel channel;
    private final long position;
    private final InputStream in;
    private long left;

    FileObjectStream(FileChannel channel, long length) throws IOException {
      this.channel = channel;
      this.position = channel.position();
      this.in = Channels.newInputStream(channel);
      this.left = length;
    }

    @Override
    public FileChannel channel() {
      return channel;
    }

    @Override
    public long position() {
      return position;
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
    public void close() throws IOException {
      channel.close();
    }
  }

  /** Builds an {@link FsStorageDriver}. */
  public static final class Builder {
    private Path root;
    private boolean createRoot = true;
    private boolean attributes = true;

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
     * Whether to keep metadata in extended attributes where the file system has them (default
     * true); false always writes sidecars. For tests of the sidecar layout.
     *
     * @param use false to write sidecars only
     * @return this builder
     */
    Builder extendedAttributes(boolean use) {
      this.attributes = use;
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
