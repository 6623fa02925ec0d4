package io.ysh.core;

import io.ysh.core.http.Redactor;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Stands in, in the cause chain of a {@link YshException}, for an exception whose message held a
 * credential or a personal number: same stack trace, the original class name, the message with
 * the {@link Redactor}'s masks applied. Its own cause is the original's cause, redacted the same
 * way.
 *
 * <p>The SDK creates these; code that catches a {@code YshException} sees one only where the
 * provider's message would have leaked a secret into a log.
 */
public final class RedactedCause extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int MAX_DEPTH = 32;

  /** The fully qualified class name of the exception this one stands for. */
  private final String originalClassName;

  private RedactedCause(Throwable original, String redactedMessage) {
    super(redactedMessage);
    this.originalClassName = original.getClass().getName();
    setStackTrace(original.getStackTrace());
  }

  /**
   * The class of the exception this one replaces, such as
   * {@code software.amazon.awssdk.services.s3.model.S3Exception}.
   *
   * @return the original exception's class name
   */
  public String originalClassName() {
    return originalClassName;
  }

  /** Formats as {@code <original class name> (redacted): <message>}. */
  @Override
  public String toString() {
    String m = getLocalizedMessage();
    return originalClassName + " (redacted)" + (m == null ? "" : ": " + m);
  }

  /**
   * Returns the chain unchanged when no message in it holds anything to mask; otherwise a copy in
   * which each link whose message changes under redaction (and every link above it, to keep the
   * chain linked) is a {@code RedactedCause}.
   */
  static Throwable redactChain(Throwable cause) {
    if (cause == null || cause instanceof YshException || !needsRedaction(cause)) {
      return cause;
    }
    return copy(cause, new IdentityHashMap<>(), 0);
  }

  private static boolean needsRedaction(Throwable t) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable c = t; c != null && seen.put(c, Boolean.TRUE) == null && seen.size() <= MAX_DEPTH; c = c.getCause()) {
      if (changes(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean changes(Throwable t) {
    String m = t.getMessage();
    return m != null && !Objects.equals(Redactor.defaults().redactText(m), m);
  }

  private static Throwable copy(Throwable t, Map<Throwable, Throwable> done, int depth) {
    if (t == null) {
      return null;
    }
    Throwable already = done.get(t);
    if (already != null) {
      return already;
    }
    if (depth >= MAX_DEPTH || !needsRedaction(t)) {
      return t;
    }
    String m = t.getMessage();
    RedactedCause r =
        new RedactedCause(t, m == null ? null : Redactor.defaults().redactText(m));
    done.put(t, r);
    Throwable next = t.getCause();
    if (next != null && next != t) {
      r.initCause(copy(next, done, depth + 1));
    }
    for (Throwable s : t.getSuppressed()) {
      r.addSuppressed(copy(s, done, depth + 1));
    }
    return r;
  }
}
