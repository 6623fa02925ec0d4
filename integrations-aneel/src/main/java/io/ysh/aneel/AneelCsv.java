package io.ysh.aneel;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ProtocolException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams ANEEL's {@code ;}-separated CSV files row by row in constant memory, whatever the
 * publication's habits: UTF-8 or Latin-1 (detected, see below), every field quoted or none,
 * CRLF or LF, a UTF-8 byte-order mark or not, decimal comma.
 *
 * <p><b>Encoding.</b> Bytes are decoded as UTF-8 until the first sequence that is not UTF-8;
 * if only ASCII came before it the file is Latin-1 (decoded as windows-1252, its superset) and
 * nothing read so far changes. Valid UTF-8 is always read as UTF-8, so a Latin-1 file whose
 * accented capital is directly followed by a dash or "º" (bytes that happen to be valid UTF-8)
 * would be misread; real files do not look like that. Pass a charset to skip detection.
 *
 * <p><b>Quoting.</b> Fields that start with {@code "} are quoted (RFC 4180: {@code ""} inside is a
 * quote; {@code ;} and line breaks inside are data). Files written without quotes read the same;
 * a quote in the middle of an unquoted field is kept as text.
 *
 * <p><b>Failures</b> are {@link AneelException}s: {@code MISSING_COLUMN} before the first row
 * naming every missing column, {@code INVALID_VALUE} naming column, line and value,
 * {@code CORRUPT_CSV} for a row with the wrong number of fields or mixed encodings,
 * {@code TRUNCATED_DOWNLOAD} when the input ends early with an I/O error.
 *
 * <p>Close the returned streams (try-with-resources): that closes the input.
 */
public final class AneelCsv {

  private AneelCsv() {}

  /**
   * Streams the typed records of a file.
   *
   * @param <T> the record type
   * @param in the file's bytes; closed when the stream is closed
   * @param dataset the table, whose required columns are checked against the header first
   * @return a lazy, sequential stream of records
   * @throws AneelException see the class documentation (also while the stream is consumed)
   */
  public static <T> Stream<T> read(InputStream in, AneelDataset<T> dataset) {
    return read(in, null, dataset);
  }

  /**
   * Streams the typed records of a file in a known encoding.
   *
   * @param <T> the record type
   * @param in the file's bytes; closed when the stream is closed
   * @param charset the encoding, or null to detect UTF-8 versus Latin-1
   * @param dataset the table
   * @return a lazy, sequential stream of records
   * @throws AneelException see the class documentation
   */
  public static <T> Stream<T> read(InputStream in, Charset charset, AneelDataset<T> dataset) {
    Objects.requireNonNull(dataset, "dataset");
    return open(in, charset, dataset.name(), dataset::check, dataset::map);
  }

  /**
   * Streams the untyped rows of a file.
   *
   * @param in the file's bytes; closed when the stream is closed
   * @return a lazy, sequential stream of rows; each row is valid only during its step
   * @throws AneelException see the class documentation
   */
  public static Stream<Row> rows(InputStream in) {
    return open(in, null, "csv", h -> {}, Function.identity());
  }

  private static <T> Stream<T> open(
      InputStream in, Charset charset, String what, java.util.function.Consumer<Header> check, Function<Row, T> mapper) {
    Objects.requireNonNull(in, "in");
    InputStream buffered = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
    DetectingReader reader = new DetectingReader(buffered, charset);
    CsvReader<CsvRecord> csv =
        CsvReader.builder()
            .fieldSeparator(';')
            .quoteCharacter('"')
            .skipEmptyLines(true)
            .allowExtraCharsAfterClosingQuote(true)
            .ofCsvRecord(reader);
    CloseableIterator<CsvRecord> records = csv.iterator();
    Header header;
    try {
      if (!records.hasNext()) {
        throw AneelException.of(AneelException.Problem.MISSING_COLUMN, what + ": the file is empty (no header line)");
      }
      header = new Header(records.next().getFields());
      check.accept(header);
    } catch (RuntimeException e) {
      closeQuietly(csv);
      throw translate(what, e);
    }
    Iterator<T> it =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            try {
              return records.hasNext();
            } catch (RuntimeException e) {
              throw translate(what, e);
            }
          }

          @Override
          public T next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            CsvRecord r;
            try {
              r = records.next();
            } catch (RuntimeException e) {
              throw translate(what, e);
            }
            if (r.getFieldCount() != header.size()) {
              throw AneelException.of(
                  AneelException.Problem.CORRUPT_CSV,
                  what + ": line " + r.getStartingLineNumber() + " has " + r.getFieldCount()
                      + " fields, the header has " + header.size());
            }
            return mapper.apply(new Row(header, r.getFields(), r.getStartingLineNumber()));
          }
        };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(() -> closeQuietly(csv));
  }

  static RuntimeException translate(String what, RuntimeException e) {
    if (e instanceof YshException) {
      return e;
    }
    if (e instanceof CsvParseException) {
      Throwable cause = e.getCause();
      if (cause instanceof UncheckedIOException u) {
        return io(what, u.getCause());
      }
      if (cause instanceof IOException io) {
        return io(what, io);
      }
      return AneelException.of(AneelException.Problem.CORRUPT_CSV, what + ": " + e.getMessage(), e);
    }
    if (e instanceof UncheckedIOException u) {
      return io(what, u.getCause());
    }
    return e;
  }

  private static RuntimeException io(String what, IOException e) {
    if (e instanceof CharacterCodingException) {
      return AneelException.of(AneelException.Problem.CORRUPT_CSV, what + ": " + e.getMessage(), e);
    }
    if (isTruncation(e)) {
      return AneelException.of(
          AneelException.Problem.TRUNCATED_DOWNLOAD, what + ": the input ended early (" + e + ")", e);
    }
    return YshException.builder(ErrorCode.UNAVAILABLE).provider("aneel").detail(what + ": I/O failure: " + e).cause(e).build();
  }

  static boolean isTruncation(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException || t instanceof ProtocolException || t instanceof TruncatedException) {
        return true;
      }
      String m = t.getMessage();
      if (m != null && (m.contains("unexpected end of stream") || m.contains("closed") && t instanceof java.net.SocketException)) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(CsvReader<?> csv) {
    try {
      csv.close();
    } catch (IOException ignored) {
      // nothing useful to do
    }
  }

  /** Thrown by our own length-checking streams. */
  static final class TruncatedException extends IOException {
    private static final long serialVersionUID = 1L;

    TruncatedException(String message) {
      super(message);
    }
  }
}
