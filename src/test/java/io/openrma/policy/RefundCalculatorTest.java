package io.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.openrma.policy.RefundCalculator.Input;
import io.openrma.policy.RefundCalculator.LineInput;
import io.openrma.policy.RefundCalculator.Result;
import org.junit.jupiter.api.Test;

/** Worked examples of the refund arithmetic, with the numbers a merchant would check by hand. */
class RefundCalculatorTest {

  @Test
  void aStoreCreditBonusIsItsPercentOfTheRefundRoundedHalfUp() {
    assertThat(RefundCalculator.storeCreditBonus(7_125, 10)).isEqualTo(713); // 712.5
    assertThat(RefundCalculator.storeCreditBonus(7_124, 10)).isEqualTo(712); // 712.4
    assertThat(RefundCalculator.storeCreditBonus(7_128, 0)).isZero();
    assertThat(RefundCalculator.storeCreditBonus(0, 10)).isZero();
    assertThatThrownBy(() -> RefundCalculator.storeCreditBonus(100, 101))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fullyReturnedLineRefundsExactlyWhatWasPaid() {
    Result result = RefundCalculator.calculate(new Input(List.of(
        new LineInput(1, 3, 3, 7_497, 1_424, false)), 0, 0, 100_000));
    assertThat(result.items()).isEqualTo(7_497);
    assertThat(result.tax()).isEqualTo(1_424);
    assertThat(result.total()).isEqualTo(8_921);
    assertThat(result.capped()).isFalse();
  }

  @Test
  void partialReturnRefundsThePricePaidAfterDiscountPerUnit() {
    // 3 units at 10.00 with 1.00 discount on the line: 29.00 paid, 9.666.. per unit; two back: 19.33 (floor)
    Result result = RefundCalculator.calculate(new Input(List.of(
        new LineInput(1, 3, 2, 2_900, 0, false)), 0, 0, 100_000));
    assertThat(result.items()).isEqualTo(1_933);
  }

  @Test
  void taxIsSharedByLargestRemainderAndNeverExceedsWhatALineCollected() {
    // exact shares: 100 x 1/3 = 33.33, 50 x 2/3 = 33.33, 7 x 1/2 = 3.5 -> sum 70.17 -> 70 cents in all;
    // floors 33 + 33 + 3 = 69, one extra cent to the largest remainder (line 3: 0.5)
    Result result = RefundCalculator.calculate(new Input(List.of(
        new LineInput(1, 3, 1, 1_000, 100, false),
        new LineInput(2, 3, 2, 1_000, 50, false),
        new LineInput(3, 2, 1, 1_000, 7, false)), 0, 0, 100_000));
    assertThat(result.tax()).isEqualTo(70);
    assertThat(result.lines()).extracting(RefundCalculator.LineRefund::tax).containsExactly(33L, 33L, 4L);
  }

  @Test
  void thirdsThatAddUpToAHalfRoundUp() {
    // 1 x 1/3 three times and 1 x 1/2: exactly 1.5 cents, so 2 cents (a decimal sum says 1.4999..);
    // the half goes to line 4, the largest remainder, the other cent to line 1, the earliest of the thirds
    Result result = RefundCalculator.calculate(new Input(List.of(
        new LineInput(1, 3, 1, 300, 1, false),
        new LineInput(2, 3, 1, 300, 1, false),
        new LineInput(3, 3, 1, 300, 1, false),
        new LineInput(4, 2, 1, 200, 1, false)), 0, 0, 100_000));
    assertThat(result.tax()).isEqualTo(2);
    assertThat(result.lines()).extracting(RefundCalculator.LineRefund::tax).containsExactly(1L, 0L, 0L, 1L);
  }

  @Test
  void equalRemaindersGoToTheEarlierLine() {
    // 1 x 1/2 = 0.5 twice: the total 1.0 rounds to 1 cent, which the first line gets
    Result result = RefundCalculator.calculate(new Input(List.of(
        new LineInput(1, 2, 1, 100, 1, false),
        new LineInput(2, 2, 1, 100, 1, false)), 0, 0, 100_000));
    assertThat(result.lines()).extracting(RefundCalculator.LineRefund::tax).containsExactly(1L, 0L);
  }

  @Test
  void restockingFeeIsWaivedForDefectiveOrWrongItems() {
    Result result = RefundCalculator.calculate(new Input(List.of(
        new LineInput(1, 1, 1, 10_000, 1_900, false),
        new LineInput(2, 1, 1, 5_000, 950, true)), 15, 0, 100_000));
    assertThat(result.restockingFee()).isEqualTo(1_500); // 15 % of the first line only
    assertThat(result.total()).isEqualTo(10_000 + 5_000 + 1_900 + 950 - 1_500);
  }

  @Test
  void restockingFeeRoundsHalfUp() {
    Result result = RefundCalculator
        .calculate(new Input(List.of(new LineInput(1, 1, 1, 1_003, 0, false)), 15, 0, 100_000));
    assertThat(result.restockingFee()).isEqualTo(150); // 150.45 -> 150
    Result half = RefundCalculator
        .calculate(new Input(List.of(new LineInput(1, 1, 1, 1_010, 0, false)), 15, 0, 100_000));
    assertThat(half.restockingFee()).isEqualTo(152); // 151.5 -> 152
  }

  @Test
  void shippingIsAddedWhenThePolicySaysSo() {
    Result result = RefundCalculator
        .calculate(new Input(List.of(new LineInput(1, 1, 1, 2_000, 380, true)), 0, 490, 100_000));
    assertThat(result.shipping()).isEqualTo(490);
    assertThat(result.total()).isEqualTo(2_870);
  }

  @Test
  void neverMoreThanStillRefundableOnThePayment() {
    Result result = RefundCalculator
        .calculate(new Input(List.of(new LineInput(1, 1, 1, 10_000, 1_900, false)), 0, 0, 5_000));
    assertThat(result.total()).isEqualTo(5_000);
    assertThat(result.capped()).isTrue();
    assertThat(result.uncapped()).isEqualTo(11_900);
  }

  @Test
  void nothingRefundableMeansZeroNotNegative() {
    Result result = RefundCalculator
        .calculate(new Input(List.of(new LineInput(1, 1, 1, 10_000, 0, false)), 0, 0, -300));
    assertThat(result.total()).isZero();
  }

  @Test
  void linesNotAcceptedAtInspectionRefundNothing() {
    Result result = RefundCalculator
        .calculate(new Input(List.of(new LineInput(1, 2, 0, 4_000, 760, false)), 10, 0, 100_000));
    assertThat(result.total()).isZero();
    assertThat(result.restockingFee()).isZero();
  }

  @Test
  void impossibleInputsAreRefused() {
    assertThatThrownBy(() -> new LineInput(1, 1, 2, 100, 0, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LineInput(1, 0, 0, 100, 0, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LineInput(1, 1, 1, -1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Input(List.of(), 101, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Input(List.of(), 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void moneyIsFormattedWithTheCurrencysDigits() {
    assertThat(Money.format(1_234, "EUR")).isEqualTo("12.34 EUR");
    assertThat(Money.format(500, "JPY")).isEqualTo("500 JPY");
    assertThat(Money.format(-5, "USD")).isEqualTo("-0.05 USD");
  }
}
