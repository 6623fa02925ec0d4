package io.ysh.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import io.ysh.storage.spi.MultipartLimits;
import org.junit.jupiter.api.Test;

class PartSizingTest {

  private static final long MIB = 1L << 20;

  @Test
  void preferredSizeIsKeptWhenTheObjectFits() {
    assertThat(PartSizing.partSize(100 * MIB, 8 * MIB, MultipartLimits.S3)).isEqualTo(8 * MIB);
  }

  @Test
  void tooSmallPreferredSizeIsRaisedToTheProviderMinimum() {
    assertThat(PartSizing.partSize(100 * MIB, 1024, MultipartLimits.S3)).isEqualTo(5 * MIB);
  }

  @Test
  void partSizeGrowsInWholeMebibytesWhenTenThousandPartsAreNotEnough() {
    long length = 100_000 * MIB; // ~98 GiB: 8 MiB parts would need 12,500 parts
    long size = PartSizing.partSize(length, 8 * MIB, MultipartLimits.S3);
    assertThat(size % MIB).isZero();
    assertThat(PartSizing.partCount(length, size)).isLessThanOrEqualTo(10_000);
    assertThat(size).isEqualTo(10 * MIB);
  }

  @Test
  void unknownLengthUsesTheClampedPreferredSize() {
    assertThat(PartSizing.partSize(-1, 8 * MIB, MultipartLimits.S3)).isEqualTo(8 * MIB);
    assertThat(PartSizing.partSize(-1, 10L << 30, MultipartLimits.S3)).isEqualTo(5L << 30);
  }

  @Test
  void objectsLargerThanTheProviderMaximumAreRefused() {
    assertThatThrownBy(() -> PartSizing.partSize(6L << 40, 8 * MIB, MultipartLimits.S3))
        .isInstanceOfSatisfying(YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void multipartDecision() {
    assertThat(PartSizing.useMultipart(-1, 8 * MIB, MultipartLimits.S3)).isTrue();
    assertThat(PartSizing.useMultipart(8 * MIB, 8 * MIB, MultipartLimits.S3)).isFalse();
    assertThat(PartSizing.useMultipart(8 * MIB + 1, 8 * MIB, MultipartLimits.S3)).isTrue();
    assertThat(PartSizing.useMultipart(1L << 40, 8 * MIB, MultipartLimits.LOCAL)).isFalse();
  }

  @Test
  void everyObjectUpToTheMaximumFitsWithinTheLimits() {
    long max = MultipartLimits.S3.maxObjectSize();
    qt().forAll(longs().between(0, max), longs().between(1, 6L << 30)).checkAssert((length, preferred) -> {
      long size = PartSizing.partSize(length, preferred, MultipartLimits.S3);
      assertThat(size).isBetween(MultipartLimits.S3.minPartSize(), MultipartLimits.S3.maxPartSize());
      assertThat(PartSizing.partCount(length, size)).isLessThanOrEqualTo(MultipartLimits.S3.maxParts());
    });
  }
}
