/** The in-memory storage driver ({@code mem://name}), for tests and demos. */
package io.ysh.storage.memory;
