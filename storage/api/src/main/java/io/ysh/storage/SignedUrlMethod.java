package io.ysh.storage;

/** The HTTP method a signed URL allows. */
public enum SignedUrlMethod {
  /** Download the object with a plain {@code GET}. */
  GET,
  /** Upload the object with a plain {@code PUT} of the body. */
  PUT
}
