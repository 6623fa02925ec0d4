package io.ysh.aneel;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of one year of ANEEL's tariff components, as {@code package_show} lists them: the
 * portal publishes one resource per year and format.
 *
 * @param year the year in the resources' names
 * @param csv the CSV resource, or null when the year has none
 * @param parquet the Parquet resource, or null when the year has none
 */
public record ComponentYear(int year, CkanResource csv, CkanResource parquet) {

  private static final Pattern YEAR = Pattern.compile("(?<![0-9])(20[0-9]{2})(?![0-9])");

  /**
   * The CSV resource.
   *
   * @return the resource, if published
   */
  public Optional<CkanResource> csvResource() {
    return Optional.ofNullable(csv);
  }

  /**
   * The Parquet resource.
   *
   * @return the resource, if published
   */
  public Optional<CkanResource> parquetResource() {
    return Optional.ofNullable(parquet);
  }

  /** The year a resource is for, from its name, else its URL; -1 when neither has one. */
  static int yearOf(CkanResource r) {
    for (String s : new String[] {r.name(), r.url()}) {
      if (s != null) {
        Matcher m = YEAR.matcher(s);
        int found = -1;
        while (m.find()) {
          found = Integer.parseInt(m.group(1));
        }
        if (found > 0) {
          return found;
        }
      }
    }
    return -1;
  }

  /** "CSV", "PARQUET" or null, from the resource's format, else its URL. */
  static String formatOf(CkanResource r) {
    String f = r.format() == null ? "" : r.format().strip().toUpperCase(java.util.Locale.ROOT);
    String u = r.url() == null ? "" : r.url().toLowerCase(java.util.Locale.ROOT);
    if (f.equals("CSV") || (f.isEmpty() && u.endsWith(".csv"))) {
      return "CSV";
    }
    if (f.equals("PARQUET") || (f.isEmpty() && u.endsWith(".parquet"))) {
      return "PARQUET";
    }
    return null;
  }
}
