package io.ysh.aneel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code datastore_search} query: exact-match filters (a list of values matches any of them),
 * full-text {@code q}, sort, the fields to return, and paging. Immutable; build with
 * {@link #builder(String)}.
 */
public final class DatastoreQuery {

  private final String resourceId;
  private final Map<String, List<String>> filters;
  private final String q;
  private final String sort;
  private final List<String> fields;
  private final int pageSize;
  private final long offset;
  private final long maxRecords;

  private DatastoreQuery(Builder b) {
    this.resourceId = b.resourceId;
    this.filters = Map.copyOf(b.filters);
    this.q = b.q;
    this.sort = b.sort;
    this.fields = List.copyOf(b.fields);
    this.pageSize = b.pageSize;
    this.offset = b.offset;
    this.maxRecords = b.maxRecords;
  }

  /**
   * Starts a query on a resource.
   *
   * @param resourceId the CKAN resource id, such as {@link AneelDataset#resourceId()}
   * @return a builder
   */
  public static Builder builder(String resourceId) {
    return new Builder(resourceId);
  }

  /**
   * The resource queried.
   *
   * @return the resource id
   */
  public String resourceId() {
    return resourceId;
  }

  /**
   * The exact-match filters, column to accepted values.
   *
   * @return the filters
   */
  public Map<String, List<String>> filters() {
    return filters;
  }

  /**
   * The full-text query, or null.
   *
   * @return the query text
   */
  public String q() {
    return q;
  }

  /**
   * The sort, such as {@code "DatInicioVigencia desc"}, or null.
   *
   * @return the sort
   */
  public String sort() {
    return sort;
  }

  /**
   * The fields to return; empty for all.
   *
   * @return the field names
   */
  public List<String> fields() {
    return fields;
  }

  /**
   * The page size asked for; the server may cap it (32,000 on ANEEL's portal) and paging follows
   * the size the server answers.
   *
   * @return the requested page size
   */
  public int pageSize() {
    return pageSize;
  }

  /**
   * The first record's offset.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }

  /**
   * The most records to return in all, or -1 for all of them.
   *
   * @return the bound
   */
  public long maxRecords() {
    return maxRecords;
  }

  @Override
  public String toString() {
    return "DatastoreQuery[" + resourceId + ", filters=" + filters + ", q=" + q + ", sort=" + sort + "]";
  }

  /** Builds {@link DatastoreQuery}s. Not thread-safe. */
  public static final class Builder {
    private final String resourceId;
    private final Map<String, List<String>> filters = new LinkedHashMap<>();
    private String q;
    private String sort;
    private final List<String> fields = new ArrayList<>();
    private int pageSize = 10_000;
    private long offset;
    private long maxRecords = -1;

    private Builder(String resourceId) {
      this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
      if (resourceId.isBlank()) {
        throw new IllegalArgumentException("resourceId must not be blank");
      }
    }

    /**
     * Adds an exact-match filter; several values match any of them.
     *
     * @param column the column
     * @param values the accepted values, at least one
     * @return this builder
     */
    public Builder filter(String column, String... values) {
      Objects.requireNonNull(column, "column");
      if (values.length == 0) {
        throw new IllegalArgumentException("filter " + column + " needs at least one value");
      }
      filters.put(column, List.of(values));
      return this;
    }

    /**
     * Sets the full-text query (the answer then has a {@code rank} column).
     *
     * @param q the text, or null
     * @return this builder
     */
    public Builder q(String q) {
      this.q = q;
      return this;
    }

    /**
     * Sets the sort.
     *
     * @param sort such as {@code "DatInicioVigencia desc"}, or null
     * @return this builder
     */
    public Builder sort(String sort) {
      this.sort = sort;
      return this;
    }

    /**
     * Restricts the fields returned.
     *
     * @param names the field names
     * @return this builder
     */
    public Builder fields(String... names) {
      fields.addAll(List.of(names));
      return this;
    }

    /**
     * Sets the page size asked for.
     *
     * @param pageSize between 1 and 32,000 (larger values are capped by the portal anyway)
     * @return this builder
     */
    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be positive");
      }
      this.pageSize = pageSize;
      return this;
    }

    /**
     * Sets the first record's offset.
     *
     * @param offset zero or more
     * @return this builder
     */
    public Builder offset(long offset) {
      if (offset < 0) {
        throw new IllegalArgumentException("offset must not be negative");
      }
      this.offset = offset;
      return this;
    }

    /**
     * Bounds the records returned in all.
     *
     * @param maxRecords zero or more
     * @return this builder
     */
    public Builder maxRecords(long maxRecords) {
      if (maxRecords < 0) {
        throw new IllegalArgumentException("maxRecords must not be negative");
      }
      this.maxRecords = maxRecords;
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     */
    public DatastoreQuery build() {
      return new DatastoreQuery(this);
    }
  }
}
