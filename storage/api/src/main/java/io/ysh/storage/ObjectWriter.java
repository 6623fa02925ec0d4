package io.ysh.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * An {@link OutputStream} that writes an object: the data is buffered one part at a time
 * (memory stays bounded by the part size whatever the object's size) and the object becomes
 * visible only when {@link #close()} succeeds.
 *
 * <p><strong>Commit or abort.</strong> {@link #close()} commits what was written. If the producer
 * fails, call {@link #abort()} instead (then {@code close()} does nothing): nothing is written and
 * no multipart upload is left behind. A write or commit failure (including a checksum mismatch)
 * aborts by itself. {@link ObjectStorage#write(String, WriteOptions, ObjectStorage.WriterBody)}
 * does the commit-or-abort for you. Not thread-safe.
 */
public abstract class ObjectWriter extends OutputStream {

  /** For {@link ObjectStorage} only. */
  ObjectWriter() {}

  /**
   * Discards everything written and aborts any multipart upload; the key is left as it was.
   * Idempotent; does nothing after a successful {@link #close()}.
   */
  public abstract void abort();

  /**
   * The result, once {@link #close()} has committed the object.
   *
   * @return the result, or empty before a successful close
   */
  public abstract Optional<WriteResult> result();

  /**
   * Commits the object.
   *
   * @throws IOException wrapping the portable {@link io.ysh.core.YshException} when the commit fails
   */
  @Override
  public abstract void close() throws IOException;
}
