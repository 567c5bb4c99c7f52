package io.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void aDecimalAmountBecomesMinorUnitsByTheCurrencysDigits() {
    assertThat(Money.minorUnits("12.5", "EUR")).isEqualTo(1_250);
    assertThat(Money.minorUnits("134.63", "EUR")).isEqualTo(13_463);
    assertThat(Money.minorUnits("1200", "JPY")).isEqualTo(1_200);
    assertThat(Money.minorUnits("1.250", "KWD")).isEqualTo(1_250);
  }

  @Test
  void digitsBeyondTheCurrencysAreRoundedHalfUp() {
    assertThat(Money.minorUnits("1.005", "EUR")).isEqualTo(101);
    assertThat(Money.minorUnits("1.004", "EUR")).isEqualTo(100);
  }

  @Test
  void minorUnitsAreWrittenWithExactlyTheCurrencysDigits() {
    assertThat(Money.decimal(1_250, "EUR")).isEqualTo("12.50");
    assertThat(Money.decimal(4_900, "EUR")).isEqualTo("49.00");
    assertThat(Money.decimal(1_200, "JPY")).isEqualTo("1200");
    assertThat(Money.decimal(1_250, "KWD")).isEqualTo("1.250");
  }
}
