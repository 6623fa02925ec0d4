package io.ysh.asaas;



/**
 * Asaas's answer to a DELETE.
 *
 * @param deleted whether the object is now deleted
 * @param id the object's id
 */
public record DeletedResource(
    boolean deleted,
    String id) {
}
