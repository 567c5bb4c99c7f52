package io.openrma.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Money is a {@code long} of minor units plus an ISO currency; this formats it for people and reads the
 * decimal amounts other systems write.
 */
public final class Money {

  private Money() {
  }

  /** {@code 1234, "EUR"} to {@code "12.34 EUR"}; {@code 500, "JPY"} to {@code "500 JPY"}. */
  public static String format(long minorUnits, String currency) {
    return decimal(minorUnits, currency) + (currency == null ? "" : " " + currency);
  }

  /**
   * Minor units as the decimal amount other systems read ({@code 1250, "EUR"} to {@code "12.50"}, {@code 1200,
   * "JPY"} to {@code "1200"}), with exactly the currency's digits.
   */
  public static String decimal(long minorUnits, String currency) {
    int digits = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return BigDecimal.valueOf(minorUnits).movePointLeft(digits).toPlainString();
  }

  /**
   * A decimal amount as another system writes it ({@code "12.50"}, {@code "1200"}) to minor units of the
   * currency ({@code 1250} EUR, {@code 1200} JPY). Digits beyond the currency's are rounded half up, the
   * way a shop rounds a price.
   */
  public static long minorUnits(String amount, String currency) {
    int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
    return new BigDecimal(amount.trim()).movePointRight(digits).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
