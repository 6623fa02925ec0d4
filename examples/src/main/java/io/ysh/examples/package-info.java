/**
 * Runnable examples of the YSH SDK. {@link io.ysh.examples.QuickStartDemo} is the quick start
 * (solar quote-to-cash); the others each show one capability.
 */
package io.ysh.examples;
