package io.ysh.secrets.vault;

import java.util.List;

/**
 * A non-success answer from Vault: the HTTP status and Vault's {@code errors} messages (which
 * never contain secret values). Internal; mapped to a portable error by {@link VaultErrors}.
 */
final class VaultHttpException extends Exception {

  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;
  /** Vault's error messages. */
  private final List<String> errors;

  VaultHttpException(int status, List<String> errors) {
    super("Vault answered HTTP " + status + (errors.isEmpty() ? "" : ": " + String.join("; ", errors)));
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  int status() {
    return status;
  }

  List<String> errors() {
    return errors;
  }
}
