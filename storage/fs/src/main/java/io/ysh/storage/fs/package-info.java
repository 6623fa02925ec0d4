/** The file-system storage driver ({@code file:///path/to/root}), confined to its root directory. */
package io.ysh.storage.fs;
