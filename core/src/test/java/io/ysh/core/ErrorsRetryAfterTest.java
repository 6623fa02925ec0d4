package io.ysh.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class ErrorsRetryAfterTest {

  @Test
  void delaySecondsAreTheWait() {
    assertThat(Errors.retryAfter("120")).contains(Duration.ofSeconds(120));
    assertThat(Errors.retryAfter(" 0 ")).contains(Duration.ZERO);
  }

  @Test
  void anHttpDateIsTheWaitUntilThen() {
    String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
    assertThat(Errors.retryAfter(inAMinute)).hasValueSatisfying(
        d -> assertThat(d).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61)));
    assertThat(Errors.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
  }

  @Test
  void absentOrMalformedValuesAreNoHint() {
    assertThat(Errors.retryAfter(null)).isEmpty();
    assertThat(Errors.retryAfter("")).isEmpty();
    assertThat(Errors.retryAfter("-5")).isEmpty();
    assertThat(Errors.retryAfter("soon")).isEmpty();
    assertThat(Errors.retryAfter("99999999999999999999999")).isEmpty();
  }
}
