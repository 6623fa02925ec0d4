package io.ysh.storage.fs;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.ErrorMapper;
import io.ysh.storage.ByteRange;
import io.ysh.storage.ListEntry;
import io.ysh.storage.ListOptions;
import io.ysh.storage.ListPage;
import io.ysh.storage.ObjectInfo;
import io.ysh.storage.StorageCapability;
import io.ysh.storage.WriteOptions;
import io.ysh.storage.WriteResult;
import io.ysh.storage.spi.ChannelWrite;
import io.ysh.storage.spi.ChannelWrites;
import io.ysh.storage.spi.ChecksumPlan;
import io.ysh.storage.spi.DriverReader;
import io.ysh.storage.spi.DriverUpload;
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
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

/**
 * Stores objects as files under a root directory: key {@code a/b/c.pdf} is the file
 * {@code <root>/a/b/c.pdf}, so the tree can be read by other tools.
 *
 * <p><strong>Confinement, by construction.</strong> The driver opens its root once, when it is
 * built, and reaches every file from that open handle, one key segment at a time, through
 * {@link SecureDirectoryStream} relative operations that never follow a symbolic link
 * ({@code openat} with {@code O_NOFOLLOW}, {@code fstatat}, {@code renameat}, {@code unlinkat}):
 * no operation resolves a path through a directory an attacker could swap for a link. A symbolic
 * link at any segment of a key (a directory or the object itself, the {@code .ysh-meta} sidecar
 * directory or a sidecar) is refused with {@code PERMISSION_DENIED}, whether it points outside the
 * root or inside it, before the operation has any effect (nothing created, nothing replaced or
 * deleted); listings skip links. New files and directories are created in the root itself under a
 * reserved random name ({@code .ysh-tmp-*}) and then renamed into the open directory handle, so no
 * path with more than one segment is ever given to {@code open} or {@code mkdir}. Directory handles
 * are kept open between operations (at most 64) and used again only while a look through the
 * parent's handle ({@code fstatat}, which every walk takes anyway to refuse links) shows the very
 * directory (device and inode) the kept handle is open on under that name: the directory a fresh
 * {@code openat} would open. The one path-based
 * call left is the read of an object's extended attribute (the JDK has no {@code fgetxattr}): it
 * follows the look at the file through its directory handle, the path is then checked to lead to
 * that same file (device and inode), and a mismatch starts the read over. A directory swapped for a
 * link during the read and back before that check could still show another file's attribute, so
 * metadata is bound to its file: every
 * write records the data file's identity ({@code file=<device hex>:<inode>}, from the temporary file
 * before its rename, which keeps it), and reads accept metadata only when it records the identity of
 * the file seen through the directory handle, or came through handles and records none (earlier
 * versions), or its checksum matches the file's bytes read through a handle (a file restored from a
 * backup, an attribute of an earlier version); anything else is read again, then refused with
 * {@code INTERNAL}, never returned (the module's README states the residual cases). Key segments
 * are limited to 255 UTF-8 bytes ({@code INVALID_ARGUMENT} before anything is written); keys that
 * differ only by Unicode normalization (NFC, NFD) are distinct objects (file names are bytes). Needs
 * {@link SecureDirectoryStream} (Linux): on other platforms {@link Builder#build()} fails with
 * {@code UNSUPPORTED}.
 *
 * <p><strong>Layout.</strong> Writes go to a temporary file ({@code .ysh-tmp-*} in the root) that
 * is atomically renamed into place, so readers never see a partial object. Content type, cache
 * control, user metadata and the CRC32C live in the extended attribute {@code user.ysh.meta} of
 * the object's file (Java properties text; {@code getfattr -n user.ysh.meta <file>} shows it),
 * set on the temporary file before the rename: data and metadata replace the old ones in one
 * atomic step. Where the file system has no user extended attributes (probed when the driver is
 * built), or for metadata too large for one (over 3 KiB), they live in a sidecar file
 * {@code .ysh-meta/<name>} next to the object, renamed into place just before the data (a reader
 * between the two renames finds a sidecar that does not record the old file's identity and starts
 * over; under a writer that never stops it may give up rather than pair them). Reads look for
 * the attribute first, then the sidecar, so roots written by earlier versions (always sidecars)
 * read unchanged. Names starting with {@code .ysh} are reserved: keys with such a
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
 * Conditional writes are atomic among the writers of one JVM only. The whole root must be one file
 * system (a mount point under it makes writes below it fail: files are renamed from the root).
 * Listing walks the directory tree under the prefix's directory for each page. No signed URLs.
 * Thread-safe.
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
  /**
   * The metadata property that binds metadata to its data file: {@code <device hex>:<inode>} of
   * the file it was written for (what {@code stat -c '%D:%i'} prints).
   */
  static final String IDENTITY = "file";
  /** How often a read starts over when writers keep replacing the object under it. */
  private static final int MAX_READ_ATTEMPTS = 10;
  /** How often a write walks again when concurrent deletes remove its directories under it. */
  private static final int MAX_WRITE_ATTEMPTS = 8;
  /** The longest key segment, in UTF-8 bytes: the name limit of Linux file systems. */
  static final int MAX_SEGMENT_BYTES = 255;
  private static final String TMP_PREFIX = ".ysh-tmp-";
  private static final String RESERVED = ".ysh";
  /**
   * The most directory handles kept open between operations (each holds two file descriptors);
   * beyond it, a handle is closed once no operation uses it.
   */
  private static final int MAX_CACHED_DIRECTORIES = 64;
  /** Copy buffer: large enough that a read or write costs one system call per 256 KiB. */
  private static final int COPY_BUFFER = 256 * 1024;
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
  private static final Set<OpenOption> READ = Set.of(StandardOpenOption.READ, NOFOLLOW);
  private static final Set<OpenOption> CREATE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);

  private final Path root;
  private final Path realRoot;
  /** The root, open for the driver's lifetime: every file is reached from this handle. */
  private final SecureDirectoryStream<Path> rootDir;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
  /**
   * Directory handles kept open between operations, by their path under the root ({@code a/b}):
   * a walk uses one only when {@code fstatat} through the parent's handle (the look every walk
   * takes to refuse links) shows the same directory (device and inode) under that name, which is
   * then the directory a fresh {@code openat} would open. See {@link #walk}.
   */
  private final ConcurrentMap<String, DirHandle> dirCache = new ConcurrentHashMap<>();
  /** Unique, unpredictable part of this driver's temporary names; a counter makes each name unique. */
  private final String tempPrefix = TMP_PREFIX + UUID.randomUUID() + "-";
  private final AtomicLong tempCounter = new AtomicLong();
  /** Serialises the creation of directories within this JVM (see {@link #ensureDirectory}). */
  private final Object directoryLock = new Object();
  /** Whether writes keep metadata in an extended attribute (the file system takes them). */
  private final boolean attributes;

  private FsStorageDriver(Builder b) {
    Path r = b.root.toAbsolutePath().normalize();
    SecureDirectoryStream<Path> dir;
    try {
      if (!Files.isDirectory(r)) {
        if (!b.createRoot) {
          throw YshException.invalidArgument("the storage root " + r + " is not a directory (create=false)");
        }
        Files.createDirectories(r);
      }
      this.realRoot = r.toRealPath();
      DirectoryStream<Path> stream = Files.newDirectoryStream(realRoot);
      if (!(stream instanceof SecureDirectoryStream<Path> secure)) {
        stream.close();
        throw YshException.of(ErrorCode.UNSUPPORTED, "the fs driver needs java.nio.file.SecureDirectoryStream"
            + " (openat and friends, as on Linux) to stay inside its root; this platform has none");
      }
      dir = secure;
    } catch (IOException e) {
      throw YshException.builder(ErrorCode.INVALID_ARGUMENT)
          .detail("cannot use " + r + " as the storage root: " + e.getMessage()).cause(e).build();
    }
    this.root = r;
    this.rootDir = dir;
    this.attributes = probe(b.attributes);
  }

  /**
   * Checks that relative opens give file channels (for the fast paths) and whether files under the
   * root take user extended attributes: creates a temporary file and sets one on it. No attributes
   * on file systems without them (tmpfs before Linux 6.6, some NFS mounts) and on a root this
   * process cannot write to (where no write would succeed anyway).
   */
  private boolean probe(boolean useAttributes) {
    String name = TMP_PREFIX + "probe-" + UUID.randomUUID();
    try (SeekableByteChannel channel = rootDir.newByteChannel(rel(name), CREATE)) {
      if (!(channel instanceof FileChannel)) {
        closeQuietly();
        throw YshException.of(ErrorCode.UNSUPPORTED, "the fs driver needs file channels from SecureDirectoryStream");
      }
      return useAttributes && writeAttribute(realRoot.resolve(name), new byte[] {'#'});
    } catch (IOException | RuntimeException e) {
      if (e instanceof YshException y) {
        throw y;
      }
      return false;
    } finally {
      try {
        rootDir.deleteFile(rel(name));
      } catch (IOException e) {
        // not created, or a leftover .ysh-tmp- file, which is never listed
      }
    }
  }

  private void closeQuietly() {
    try {
      rootDir.close();
    } catch (IOException e) {
      // closing a directory handle does not fail in practice
    }
  }

  /** Sets the metadata attribute; false when the file system refuses it (unsupported, or full). */
  private static boolean writeAttribute(Path file, byte[] value) {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class, NOFOLLOW);
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

  /**
   * The metadata attribute of a file, or null when it has none (or attributes are unsupported);
   * {@link NoSuchFileException} when the path leads to no file (a directory on the way swapped
   * away meanwhile): the caller starts over rather than read the object as one without metadata.
   */
  private static byte[] readAttribute(Path file) throws NoSuchFileException {
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(file, UserDefinedFileAttributeView.class, NOFOLLOW);
    if (view == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(MAX_ATTRIBUTE_BYTES);
    try {
      view.read(META_ATTRIBUTE, buffer);
    } catch (NoSuchFileException e) {
      throw e;
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

  /**
   * Maps file-system exceptions by type only (never by their text, which depends on the locale):
   * long segments and links never reach the file system, they are refused before.
   */
  static YshException mapError(Throwable t) {
    if (t instanceof NoSuchFileException || t instanceof NotDirectoryException) {
      return YshException.builder(ErrorCode.NOT_FOUND).detail("no object under this key").cause(t).build();
    }
    if (t instanceof AccessDeniedException) {
      return YshException.builder(ErrorCode.PERMISSION_DENIED).detail("access denied by the file system").cause(t).build();
    }
    return Errors.classify(t);
  }

  // ------------------------------------------------------------ walking from the root handle

  private Path rel(String name) {
    return realRoot.getFileSystem().getPath(name);
  }

  /**
   * The segments of a key, checked: valid key, no reserved name, each at most 255 UTF-8 bytes.
   */
  static String[] segments(String key) {
    StorageKeys.validate(key);
    String[] segments = key.split("/");
    for (String segment : segments) {
      if (segment.startsWith(RESERVED)) {
        throw YshException.invalidArgument(
            "the fs driver reserves names starting with '.ysh'; key segment '" + segment + "' cannot be stored");
      }
      int bytes = segment.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_SEGMENT_BYTES) {
        throw YshException.invalidArgument("a key segment is " + bytes + " UTF-8 bytes long; the fs driver's limit"
            + " (the file system's name limit) is " + MAX_SEGMENT_BYTES);
      }
    }
    return segments;
  }

  private static YshException linkRefused(String where) {
    return YshException.of(ErrorCode.PERMISSION_DENIED, "the fs driver found a symbolic link at " + where
        + " and refuses it: it never follows links, not even to places inside its root");
  }

  /** The attributes of a name in an open directory, without following a link; null when missing. */
  private static BasicFileAttributes statAt(SecureDirectoryStream<Path> dir, Path name) throws IOException {
    try {
      return dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    }
  }

  /**
   * An open directory handle that walks share: closed when the last of its users (walks, and the
   * cache while it keeps the handle) lets go, so that evicting it never closes it under a walk.
   */
  private static final class DirHandle {
    final SecureDirectoryStream<Path> dir;
    /** The identity (device, inode) of the directory this handle is open on, from {@code fstat}. */
    final Object fileKey;
    private int users = 1;

    DirHandle(SecureDirectoryStream<Path> dir, Object fileKey) {
      this.dir = dir;
      this.fileKey = fileKey;
    }

    /** Takes one more use; false when the handle is already closed. */
    synchronized boolean retain() {
      if (users == 0) {
        return false;
      }
      users++;
      return true;
    }

    /** Gives one use back; the last closes the handle. */
    void release() {
      boolean close;
      synchronized (this) {
        close = --users == 0;
      }
      if (close) {
        try {
          dir.close();
        } catch (IOException e) {
          // closing a directory handle does not fail in practice
        }
      }
    }
  }

  /** Open directory handles from the root to a key's parent; gives back all but the root on close. */
  private final class Walk implements AutoCloseable {
    final String key;
    final String[] segments;
    /** dirs.get(i) is the directory that holds segments[i]; dirs.get(0) is the root. */
    final List<SecureDirectoryStream<Path>> dirs;
    /** handles[i - 1] holds dirs.get(i). */
    private final DirHandle[] handles;
    /** Whether a directory handle came from the cache (which a concurrent removal may have left stale). */
    boolean cached;

    Walk(String key, String[] segments) {
      this.key = key;
      this.segments = segments;
      this.dirs = new ArrayList<>(segments.length);
      this.handles = new DirHandle[segments.length - 1];
      dirs.add(rootDir);
    }

    void add(DirHandle handle) {
      handles[dirs.size() - 1] = handle;
      dirs.add(handle.dir);
    }

    SecureDirectoryStream<Path> parent() {
      return dirs.get(dirs.size() - 1);
    }

    String name() {
      return segments[segments.length - 1];
    }

    Path namePath() {
      return rel(name());
    }

    /** The object's path as text under the real root (for the attribute read and for messages). */
    Path textPath() {
      return realRoot.resolve(String.join(realRoot.getFileSystem().getSeparator(), segments));
    }

    @Override
    public void close() {
      for (int i = dirs.size() - 1; i > 0; i--) {
        handles[i - 1].release();
        handles[i - 1] = null;
      }
      dirs.subList(1, dirs.size()).clear();
    }
  }

  /**
   * Opens the directories of a key from the root handle. With {@code create}, missing directories
   * are created; without, a missing directory (or a file where a directory should be) throws
   * {@link NoSuchFileException}. A link at any directory segment is refused.
   *
   * <p>Each segment is looked at through its parent's handle ({@code fstatat}, never following a
   * link), as before any open. With {@code useCache}, a handle kept open from an earlier walk is used
   * instead of a new {@code openat} when it is open on the very directory that look shows (same device
   * and inode): a directory has one parent and one name, so that handle is the directory now at that
   * name under the parent's handle, the one a fresh {@code openat} would open; a directory renamed
   * away (out of the root, or aside for a link) shows another identity, or a link, and is opened
   * afresh or refused. The one way a kept handle can differ from a fresh one is a directory removed
   * and replaced by a new one that reuses its inode number: the kept handle is then of a removed,
   * empty directory, where every look finds nothing and nothing can be created, so an operation that
   * finds nothing through a kept handle forgets the key's kept handles and walks again
   * ({@link #forgetCached}). Without {@code useCache} every directory is opened afresh (and kept).
   */
  private Walk walk(String key, String[] segments, boolean create, boolean useCache) throws IOException {
    Walk w = new Walk(key, segments);
    boolean done = false;
    try {
      StringBuilder path = new StringBuilder();
      for (int i = 0; i < segments.length - 1; i++) {
        if (i > 0) {
          path.append('/');
        }
        path.append(segments[i]);
        w.add(openDirectory(w, path.toString(), segments[i], create, useCache));
      }
      done = true;
      return w;
    } catch (NoSuchFileException e) {
      if (!w.cached || live(w)) {
        throw e;
      }
    } finally {
      if (!done) {
        w.close();
      }
    }
    forgetCached(segments); // a kept handle was of a removed directory: walk again on fresh handles
    return walk(key, segments, create, false);
  }

  /**
   * Whether every directory handle of a walk is still open on the directory at its name (found
   * nothing through them: a true absence, not a removed directory's handle). A handle of a removed
   * directory whose inode number a new directory reuses shows the removed inode's own times
   * ({@code fstat}) where the name shows the new one's.
   */
  private boolean live(Walk w) {
    for (int i = 1; i < w.dirs.size(); i++) {
      try {
        BasicFileAttributes held = w.dirs.get(i).getFileAttributeView(BasicFileAttributeView.class).readAttributes();
        BasicFileAttributes named = statAt(w.dirs.get(i - 1), rel(w.segments[i - 1]));
        if (named == null || !sameVersion(held, named) || !held.creationTime().equals(named.creationTime())) {
          return false;
        }
      } catch (IOException | RuntimeException e) {
        return false;
      }
    }
    return true;
  }

  /** Something done on a walk. */
  @FunctionalInterface
  private interface WalkOperation<T> {
    T apply(Walk w) throws IOException;
  }

  /**
   * Runs an operation that reads (or deletes) on a walk with kept handles; when it finds nothing
   * through a kept handle that is no longer open on the directory at its name ({@link #live}), runs
   * it once more on fresh handles.
   */
  private <T> T walking(String key, String[] segments, WalkOperation<T> operation) throws IOException {
    try (Walk w = walk(key, segments, false, true)) {
      try {
        return operation.apply(w);
      } catch (NoSuchFileException e) {
        if (!w.cached || live(w)) {
          throw e;
        }
      }
    }
    forgetCached(segments);
    try (Walk w = walk(key, segments, false, false)) {
      return operation.apply(w);
    }
  }

  /**
   * Opens one directory under the walk's last one, never through a link; creates it when asked.
   * Returns a handle the walk owns one use of.
   */
  private DirHandle openDirectory(Walk w, String path, String name, boolean create, boolean useCache)
      throws IOException {
    SecureDirectoryStream<Path> parent = w.parent();
    String key = w.key;
    Path p = rel(name);
    for (int attempt = 1; ; attempt++) {
      BasicFileAttributes a = statAt(parent, p);
      if (a == null) {
        if (!create) {
          throw new NoSuchFileException(key);
        }
        ensureDirectory(parent, name, key);
        continue;
      }
      if (a.isSymbolicLink()) {
        throw linkRefused("segment '" + name + "' of key '" + key + "'");
      }
      if (!a.isDirectory()) {
        if (create) {
          throw conflict(new NotDirectoryException(key));
        }
        throw new NoSuchFileException(key); // under a file, or a special file: no object there
      }
      if (useCache) {
        DirHandle kept = dirCache.get(path);
        if (kept != null && kept.fileKey.equals(a.fileKey()) && kept.retain()) {
          w.cached = true;
          return kept;
        }
      }
      SecureDirectoryStream<Path> opened;
      try {
        opened = parent.newDirectoryStream(p, NOFOLLOW);
      } catch (NoSuchFileException e) {
        opened = null; // removed (by a delete pruning empty directories) since the look: look again
      } catch (FileSystemException e) {
        opened = null; // replaced by a link or a file since the look (O_NOFOLLOW refused it): look again
      }
      if (opened != null) {
        return keep(path, opened);
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) {
        throw new NoSuchFileException(key);
      }
    }
  }

  /** Opens (creating it when missing) the {@code .ysh-meta} directory next to the key's file; never kept. */
  private SecureDirectoryStream<Path> openSidecarDirectory(Walk w, String key) throws IOException {
    SecureDirectoryStream<Path> parent = w.parent();
    Path p = rel(META_DIR);
    for (int attempt = 1; ; attempt++) {
      BasicFileAttributes a = statAt(parent, p);
      if (a == null) {
        ensureDirectory(parent, META_DIR, key);
        continue;
      }
      if (a.isSymbolicLink()) {
        throw linkRefused("segment '" + META_DIR + "' of key '" + key + "'");
      }
      if (!a.isDirectory()) {
        throw conflict(new NotDirectoryException(key));
      }
      try {
        return parent.newDirectoryStream(p, NOFOLLOW);
      } catch (NoSuchFileException e) {
        // removed since the look: look again
      } catch (FileSystemException e) {
        // replaced by a link or a file since the look (O_NOFOLLOW refused it): look again
      }
      if (attempt >= MAX_WRITE_ATTEMPTS) {
        throw new NoSuchFileException(key);
      }
    }
  }

  /**
   * Wraps a directory just opened, keeping it for later walks under its identity, read from the
   * open handle itself ({@code fstat}: what was opened, whatever the look before the open saw).
   */
  private DirHandle keep(String path, SecureDirectoryStream<Path> opened) throws IOException {
    Object fileKey;
    try {
      fileKey = opened.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
    } catch (IOException | RuntimeException e) {
      opened.close();
      throw e;
    }
    DirHandle handle = new DirHandle(opened, fileKey);
    if (fileKey != null && handle.retain()) {
      DirHandle old = dirCache.put(path, handle);
      if (old != null) {
        old.release();
      }
      if (dirCache.size() > MAX_CACHED_DIRECTORIES) {
        for (Map.Entry<String, DirHandle> e : dirCache.entrySet()) {
          if (!e.getKey().equals(path) && dirCache.remove(e.getKey(), e.getValue())) {
            e.getValue().release();
            break;
          }
        }
      }
    }
    return handle;
  }

  /**
   * Drops the kept handles of a key's directories (after an operation found nothing through one,
   * which may be of a directory removed since); true when there were any.
   */
  private boolean forgetCached(String[] segments) {
    boolean any = false;
    StringBuilder path = new StringBuilder();
    for (int i = 0; i < segments.length - 1; i++) {
      if (i > 0) {
        path.append('/');
      }
      path.append(segments[i]);
      DirHandle kept = dirCache.remove(path.toString());
      if (kept != null) {
        kept.release();
        any = true;
      }
    }
    return any;
  }

  /** Drops the kept handle of one directory (removed by this driver). */
  private void forgetCached(String path) {
    DirHandle kept = dirCache.remove(path);
    if (kept != null) {
      kept.release();
    }
  }

  /**
   * Creates a directory under an open one without {@code mkdir} of a path through it: the JDK has
   * no {@code mkdirat}, so the directory is made in the root (a path of one segment under the real
   * root, which only the owner of the root's parent can change) under a random reserved name and
   * renamed into the open directory ({@code renameat}). Returns when the name is there (made here
   * or by someone else); the caller looks at it again.
   */
  private void ensureDirectory(SecureDirectoryStream<Path> parent, String name, String key) throws IOException {
    String temp = TMP_PREFIX + "dir-" + UUID.randomUUID();
    Files.createDirectory(realRoot.resolve(temp));
    try {
      synchronized (directoryLock) {
        if (statAt(parent, rel(name)) == null) {
          rootDir.move(rel(temp), parent, rel(name));
          return;
        }
      }
    } catch (NoSuchFileException e) {
      throw e; // the parent directory was removed meanwhile: the caller walks again
    } catch (IOException e) {
      // made by another process since the look: the caller looks at it again
    }
    try {
      rootDir.deleteDirectory(rel(temp));
    } catch (IOException e) {
      // a leftover .ysh-tmp- directory is never listed
    }
  }

  private Object lock(String key) {
    return locks.computeIfAbsent(key, k -> new Object());
  }

  /**
   * The attributes of the object's file (one {@code fstatat}); NOT_FOUND unless a regular file,
   * PERMISSION_DENIED for a link.
   */
  private static BasicFileAttributes fileAttributes(Walk w) throws IOException {
    BasicFileAttributes attrs;
    try {
      attrs = statAt(w.parent(), w.namePath());
    } catch (AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      throw new NoSuchFileException(w.key);
    }
    if (attrs == null) {
      throw new NoSuchFileException(w.key);
    }
    if (attrs.isSymbolicLink()) {
      throw linkRefused("key '" + w.key + "'");
    }
    if (!attrs.isRegularFile()) {
      throw new NoSuchFileException(w.key);
    }
    return attrs;
  }

  /** Opens the object's file for reading through its directory handle, never through a link. */
  private static FileChannel openRead(Walk w) throws IOException {
    return (FileChannel) w.parent().newByteChannel(w.namePath(), READ);
  }

  // ------------------------------------------------------------ reads

  @Override
  public ObjectInfo stat(String key) throws IOException {
    return walking(key, segments(key), this::stat);
  }

  private ObjectInfo stat(Walk w) throws IOException {
    Attempts attempts = new Attempts(w.key);
    while (true) {
      BasicFileAttributes before = fileAttributes(w);
      ObjectInfo info = info(w, before, attempts);
      if (info != null) {
        if (sameVersion(before, fileAttributes(w))) {
          return info;
        }
        attempts.changed();
      }
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

  /**
   * Counts the attempts of one read and gives up after {@link #MAX_READ_ATTEMPTS}: with
   * {@code UNAVAILABLE} when writers kept replacing the object, with {@code INTERNAL} (as a
   * checksum mismatch) when the object's file and its metadata stayed the same and the metadata
   * kept being another file's. Waits longer before each attempt after the second (~14 ms in all),
   * so that a writer between its two renames (sidecar, then data: on ext4 the data's rename over the old file starts
   * its writeback and can take milliseconds) can finish.
   */
  private static final class Attempts {
    private final String key;
    private int count;
    private Object file;
    private String metadata;
    private boolean replaced;

    Attempts(String key) {
      this.key = key;
    }

    /** Notes the identity of the object's file in this attempt. */
    void look(BasicFileAttributes attrs) {
      if (file == null) {
        file = attrs.fileKey();
      } else if (!file.equals(attrs.fileKey())) {
        replaced = true;
      }
    }

    /** The object's file changed under the read: start over, or give up. */
    void changed() {
      replaced = true;
      next();
    }

    /** The metadata found (recording this identity) belongs to another file: start over, or refuse it. */
    void foreign(String recorded) {
      if (metadata != null && !metadata.equals(String.valueOf(recorded))) {
        replaced = true; // the metadata changed between attempts: a writer at work, not a foreign file
      }
      metadata = String.valueOf(recorded);
      if (count + 1 >= MAX_READ_ATTEMPTS && !replaced) {
        throw YshException.builder(ErrorCode.INTERNAL)
            .detail("the metadata found for the object " + (count + 1) + " times was recorded for another file"
                + " and its checksum does not match the object's bytes; refused rather than returned")
            .resource(key).build();
      }
      next();
    }

    private void next() {
      if (++count >= MAX_READ_ATTEMPTS) {
        throw YshException.builder(ErrorCode.UNAVAILABLE)
            .detail("the object was replaced " + count + " times while being read; try again").resource(key).build();
      }
      if (count > 1) {
        LockSupport.parkNanos(count * count * 50_000L); // 0.2 ms, then up to 4 ms: ~14 ms over all attempts
      }
    }
  }

  /**
   * The object's attributes, with metadata that is the file's own; null when the read must start
   * over (the caller's {@link Attempts} has counted it). Metadata is the file's own when it records
   * the identity (device, inode) of the file seen through the directory handle, or, when it came
   * through handles only (a sidecar, or no metadata at all), records no identity (earlier versions).
   * Any other metadata (recorded for another file, or an attribute read by path that records no
   * identity) is accepted only if its checksum matches the bytes read through a handle: a file
   * restored from a backup, copied with its attributes, or written by an earlier version.
   */
  private ObjectInfo info(Walk w, BasicFileAttributes attrs, Attempts attempts) throws IOException {
    attempts.look(attrs);
    Meta found = readMeta(w, attrs);
    if (found == null) {
      attempts.changed();
      return null;
    }
    ObjectInfo info = info(w, attrs, found.props());
    String recorded = found.props().getProperty(IDENTITY);
    if (recorded == null ? found.throughHandles() : recorded.equals(identity(attrs))) {
      return info;
    }
    Boolean matches = checksumMatches(w, attrs, info);
    if (matches == null) {
      attempts.changed();
      return null;
    }
    if (!matches) {
      attempts.foreign(recorded);
      return null;
    }
    return info;
  }

  /**
   * Whether the bytes of the object's file, read through the directory handle, have the checksum
   * the metadata states (its CRC32C, else the MD5 of earlier versions; none: false); null when the
   * file changed between the look and the open.
   */
  private static Boolean checksumMatches(Walk w, BasicFileAttributes attrs, ObjectInfo info) throws IOException {
    if (info.crc32c() == null && info.md5() == null) {
      return false;
    }
    try (FileChannel channel = openChannel(w)) {
      if (!sameVersion(attrs, fileAttributes(w))) {
        return null;
      }
      CRC32C crc32c = new CRC32C();
      MessageDigest md5 = info.crc32c() == null ? md5() : null;
      ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
      for (long position = 0; ; ) {
        int n = channel.read(buf.clear(), position);
        if (n < 0) {
          break;
        }
        position += n;
        buf.flip();
        if (md5 == null) {
          crc32c.update(buf);
        } else {
          md5.update(buf);
        }
      }
      return md5 == null
          ? HexFormat.of().toHexDigits((int) crc32c.getValue()).equalsIgnoreCase(info.crc32c())
          : HexFormat.of().formatHex(md5.digest()).equalsIgnoreCase(info.md5());
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  /**
   * A file's identity as the metadata records it: {@code <device hex>:<inode>}, from the JDK's
   * file key ({@code (dev=<hex>,ino=<decimal>)} on Linux); the key's text as is when it reads
   * otherwise; null when the platform has no file keys (then metadata records no identity).
   */
  static String identity(BasicFileAttributes attrs) {
    Object key = attrs.fileKey();
    if (key == null) {
      return null;
    }
    String text = key.toString();
    int dev = text.indexOf("(dev=");
    int ino = text.indexOf(",ino=");
    if (dev == 0 && ino > 5 && text.endsWith(")")) {
      return text.substring(5, ino) + ":" + text.substring(ino + 5, text.length() - 1);
    }
    return text;
  }

  /** Metadata as found: by path (the attribute), or through handles only (a sidecar, or none). */
  private record Meta(Properties props, boolean throughHandles) {}

  /** The object's attributes with this metadata. */
  private static ObjectInfo info(Walk w, BasicFileAttributes attrs, Properties meta) {
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
    return new ObjectInfo(w.key, attrs.size(), etag,
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

  /** Whether the path (resolved by the kernel, as the attribute read will) leads to this file. */
  private static boolean pathLeadsTo(Path path, BasicFileAttributes file) {
    try {
      return Objects.equals(Files.readAttributes(path, BasicFileAttributes.class, NOFOLLOW).fileKey(), file.fileKey());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The object's metadata: its attribute, else its sidecar, else none; null when the file's path no
   * longer leads to the file seen through the handle (replaced, or a link swapped in on the way).
   * The attribute is read by path (the JDK has no {@code fgetxattr}), right after the look at the
   * file through its directory handle, and then the path is checked to lead to that file; a
   * directory swapped for a link during the read and back before the check can still make it
   * another file's attribute, which {@link #info(Walk, BasicFileAttributes, Attempts)} then refuses
   * by its identity and checksum. (No check before the read: it would only narrow a window the
   * identity binding covers, and an attribute read through a link still in place is caught after.)
   * The sidecar is read through the handle.
   */
  private Meta readMeta(Walk w, BasicFileAttributes attrs) throws IOException {
    Path text = w.textPath();
    byte[] attribute;
    try {
      attribute = readAttribute(text);
    } catch (NoSuchFileException e) {
      return null;
    }
    if (!pathLeadsTo(text, attrs)) {
      return null;
    }
    if (attribute != null) {
      return new Meta(load(attribute), false);
    }
    byte[] bytes = readSidecar(w);
    return new Meta(bytes == null ? new Properties() : load(bytes), true);
  }

  /** The sidecar's bytes, read through the directory handle; null when there is none. */
  private byte[] readSidecar(Walk w) throws IOException {
    SecureDirectoryStream<Path> parent = w.parent();
    Path metaDir = rel(META_DIR);
    BasicFileAttributes dirAttrs = statAt(parent, metaDir);
    if (dirAttrs == null) {
      return null;
    }
    if (dirAttrs.isSymbolicLink()) {
      throw linkRefused("the sidecar directory of key '" + w.key + "'");
    }
    if (!dirAttrs.isDirectory()) {
      return null;
    }
    try (SecureDirectoryStream<Path> meta = parent.newDirectoryStream(metaDir, NOFOLLOW)) {
      BasicFileAttributes a = statAt(meta, w.namePath());
      if (a == null) {
        return null;
      }
      if (a.isSymbolicLink()) {
        throw linkRefused("the sidecar of key '" + w.key + "'");
      }
      if (!a.isRegularFile()) {
        return null;
      }
      try (InputStream in = Channels.newInputStream(meta.newByteChannel(w.namePath(), READ))) {
        return in.readAllBytes();
      }
    } catch (NoSuchFileException e) {
      return null;
    } catch (FileSystemException e) {
      if (e instanceof AccessDeniedException) {
        throw e;
      }
      throw linkRefused("the sidecar of key '" + w.key + "' (replaced while being opened)");
    }
  }

  /** Metadata text as {@link Properties#load(Reader)} reads it (UTF-8). */
  static Properties load(byte[] bytes) throws IOException {
    Properties props = new Properties();
    if (loadPlain(bytes, props)) {
      return props;
    }
    props.clear();
    try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
      props.load(r);
    }
    return props;
  }

  /**
   * Reads metadata text when every line is {@code key=value} that {@link Properties#load(Reader)}
   * would take as is (the usual metadata, as {@link #property} writes it): keys of letters, digits,
   * dots, dashes and underscores; values of printable ASCII without a backslash and not starting with
   * white space; lines ended by LF. False for anything else (escapes, comments, other separators,
   * blank lines, CR), which the caller then reads with {@link Properties} itself.
   */
  static boolean loadPlain(byte[] b, Properties props) {
    int n = b.length;
    int i = 0;
    while (i < n) {
      int keyStart = i;
      while (i < n && isPlainKeyChar(b[i])) {
        i++;
      }
      if (i == keyStart || i >= n || b[i] != '=') {
        return false;
      }
      int keyEnd = i++;
      int valueStart = i;
      if (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\f')) {
        return false;
      }
      while (i < n && b[i] != '\n') {
        if (b[i] < 0x20 || b[i] > 0x7e || b[i] == '\\') {
          return false;
        }
        i++;
      }
      props.setProperty(new String(b, keyStart, keyEnd - keyStart, StandardCharsets.ISO_8859_1),
          new String(b, valueStart, i - valueStart, StandardCharsets.ISO_8859_1));
      i++;
    }
    return true;
  }

  private static boolean isPlainKeyChar(byte c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
        || c == '_';
  }

  @Override
  public DriverReader read(String key, ByteRange range) throws IOException {
    return walking(key, segments(key), w -> read(w, range));
  }

  private DriverReader read(Walk w, ByteRange range) throws IOException {
    Attempts attempts = new Attempts(w.key);
    while (true) {
      BasicFileAttributes before = fileAttributes(w);
      ObjectInfo info = info(w, before, attempts);
      if (info == null) {
        continue;
      }
      FileChannel channel = openChannel(w);
      try {
        if (!sameVersion(before, fileAttributes(w))) {
          channel.close(); // replaced meanwhile: the metadata may not be this file's
          attempts.changed();
          continue;
        }
        // the size seen before and after the open (same file, size and time): writers never change
        // a file in place, they rename a new one over it
        long size = before.size();
        long[] r = range == null ? new long[] {0, size} : range.resolve(size);
        if (r[0] != 0) {
          channel.position(r[0]); // a new channel starts at 0
        }
        long length = r[1] - r[0];
        InputStream in = new FileObjectStream(channel, r[0], length);
        return new DriverReader(in, info, length);
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    }
  }

  /** Opens the object's file; a link swapped in since the look is refused, a removal is NOT_FOUND. */
  private static FileChannel openChannel(Walk w) throws IOException {
    try {
      return openRead(w);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw e;
    } catch (FileSystemException e) {
      BasicFileAttributes a = statAt(w.parent(), w.namePath());
      if (a != null && a.isSymbolicLink()) {
        throw linkRefused("key '" + w.key + "'");
      }
      throw e;
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

  /**
   * A temporary file in the root, which a commit renames into place. Nothing under the root is
   * touched before the commit: the key is checked first (segments, reserved names).
   */
  @Override
  public FileWrite openChannelWrite(String key, WriteOptions options) throws IOException {
    String[] segments = segments(key);
    TempFile temp = createTemp();
    return new FileWrite(key, segments, temp.name(), temp.channel(), options);
  }

  private record TempFile(String name, FileChannel channel) {}

  /** Creates and opens a temporary file in the root (one {@code openat} with {@code O_EXCL}). */
  private TempFile createTemp() throws IOException {
    String name = tempPrefix + Long.toHexString(tempCounter.incrementAndGet());
    return new TempFile(name, (FileChannel) rootDir.newByteChannel(rel(name), CREATE));
  }

  private void deleteTemp(String name) {
    try {
      rootDir.deleteFile(rel(name));
    } catch (IOException e) {
      // a leftover .ysh-tmp- file is never listed, and the next write of the key does not see it
    }
  }

  private static YshException conflict(Exception e) {
    return YshException.builder(ErrorCode.ALREADY_EXISTS)
        .detail("the fs driver cannot store this key: a key that is a prefix of it is an object, or it is a"
            + " 'directory' of other objects (a file cannot also be a directory)")
        .cause(e).build();
  }

  /**
   * Puts the metadata on the temporary file (else in a sidecar, renamed into place first) and
   * renames the data into place through the directory handle, under the key's lock: one rename,
   * then the removal of a sidecar an earlier version may have left; the current object is looked at
   * only for a precondition. The temporary file is consumed (renamed or deleted) either way.
   */
  private WriteResult commit(String key, String[] segments, String temp, long size, String md5, String crc32c,
      WriteOptions options) throws IOException {
    boolean consumed = false;
    String sidecarTemp = null;
    try {
      // the temporary file's identity is the object's: a rename keeps the device and the inode
      BasicFileAttributes tempAttrs = statAt(rootDir, rel(temp));
      byte[] meta = encodeMeta(md5, crc32c, options, tempAttrs == null ? null : identity(tempAttrs));
      boolean inAttribute = attributes && meta.length <= MAX_ATTRIBUTE_BYTES
          && writeAttribute(realRoot.resolve(temp), meta);
      sidecarTemp = inAttribute ? null : writeSidecarTemp(meta);
      for (int attempt = 1; ; attempt++) {
        // a precondition is checked on fresh handles: a kept handle of a removed directory would
        // show no current object (see walk)
        try (Walk w = walk(key, segments, true, !options.isConditional())) {
          synchronized (lock(key)) {
            BasicFileAttributes current = statAt(w.parent(), w.namePath());
            if (current != null && current.isSymbolicLink()) {
              throw linkRefused("key '" + key + "'");
            }
            if (current != null && current.isDirectory()) {
              throw conflict(new FileSystemException(key));
            }
            checkPreconditions(w, current, options);
            boolean sidecars;
            if (sidecarTemp != null) {
              try (SecureDirectoryStream<Path> metaDir = openSidecarDirectory(w, key)) {
                rootDir.move(rel(sidecarTemp), metaDir, w.namePath());
              }
              sidecarTemp = null;
              sidecars = false;
            } else {
              sidecars = checkSidecarDirectory(w);
            }
            rootDir.move(rel(temp), w.parent(), w.namePath());
            consumed = true;
            if (sidecars) {
              deleteOldSidecar(w);
            }
          }
          return new WriteResult(key, size, etag(md5, crc32c, size), md5, crc32c);
        } catch (NoSuchFileException e) {
          if (attempt >= MAX_WRITE_ATTEMPTS) {
            throw e; // concurrent deletes kept removing the directories
          }
          forgetCached(segments); // walk again on fresh handles
        }
      }
    } finally {
      if (!consumed) {
        deleteTemp(temp);
      }
      if (sidecarTemp != null) {
        deleteTemp(sidecarTemp);
      }
    }
  }

  /**
   * Refuses a {@code .ysh-meta} that is a link before anything is replaced next to it; returns
   * whether it is a directory, which may hold a sidecar of an earlier version of the object to
   * remove afterwards ({@link #deleteOldSidecar}). One {@code fstatat}: where there is no
   * {@code .ysh-meta} (the usual case with attributes) there is no sidecar to remove.
   */
  private boolean checkSidecarDirectory(Walk w) throws IOException {
    BasicFileAttributes a = statAt(w.parent(), rel(META_DIR));
    if (a != null && a.isSymbolicLink()) {
      throw linkRefused("the sidecar directory of key '" + w.key + "'");
    }
    return a != null && a.isDirectory();
  }

  /**
   * Removes the sidecar of an earlier version of the object (the attribute wins meanwhile) from the
   * {@code .ysh-meta} directory {@link #checkSidecarDirectory} found; opened without following a
   * link, so one swapped in since is left alone.
   */
  private void deleteOldSidecar(Walk w) throws IOException {
    try (SecureDirectoryStream<Path> meta = w.parent().newDirectoryStream(rel(META_DIR), NOFOLLOW)) {
      meta.deleteFile(w.namePath()); // unlinkat: removes a link itself, never its target
    } catch (NoSuchFileException e) {
      // no sidecar: the usual case
    } catch (FileSystemException e) {
      // replaced by a link meanwhile: left alone
    }
  }

  private void checkPreconditions(Walk w, BasicFileAttributes current, WriteOptions options) throws IOException {
    if (!options.isConditional()) {
      return;
    }
    boolean exists = current != null && current.isRegularFile();
    if (options.ifNoneMatchAny() && exists) {
      throw YshException.of(ErrorCode.PRECONDITION_FAILED, "the key exists (if-none-match: *)");
    }
    if (options.ifMatch().isPresent()) {
      String etag = null;
      if (exists) {
        ObjectInfo info = info(w, current, new Attempts(w.key));
        if (info == null) {
          throw YshException.of(ErrorCode.PRECONDITION_FAILED, "the object changed while its ETag was read (if-match)");
        }
        etag = info.etag();
      }
      if (!unquote(options.ifMatch().get()).equals(etag)) {
        throw YshException.of(ErrorCode.PRECONDITION_FAILED, "the object's ETag does not match (if-match)");
      }
    }
  }

  /**
   * The metadata as Java properties text, as short as possible: the usual object's (default
   * content type, no cache control, no user metadata) is two lines, {@code crc32c=<hex>} and
   * {@code file=<device hex>:<inode>} (the data file's identity, null to record none), which
   * ext4 keeps inside the inode; a value that needs a block of its own costs ~100 µs more on
   * delete. No date comment, unlike {@link Properties#store}.
   */
  static byte[] encodeMeta(String md5, String crc32c, WriteOptions options, String identity) {
    StringBuilder text = new StringBuilder(64);
    property(text, "crc32c", crc32c);
    if (identity != null) {
      property(text, IDENTITY, identity);
    }
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

  /** Writes a sidecar's content to a temporary file in the root; returns its name. */
  private String writeSidecarTemp(byte[] meta) throws IOException {
    TempFile temp = createTemp();
    boolean written = false;
    try (FileChannel channel = temp.channel()) {
      ByteBuffer buf = ByteBuffer.wrap(meta);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      written = true;
    } finally {
      if (!written) {
        deleteTemp(temp.name());
      }
    }
    return temp.name();
  }

  private static String unquote(String etag) {
    return etag.length() > 1 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
  }

  /**
   * A write in progress: a temporary file in the root, renamed into place with its metadata by
   * {@link #commit}. Serves single writes ({@link ChannelWrites}) and multipart uploads alike.
   */
  final class FileWrite implements ChannelWrite, DriverUpload {
    private final String key;
    private final String[] segments;
    private final String temp;
    private final FileChannel channel;
    private final WriteOptions options;

    FileWrite(String key, String[] segments, String temp, FileChannel channel, WriteOptions options) {
      this.key = key;
      this.segments = segments;
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
      try {
        channel.close();
      } catch (IOException e) {
        deleteTemp(temp);
        throw e;
      }
      return FsStorageDriver.this.commit(key, segments, temp, length, null, digests.crc32cHex(), options);
    }

    @Override
    public void abort() {
      try {
        channel.close();
      } catch (IOException e) {
        // deleted below all the same
      }
      deleteTemp(temp);
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
  public void abortUpload(DriverUpload upload) {
    ((FileWrite) upload).abort();
  }

  // ------------------------------------------------------------ delete, copy

  /**
   * Deletes through the directory handle ({@code unlinkat}). A link as the object, as a directory
   * on the way or as its sidecar directory is refused before anything is removed.
   */
  @Override
  public void delete(String key) throws IOException {
    try {
      walking(key, segments(key), this::delete);
    } catch (NoSuchFileException e) {
      // no such object, or no such directory: nothing to delete
    }
  }

  /** Deletes the key's file; {@link NoSuchFileException} when there is none. */
  private Void delete(Walk w) throws IOException {
    synchronized (lock(w.key)) {
      BasicFileAttributes a = statAt(w.parent(), w.namePath());
      if (a == null) {
        throw new NoSuchFileException(w.key);
      }
      if (a.isDirectory()) {
        return null; // a "directory" of other objects, which is not an object: nothing to delete
      }
      if (a.isSymbolicLink()) {
        throw linkRefused("key '" + w.key + "'");
      }
      boolean sidecars = checkSidecarDirectory(w);
      w.parent().deleteFile(w.namePath());
      if (sidecars) {
        deleteOldSidecar(w);
      }
    }
    pruneEmptyDirectories(w);
    return null;
  }

  /** Removes the key's directories that are left empty, deepest first, through their parents' handles. */
  private void pruneEmptyDirectories(Walk w) {
    for (int i = w.dirs.size() - 1; i > 0; i--) {
      try {
        try {
          w.dirs.get(i).deleteDirectory(rel(META_DIR));
        } catch (NoSuchFileException e) {
          // no sidecars here
        }
        w.dirs.get(i - 1).deleteDirectory(rel(w.segments[i - 1])); // unlinkat(AT_REMOVEDIR): never a link
      } catch (IOException e) {
        return; // not empty (or already gone, or replaced): stop
      }
      forgetCached(String.join("/", java.util.Arrays.asList(w.segments).subList(0, i)));
    }
  }

  @Override
  public WriteResult copy(String source, String target) throws IOException {
    String[] targetSegments = segments(target);
    TempFile temp;
    ObjectInfo info;
    try (Walk w = walk(source, segments(source), false, false)) {
      Attempts attempts = new Attempts(source);
      while (true) {
        BasicFileAttributes before = fileAttributes(w);
        info = info(w, before, attempts);
        if (info == null) {
          continue;
        }
        temp = createTemp();
        boolean copied = false;
        try (FileChannel in = openChannel(w); FileChannel out = temp.channel()) {
          long size = in.size();
          for (long done = 0; done < size; ) {
            long n = in.transferTo(done, size - done, out);
            if (n <= 0) {
              break;
            }
            done += n;
          }
          copied = sameVersion(before, fileAttributes(w)); // the bytes copied are the ones the metadata describes
        } finally {
          if (!copied) {
            deleteTemp(temp.name());
          }
        }
        if (copied) {
          break;
        }
        attempts.changed();
      }
    }
    WriteOptions.Builder options = WriteOptions.builder().contentType(info.contentType()).metadata(info.metadata());
    if (info.cacheControl() != null) {
      options.cacheControl(info.cacheControl());
    }
    String crc32c = info.crc32c();
    if (crc32c == null) {
      try {
        crc32c = crc32cOf(temp.name());
      } catch (IOException | RuntimeException e) {
        deleteTemp(temp.name());
        throw e;
      }
    }
    // an MD5 that an earlier version stored travels with the bytes (it is still their MD5)
    return commit(target, targetSegments, temp.name(), info.size(), info.md5(), crc32c, options.build());
  }

  // ------------------------------------------------------------ list

  /**
   * Walks the tree under the prefix's directory through directory handles. A link on the way to
   * that directory is refused; links inside the tree are skipped (never listed, never followed).
   */
  @Override
  public ListPage list(ListOptions options, String pageToken) throws IOException {
    String prefix = options.prefix();
    int slash = prefix.lastIndexOf('/');
    TreeMap<String, BasicFileAttributes> found = new TreeMap<>(StorageKeys.UTF8_ORDER);
    if (slash > 0) {
      String dir = prefix.substring(0, slash);
      String[] segments;
      try {
        StorageKeys.validate(dir);
        segments = (dir + "/x").split("/");
        for (int i = 0; i < segments.length - 1; i++) {
          if (segments[i].startsWith(RESERVED) || segments[i].getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            return new ListPage(List.of(), null);
          }
        }
      } catch (YshException e) {
        return new ListPage(List.of(), null); // no valid key can start with this prefix
      }
      try (Walk w = walk(dir + "/x", segments, false, false)) {
        try (SecureDirectoryStream<Path> start = w.parent().newDirectoryStream(rel("."), NOFOLLOW)) {
          collect(start, dir + "/", prefix, found);
        }
      } catch (NoSuchFileException e) {
        // no such directory: nothing listed
      }
    } else {
      try (SecureDirectoryStream<Path> start = rootDir.newDirectoryStream(rel("."), NOFOLLOW)) {
        collect(start, "", prefix, found);
      }
    }
    return SortedListing.page(found, options, pageToken,
        (k, a) -> ListEntry.object(k, a.size(), null, a.lastModifiedTime().toInstant()));
  }

  /** Adds the regular files under an open directory whose keys start with the prefix. */
  private void collect(SecureDirectoryStream<Path> dir, String base, String prefix,
      Map<String, BasicFileAttributes> found) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path entry : dir) {
      names.add(entry.getFileName().toString());
    }
    for (String name : names) {
      if (name.startsWith(RESERVED)) {
        continue;
      }
      String key = base + name;
      if (!key.startsWith(prefix) && !prefix.startsWith(key + "/")) {
        continue;
      }
      BasicFileAttributes a;
      try {
        a = statAt(dir, rel(name));
      } catch (IOException e) {
        continue; // vanished or unreadable: not listed
      }
      if (a == null || a.isSymbolicLink()) {
        continue; // links are never listed nor followed
      }
      if (a.isRegularFile() && key.startsWith(prefix)) {
        found.put(key, a);
      } else if (a.isDirectory()) {
        SecureDirectoryStream<Path> child;
        try {
          child = dir.newDirectoryStream(rel(name), NOFOLLOW);
        } catch (IOException e) {
          continue; // removed, or replaced by a link since the look: not followed
        }
        try (child) {
          collect(child, key + "/", prefix, found);
        }
      }
    }
  }

  // ------------------------------------------------------------ rest

  @Override
  public <T> Optional<T> unwrap(Class<T> type) {
    return type == Path.class ? Optional.of(type.cast(root)) : Optional.empty();
  }

  /** Closes the root's directory handle and the kept ones; the driver cannot be used afterwards. */
  @Override
  public void close() {
    closeQuietly();
    for (String path : dirCache.keySet()) {
      forgetCached(path);
    }
  }

  /**
   * The file that holds an object, for tools that need the path (tests, backups). The driver itself
   * never opens a file by this path: a link planted on it would lead elsewhere.
   *
   * @param key the key
   * @return the path under the root (which may not exist)
   */
  public Path pathOf(String key) {
    return realRoot.resolve(String.join(realRoot.getFileSystem().getSeparator(), segments(key)));
  }

  /** The CRC32C of a temporary file, for copies of objects an earlier version stored without one. */
  private String crc32cOf(String temp) throws IOException {
    CRC32C crc32c = new CRC32C();
    try (InputStream in = Channels.newInputStream(rootDir.newByteChannel(rel(temp), READ))) {
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

    FileObjectStream(FileChannel channel, long position, long length) {
      this.channel = channel;
      this.position = position;
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
