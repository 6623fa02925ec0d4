/** The MinIO storage driver ({@code minio://host:9000/bucket}) on the MinIO Java SDK. */
package io.ysh.storage.minio;
