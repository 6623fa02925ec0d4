/**
 * The Azure Queue Storage driver ({@code azqueue://}): messages carried in an ASCII JSON envelope
 * (body base64, attributes), visibility timeouts for nack delays and deadline extension, dequeue
 * count as the delivery attempt, portable dead-lettering.
 */
package io.ysh.queue.azure;
