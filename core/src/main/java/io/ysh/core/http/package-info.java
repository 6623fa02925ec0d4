/**
 * The SDK's OkHttp client factory ({@link io.ysh.core.http.HttpClients}) and the
 * {@link io.ysh.core.http.Redactor} that keeps credentials and CPF/CNPJ numbers out of logs and
 * messages.
 */
package io.ysh.core.http;
