/**
 * The driver SPI of {@link io.ysh.storage.ObjectStorage}: what a storage provider implements
 * ({@link io.ysh.storage.spi.StorageDriver}) and registers through
 * {@link java.util.ServiceLoader} ({@link io.ysh.storage.spi.StorageDriverProvider}).
 */
package io.ysh.storage.spi;
