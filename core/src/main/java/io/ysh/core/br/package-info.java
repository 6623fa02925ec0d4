/**
 * Brazilian value types: {@link io.ysh.core.br.Cpf} (individual taxpayer number),
 * {@link io.ysh.core.br.Cnpj} (company number, numeric and the alphanumeric form issued since
 * July 2026) and {@link io.ysh.core.br.Money} (an amount in reais, exact to the centavo).
 *
 * <p>All three are immutable, thread-safe values with {@code equals}/{@code hashCode} on their
 * canonical form. They are validated when built: a value of one of these types is always
 * well-formed, so code that receives a {@code Cpf} never re-checks it. Bad input is reported as a
 * {@link io.ysh.core.YshException} with {@link io.ysh.core.ErrorCode#INVALID_ARGUMENT}; messages
 * name the problem but never repeat a CPF, which is personal data under the LGPD.
 *
 * <p>Each type serializes with Jackson as its canonical value ({@code @JsonValue}) and is read
 * back through its validating factory ({@code @JsonCreator}), so invalid numbers are rejected at
 * the JSON boundary too.
 */
package io.ysh.core.br;
