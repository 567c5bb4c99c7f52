package io.openrma.policy;

import java.math.BigDecimal;
import java.util.Currency;

/** Money is a {@code long} of minor units plus an ISO currency; this only formats it for people. */
public final class Money {

  private Money() {
  }

  /** {@code 1234, "EUR"} to {@code "12.34 EUR"}; {@code 500, "JPY"} to {@code "500 JPY"}. */
  public static String format(long minorUnits, String currency) {
    int digits = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return BigDecimal.valueOf(minorUnits).movePointLeft(digits).toPlainString()
        + (currency == null ? "" : " " + currency);
  }
}
