package io.ysh.secrets.env;

import io.ysh.core.ErrorCode;
import io.ysh.core.Errors;
import io.ysh.core.YshException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** Maps file-system failures by their type (never their text, which depends on the locale); messages name the file, never its content. */
final class FileErrors {

  private FileErrors() {}

  static YshException map(Throwable t) {
    if (t instanceof AccessDeniedException) {
      return YshException.builder(ErrorCode.PERMISSION_DENIED).detail("the secret file is not readable by this process").cause(t).build();
    }
    if (t instanceof NoSuchFileException || t instanceof NotDirectoryException) {
      return YshException.builder(ErrorCode.NOT_FOUND).detail("no such secret file").cause(t).build();
    }
    return Errors.classify(t);
  }
}
