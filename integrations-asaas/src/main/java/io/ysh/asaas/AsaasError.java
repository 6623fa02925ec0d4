package io.ysh.asaas;

/**
 * One item of an Asaas error body ({@code {"errors":[{"code":"invalid_value","description":"…"}]}}).
 *
 * @param code the machine-readable code, such as {@code invalid_value} or {@code invalid_customer}
 * @param description the human-readable description Asaas gave (Portuguese, usually)
 */
public record AsaasError(String code, String description) {}
