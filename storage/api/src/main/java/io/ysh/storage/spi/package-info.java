/**
 * The driver SPI of {@link io.ysh.storage.ObjectStorage}: what a storage provider implements
 * ({@link io.ysh.storage.spi.StorageDriver}) and registers through {@link java.util.ServiceLoader}
 * ({@link io.ysh.storage.spi.StorageDriverProvider}); the optional fast paths a driver may offer
 * on its own objects ({@link io.ysh.storage.spi.BufferWrites},
 * {@link io.ysh.storage.spi.ChannelWrites}, {@link io.ysh.storage.spi.FileRegion}); and the key
 * rules and listing helper drivers share ({@link io.ysh.storage.spi.StorageKeys},
 * {@link io.ysh.storage.spi.SortedListing}).
 */
package io.ysh.storage.spi;
