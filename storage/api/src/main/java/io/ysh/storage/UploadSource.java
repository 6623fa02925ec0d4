package io.ysh.storage;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the data of a write comes from; arrays and files can be read again for a retry. */
abstract class UploadSource {

  /**
   * A stream of the data from its start.
   *
   * @throws IOException when the data cannot be read (again)
   */
  abstract InputStream open() throws IOException;

  /** Whether {@link #open()} can be called again, so that a failed write may be retried. */
  abstract boolean reopenable();

  /** The whole data in the caller's array, not copied, or null when it is not in memory. */
  ByteBuffer array() {
    return null;
  }

  /** The local file that holds the data, or null. */
  Path file() {
    return null;
  }

  static UploadSource of(byte[] data) {
    return new UploadSource() {
      @Override
      InputStream open() {
        return new ByteArrayInputStream(data);
      }

      @Override
      boolean reopenable() {
        return true;
      }

      @Override
      ByteBuffer array() {
        return ByteBuffer.wrap(data);
      }
    };
  }

  static UploadSource of(Path file) {
    return new UploadSource() {
      @Override
      InputStream open() throws IOException {
        return Files.newInputStream(file);
      }

      @Override
      boolean reopenable() {
        return true;
      }

      @Override
      Path file() {
        return file;
      }
    };
  }

  static UploadSource of(InputStream stream) {
    return new UploadSource() {
      private boolean used;

      @Override
      InputStream open() throws IOException {
        if (used) {
          throw new IOException("the stream was already consumed by a failed attempt");
        }
        used = true;
        return new FilterInputStream(stream) {
          @Override
          public void close() {
            // the caller closes its stream
          }
        };
      }

      @Override
      boolean reopenable() {
        return false;
      }
    };
  }
}
