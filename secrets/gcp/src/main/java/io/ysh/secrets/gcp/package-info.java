/** The GCP Secret Manager secrets driver ({@code gcpsm://}). */
package io.ysh.secrets.gcp;
