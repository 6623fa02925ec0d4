/** Runnable examples of the YSH SDK; {@link io.ysh.examples.QuickStart} is the quick start. */
package io.ysh.examples;
