package io.ysh.asaas;

/**
 * A wallet of the account the client's key belongs to ({@code GET /wallets/}): what another
 * account names in a split or an internal transfer to pay this one.
 *
 * <p>Source: the official schema's {@code WalletGetResponseDto} (asaasdev/asaas-api-sdk-java).
 *
 * @param id the wallet id
 */
public record Wallet(String id) {}
