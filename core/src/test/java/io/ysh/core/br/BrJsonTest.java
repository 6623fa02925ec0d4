package io.ysh.core.br;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ysh.core.ErrorCode;
import io.ysh.core.YshException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Jackson mapping every br type declares: canonical value out, validating factory in. */
class BrJsonTest {

  private final ObjectMapper mapper = new ObjectMapper();

  /** A payload as an Asaas or ANEEL client would hold it. */
  static final class Customer {
    public Cpf cpf;
    public Cnpj cnpj;
    public Money balance;
  }

  @Test
  void writesTheCanonicalValues() throws Exception {
    Customer c = new Customer();
    c.cpf = Cpf.parse("529.982.247-25");
    c.cnpj = Cnpj.parse("12.abc.345/01de-35");
    c.balance = Money.of("R$ 1.234,50");

    assertThat(mapper.writeValueAsString(c))
        .isEqualTo("{\"cpf\":\"52998224725\",\"cnpj\":\"12ABC34501DE35\",\"balance\":1234.50}");
  }

  @Test
  void readsBackThroughTheValidatingFactories() throws Exception {
    Customer c =
        mapper.readValue(
            "{\"cpf\":\"529.982.247-25\",\"cnpj\":\"12.abc.345/01de-35\",\"balance\":100}",
            Customer.class);

    assertThat(c.cpf).isEqualTo(Cpf.parse("52998224725"));
    assertThat(c.cnpj.value()).isEqualTo("12ABC34501DE35");
    assertThat(c.balance.toString()).isEqualTo("100.00");
  }

  @Test
  void nullsStayNull() throws Exception {
    Customer c = mapper.readValue("{\"cpf\":null,\"cnpj\":null,\"balance\":null}", Customer.class);

    assertThat(c.cpf).isNull();
    assertThat(c.cnpj).isNull();
    assertThat(c.balance).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"100", "100.0", "100.00", "100.000", "1E2", "\"100.00\""})
  void moneyAcceptsJsonNumbersExactAtTwoPlaces(String json) throws Exception {
    Money m = mapper.readValue(json, Money.class);

    assertThat(m.amount()).isEqualTo(new BigDecimal("100.00"));
  }

  @Test
  void moneyRejectsJsonNumbersWithAFractionOfACentavo() {
    assertThatThrownBy(() -> mapper.readValue("100.001", Money.class))
        .isInstanceOf(JsonMappingException.class)
        .rootCause()
        .isInstanceOfSatisfying(
            YshException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }

  @Test
  void invalidNumbersAreRejectedAtTheJsonBoundaryWithoutEchoingTheCpf() {
    assertThatThrownBy(() -> mapper.readValue("\"52998224726\"", Cpf.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageNotContaining("52998224726")
        .rootCause()
        .isInstanceOf(YshException.class)
        .hasMessageNotContaining("52998224726");
    assertThatThrownBy(() -> mapper.readValue("\"12ABC34501DE36\"", Cnpj.class))
        .isInstanceOf(JsonMappingException.class)
        .rootCause()
        .isInstanceOf(YshException.class);
  }

  @Test
  void moneyRoundTripsThroughJson() throws Exception {
    for (String amount : new String[] {"0", "-0,01", "92233720368547758.07", "1.234,56"}) {
      Money m = Money.of(amount);
      assertThat(mapper.readValue(mapper.writeValueAsString(m), Money.class)).isEqualTo(m);
    }
  }
}
