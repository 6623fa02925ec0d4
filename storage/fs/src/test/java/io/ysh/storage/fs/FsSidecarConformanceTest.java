package io.ysh.storage.fs;

import java.nio.file.Path;

/**
 * The conformance suite on the layout for file systems without user extended attributes: all
 * metadata in {@code .ysh-meta} sidecars (as every object written by earlier versions).
 */
class FsSidecarConformanceTest extends FsConformanceTest {

  @Override
  FsStorageDriver driver(Path root) {
    return FsStorageDriver.builder().root(root).extendedAttributes(false).build();
  }
}
