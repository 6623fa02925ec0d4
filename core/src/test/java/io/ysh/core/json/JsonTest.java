package io.ysh.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonTest {

  enum Status {
    PENDING,
    RECEIVED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  record Payment(String id, BigDecimal value, LocalDate dueDate, LocalDateTime created, Status status, Optional<String> note) {}

  @Test
  void readsDecimalsExactlyDatesAsJavaTimeAndToleratesUnknowns() throws Exception {
    Payment p =
        Json.mapper()
            .readValue(
                "{\"id\":\"pay_1\",\"value\":0.1,\"dueDate\":\"2026-12-01\",\"created\":\"2026-11-29T10:11:12\","
                    + "\"status\":\"SOMETHING_NEW\",\"newField\":{\"x\":1}}",
                Payment.class);
    assertThat(p.value()).isEqualByComparingTo("0.1").isEqualTo(new BigDecimal("0.1"));
    assertThat(p.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    assertThat(p.status()).isEqualTo(Status.UNKNOWN);
    assertThat(p.note()).isEmpty();
  }

  @Test
  void writesPlainDecimalsIsoDatesAndOmitsAbsentValues() throws Exception {
    String json =
        Json.mapper()
            .writeValueAsString(new Payment("pay_1", new BigDecimal("1E+3"), LocalDate.of(2026, 1, 5), null, Status.PENDING, Optional.empty()));
    assertThat(json).isEqualTo("{\"id\":\"pay_1\",\"value\":1000,\"dueDate\":\"2026-01-05\",\"status\":\"PENDING\"}");
  }

  @Test
  void neverTruncatesFloatsIntoIntegers() {
    record Count(int n) {}
    assertThatThrownBy(() -> Json.mapper().readValue("{\"n\":1.5}", Count.class)).isInstanceOf(InvalidFormatException.class);
  }

  @Test
  void newMappersAreIndependentCopiesOfThePreset() throws Exception {
    assertThat(Json.newMapper()).isNotSameAs(Json.mapper());
    assertThat(Json.newMapper().readValue("{\"a\":2.50}", Map.class).get("a")).isEqualTo(new BigDecimal("2.50"));
  }
}
