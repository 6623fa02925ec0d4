package io.ysh.aneel;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A CKAN resource (one file or table of a dataset) as {@code package_show} and
 * {@code resource_show} describe it.
 *
 * @param id the resource id (a UUID)
 * @param packageId the dataset's id, or null when the answer did not say
 * @param name the resource's title
 * @param url the download URL
 * @param format CSV, XML, PDF, PARQUET…
 * @param lastModified when the file last changed ({@code last_modified}, naive UTC on this
 *     portal), or null
 * @param size the size in bytes the portal reports, or -1
 * @param datastoreActive whether the resource is in the datastore (queryable with
 *     {@code datastore_search})
 */
public record CkanResource(
    String id, String packageId, String name, String url, String format, Instant lastModified, long size, boolean datastoreActive) {

  /**
   * The last-modified time, if the portal gave one.
   *
   * @return the instant
   */
  public Optional<Instant> lastModifiedTime() {
    return Optional.ofNullable(lastModified);
  }

  /**
   * The size, if the portal gave one.
   *
   * @return the size in bytes
   */
  public OptionalLong sizeBytes() {
    return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
  }
}
