package io.ysh.storage;

import io.ysh.core.Errors;
import io.ysh.core.YshException;
import io.ysh.core.spi.Invoker;

/** How the portable layer reports failures that happen outside a provider call. */
final class Failures {

  private Failures() {}

  /**
   * The portable exception behind an I/O failure of a stream or writer: the one it carries when it
   * carries one (already mapped), else the failure mapped for this operation.
   */
  static YshException unwrapIo(Invoker invoker, String operation, String key, Throwable e) {
    if (e instanceof YshException y) {
      return invoker.map(operation, key, y);
    }
    if (e.getCause() instanceof YshException y) {
      return y;
    }
    return invoker.map(operation, key, e);
  }

  /** Reading the caller's data failed: classified, never retried, naming that nothing was written. */
  static YshException source(String provider, String key, Throwable e) {
    YshException classified = Errors.classify(e);
    return YshException.builder(classified.code())
        .detail("reading the data to upload failed (nothing was written): " + e)
        .operation("storage.put").provider(provider).resource(key).retryable(false).cause(e).build();
  }

  /** The caller's data ended before the length it announced. */
  static YshException shortSource(long read, long announced) {
    return YshException.invalidArgument("the stream ended after " + read + " of the " + announced + " bytes announced");
  }
}
