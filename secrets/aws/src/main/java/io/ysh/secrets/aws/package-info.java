/** The AWS Secrets Manager secrets driver ({@code awssm://}). */
package io.ysh.secrets.aws;
