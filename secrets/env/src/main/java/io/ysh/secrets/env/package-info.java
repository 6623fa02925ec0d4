/**
 * The embedded secrets drivers: environment variables ({@code env://}), directories of secret
 * files and {@code .env} files ({@code file://}).
 */
package io.ysh.secrets.env;
