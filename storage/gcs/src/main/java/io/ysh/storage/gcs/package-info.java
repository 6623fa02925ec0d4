/** The Google Cloud Storage driver ({@code gs://bucket}) on google-cloud-storage. */
package io.ysh.storage.gcs;
