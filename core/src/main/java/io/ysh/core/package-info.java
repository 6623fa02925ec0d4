/**
 * The foundation every YSH SDK module builds on: the portable error model
 * ({@link io.ysh.core.YshException}, {@link io.ysh.core.ErrorCode}), the secret-safe
 * {@link io.ysh.core.Secret}, and the SDK version.
 */
package io.ysh.core;
