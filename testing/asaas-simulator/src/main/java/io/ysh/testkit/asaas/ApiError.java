package io.ysh.testkit.asaas;

/** An Asaas error answer: a status and one {@code {code, description}} item. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  ApiError(int status, String code, String description) {
    super(description, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError bad(String code, String description) {
    return new ApiError(400, code, description);
  }

  static ApiError notFound(String what) {
    return new ApiError(404, "not_found", what + " não encontrado");
  }

  static ApiError noRoute() {
    return new ApiError(404, "not_found", "Recurso não encontrado");
  }
}
