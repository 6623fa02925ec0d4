package io.ysh.aneel;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.util.Objects;

/**
 * A failure of the ANEEL client or calculator that names the problem: which column is missing,
 * which value is not a number, which distributor is unknown. Generic code can still switch on
 * {@link #code()}; code that knows ANEEL switches on {@link #problem()}.
 */
public final class AneelException extends YshException {

  /** What went wrong, in ANEEL's terms. */
  public enum Problem {
    /** Neither a CNPJ nor an acronym in the loaded tariffs matches the distributor given. */
    UNKNOWN_DISTRIBUTOR(ErrorCode.NOT_FOUND),
    /** The date lies outside the range the datasets cover (tariffs start in 2010). */
    DATE_OUT_OF_RANGE(ErrorCode.INVALID_ARGUMENT),
    /** The subgroup (B1, A4…) appears nowhere in the loaded tariffs. */
    UNKNOWN_SUBGROUP(ErrorCode.INVALID_ARGUMENT),
    /** The modality (Convencional, Branca…) appears nowhere in the loaded tariffs. */
    UNKNOWN_MODALITY(ErrorCode.INVALID_ARGUMENT),
    /** The distributor has no energy row for that subgroup, modality, class, subclass and detail. */
    NO_MATCHING_TARIFF(ErrorCode.NOT_FOUND),
    /** The CSV header lacks one or more columns the record type needs. */
    MISSING_COLUMN(ErrorCode.INVALID_ARGUMENT),
    /** A field could not be read as the type its column holds (a number, a date, a flag). */
    INVALID_VALUE(ErrorCode.INVALID_ARGUMENT),
    /** The file is not valid CSV (wrong number of fields, unterminated quote, mixed encodings), or a Parquet download lacks its footer. */
    CORRUPT_CSV(ErrorCode.INVALID_ARGUMENT),
    /** The download ended before the size the server announced, or the connection broke mid-body. */
    TRUNCATED_DOWNLOAD(ErrorCode.UNAVAILABLE),
    /** The portal does not publish what was asked for (a year's tariff-components file, a component). */
    NOT_PUBLISHED(ErrorCode.NOT_FOUND),
    /** The portal answered with an error or with a body that is not the CKAN envelope. */
    PORTAL_ERROR(ErrorCode.UNAVAILABLE);

    private final ErrorCode code;

    Problem(ErrorCode code) {
      this.code = code;
    }

    /**
     * The portable code this problem maps to.
     *
     * @return the error code
     */
    public ErrorCode code() {
      return code;
    }
  }

  /** The ANEEL-specific problem. */
  private final Problem problem;

  private AneelException(Builder builder, Problem problem) {
    super(builder);
    this.problem = problem;
  }

  /**
   * Creates an exception for a problem.
   *
   * @param problem what went wrong
   * @param detail the message, naming the column, value or distributor at fault
   * @return the exception (not thrown)
   */
  public static AneelException of(Problem problem, String detail) {
    return of(problem, detail, null);
  }

  /**
   * Creates an exception for a problem with a cause.
   *
   * @param problem what went wrong
   * @param detail the message, naming the column, value or distributor at fault
   * @param cause the underlying failure, or null
   * @return the exception (not thrown)
   */
  public static AneelException of(Problem problem, String detail, Throwable cause) {
    Objects.requireNonNull(problem, "problem");
    return new AneelException(
        YshException.builder(problem.code()).detail(detail).provider("aneel").cause(cause), problem);
  }

  /**
   * What went wrong, in ANEEL's terms.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }
}
