package io.ysh.aneel;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream as UTF-8 until the first byte sequence that is not UTF-8; if nothing
 * but ASCII came before it, the whole stream is Latin-1 (read as windows-1252, its superset that
 * also has the en dash and curly quotes Brazilian files use) and decoding switches without loss,
 * since ASCII is the same in both. A malformed sequence after valid non-ASCII UTF-8 means mixed
 * encodings: a {@link CharacterCodingException} naming the byte offset. A UTF-8 byte-order mark
 * is skipped. Constant memory: a 64 KiB byte buffer and one decoded chunk.
 *
 * <p>The rule is "valid UTF-8 is UTF-8". Latin-1 text in which an accented capital or a lead
 * byte is immediately followed by a byte in 0x80–0xBF (a dash, "º", "°"…) can form a valid
 * UTF-8 sequence ("Ã–" reads as "Ö"): such a file is misread, or rejected as mixed encodings if a
 * malformed sequence follows. Real Portuguese text almost never has such pairs; pass the charset
 * when you know it.
 *
 * <p>Decodes chunk by chunk with the JDK's String decoders (much faster than a
 * {@link java.nio.charset.CharsetDecoder} loop), cutting each chunk after its last ASCII byte so
 * that no multi-byte sequence is split.
 */
final class DetectingReader extends Reader {

  /** windows-1252: Latin-1's printable superset. */
  static final Charset LATIN1 = Charset.forName("windows-1252");

  private final InputStream in;
  private final byte[] buf = new byte[64 * 1024];
  private int start;
  private int limit;
  private boolean eof;
  private boolean started;
  private Charset charset;
  private final boolean fixed;
  private boolean sawNonAscii;
  private long consumedBefore;
  private String chunk = "";
  private int chunkPos;

  DetectingReader(InputStream in, Charset forced) {
    this.in = in;
    this.fixed = forced != null;
    this.charset = forced == null ? StandardCharsets.UTF_8 : forced;
  }

  /** The charset in use so far: UTF-8 until the stream proves to be Latin-1. */
  Charset charset() {
    return charset;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (chunkPos >= chunk.length()) {
      if (!nextChunk()) {
        return -1;
      }
    }
    int n = Math.min(len, chunk.length() - chunkPos);
    chunk.getChars(chunkPos, chunkPos + n, cbuf, off);
    chunkPos += n;
    return n;
  }

  private boolean nextChunk() throws IOException {
    fill();
    if (start == limit) {
      return false;
    }
    int end = limit;
    if (!eof && !charset.equals(LATIN1)) {
      // cut after the last ASCII byte: never split a multi-byte sequence
      int i = limit - 1;
      while (i >= start && buf[i] < 0) {
        i--;
      }
      if (i >= start) {
        end = i + 1;
      }
    }
    String s = new String(buf, start, end - start, charset);
    if (!fixed && charset == StandardCharsets.UTF_8) {
      if (s.indexOf('\uFFFD') >= 0 && malformed(start, end)) {
        if (sawNonAscii || validNonAsciiFirst(start, end)) {
          long offset = consumedBefore;
          throw new CharacterCodingException() {
            private static final long serialVersionUID = 1L;

            @Override
            public String getMessage() {
              return "bytes after offset " + offset + " are not valid UTF-8 after earlier non-ASCII UTF-8 text (mixed encodings?)";
            }
          };
        }
        charset = LATIN1;
        s = new String(buf, start, end - start, LATIN1);
      } else if (s.length() != end - start) {
        sawNonAscii = true;
      }
    }
    consumedBefore += end - start;
    start = end;
    chunk = s;
    chunkPos = 0;
    return true;
  }

  private boolean malformed(int from, int to) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buf, from, to - from));
      return false;
    } catch (CharacterCodingException e) {
      return true;
    }
  }

  /** Whether the range's first non-ASCII byte starts a valid UTF-8 sequence (so a later malformed one means mixed encodings). */
  private boolean validNonAsciiFirst(int from, int to) {
    for (int i = from; i < to; i++) {
      int b = buf[i] & 0xFF;
      if (b < 0x80) {
        continue;
      }
      int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
      if (need < 0) {
        return false;
      }
      for (int k = 1; k <= need; k++) {
        if (i + k >= to || (buf[i + k] & 0xC0) != 0x80) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, limit - start);
      limit -= start;
      start = 0;
    }
    while (!eof && limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
        break;
      }
      limit += n;
      if (limit >= 16 * 1024) {
        break;
      }
    }
    if (!started && (limit >= 3 || eof)) {
      started = true;
      if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
        start = 3;
        consumedBefore = 0;
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
