/** Parsing of the {@code scheme://…} resource URLs behind every {@code open(String url)}. */
package io.ysh.core.url;
