package io.ysh.core.http;

/** How much of each HTTP exchange the SDK logs (always redacted). */
public enum HttpLogLevel {
  /** Nothing. */
  NONE,
  /** Method, redacted URL, status and duration, at DEBUG. */
  BASIC,
  /** {@link #BASIC} plus redacted headers, at DEBUG. */
  HEADERS,
  /** {@link #HEADERS} plus redacted text bodies up to 4 KiB, at TRACE. */
  BODY
}
