package io.ysh.storage.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A tree outside a driver's root that an attack would read or change: files named like the keys
 * the tests use, holding a marker that must never come back from the driver, some carrying the
 * driver's metadata attribute, and a {@code .ysh-meta} directory. {@link #snapshot()} hashes every
 * file and lists every entry, so a test can compare before and after byte for byte.
 */
final class Sentinel {

  /** What every outside file contains (and so what no read may return). */
  static final String MARKER = "OUTSIDE-SENTINEL";
  /** The content type in the outside files' metadata attributes (no stat may return it). */
  static final String LEAK_TYPE = "leak/outside";
  /** The user metadata {@code origin} of the outside files (no read may return it). */
  static final String LEAK_ORIGIN = "outside";

  private final Path dir;

  Sentinel(Path dir) throws IOException {
    this.dir = Files.createDirectories(dir);
    for (String name : List.of("x", "y", "a/x", "a/b/x", "b/x", "b/y", "c/x", ".ysh-meta/x", ".ysh-meta/y",
        "a/.ysh-meta/x", "secret-file")) {
      Path f = dir.resolve(name);
      Files.createDirectories(f.getParent());
      if (!Files.isDirectory(f)) {
        // also readable as a sidecar: the same content type and user metadata as the attributes
        Files.writeString(f,
            MARKER + " " + name + "\ncontentType=" + LEAK_TYPE + "\nmeta.origin=" + LEAK_ORIGIN + "\n");
        UserDefinedFileAttributeView view = Files.getFileAttributeView(f, UserDefinedFileAttributeView.class);
        // half as earlier versions wrote them (no identity), half as this version does (the outside
        // file's own identity, as if a driver with its root out there had written it)
        String identity = name.contains("b") ? "" : "file=" + FsStorageDriver.identity(
            Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)) + "\n";
        try {
          view.write("ysh.meta", ByteBuffer.wrap(("crc32c=00000000\n" + identity + "contentType=" + LEAK_TYPE
              + "\nmeta.origin=" + LEAK_ORIGIN + "\n").getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException | UnsupportedOperationException e) {
          // a file system without user attributes: the bytes are the sentinel
        }
      }
    }
  }

  Path dir() {
    return dir;
  }

  Path file() {
    return dir.resolve("secret-file");
  }

  /** Every entry (type, size, SHA-256 of files, link targets) by relative path. */
  Map<String, String> snapshot() throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what;
        if (a.isSymbolicLink()) {
          what = "link " + Files.readSymbolicLink(p);
        } else if (a.isDirectory()) {
          what = "dir";
        } else {
          what = "file " + a.size() + " " + sha256(Files.readAllBytes(p)) + " " + a.lastModifiedTime();
        }
        all.put(dir.relativize(p).toString(), what);
      }
    }
    return all;
  }

  void assertUnchanged(Map<String, String> before) throws IOException {
    assertThat(snapshot()).as("the tree outside the root").isEqualTo(before);
  }

  static boolean leaks(byte[] bytes) {
    return bytes != null && new String(bytes, StandardCharsets.ISO_8859_1).contains(MARKER);
  }

  private static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
