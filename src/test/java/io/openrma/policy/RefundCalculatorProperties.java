package io.openrma.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.openrma.policy.RefundCalculator.Input;
import io.openrma.policy.RefundCalculator.LineInput;
import io.openrma.policy.RefundCalculator.Result;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** What must hold for every return, checked on thousands of generated ones (jqwik). */
class RefundCalculatorProperties {

  @Property
  void neverRefundsMoreThanThePaymentAllows(@ForAll("lines") List<LineInput> lines,
      @ForAll @IntRange(max = 100) int fee,
      @ForAll @LongRange(max = 2_000) long shipping,
      @ForAll @LongRange(min = -1_000, max = 5_000_000) long refundable) {
    Result result = RefundCalculator.calculate(new Input(lines, fee, shipping, refundable));
    assertThat(result.total()).isBetween(0L, Math.max(0, refundable));
    assertThat(result.total()).isLessThanOrEqualTo(result.uncapped());
  }

  @Property
  void taxRefundedNeverExceedsTaxCollectedOnAnyLine(@ForAll("lines") List<LineInput> lines) {
    Result result = RefundCalculator.calculate(new Input(lines, 0, 0, Long.MAX_VALUE / 4));
    for (int i = 0; i < lines.size(); i++) {
      LineInput line = lines.get(i);
      long tax = result.lines().get(i).tax();
      assertThat(tax).isBetween(0L, line.tax());
      // within one cent of the exact share
      double exact = (double) line.tax() * line.quantityRefunded() / line.quantityOrdered();
      assertThat((double) tax).isBetween(Math.floor(exact), Math.ceil(exact));
    }
    assertThat(result.tax()).isEqualTo(result.lines().stream().mapToLong(RefundCalculator.LineRefund::tax).sum());
  }

  @Property
  void taxTotalIsTheRoundedExactShare(@ForAll("lines") List<LineInput> lines) {
    Result result = RefundCalculator.calculate(new Input(lines, 0, 0, Long.MAX_VALUE / 4));
    // exact, not decimal: thirds in 30 digits make 1/3 + 1/3 + 1/3 + 1/2 look like 1.4999.. instead of 1.5.
    // Every quantity ordered divides 27720 (the lcm of 1..12), so the sum in 27720ths is a whole number.
    long lcm = 27_720;
    long exact = 0;
    for (LineInput line : lines) {
      exact += line.tax() * line.quantityRefunded() * (lcm / line.quantityOrdered());
    }
    long roundedHalfUp = (2 * exact + lcm) / (2 * lcm);
    assertThat(result.tax()).isEqualTo(roundedHalfUp);
  }

  @Property
  void fullReturnWithoutFeeRefundsEverythingPaid(@ForAll("lines") List<LineInput> partial) {
    List<LineInput> full = new ArrayList<>();
    for (LineInput line : partial) {
      full.add(
          new LineInput(line.lineNo(), line.quantityOrdered(), line.quantityOrdered(), line.netAmount(), line.tax(),
              line.feeWaived()));
    }
    Result result = RefundCalculator.calculate(new Input(full, 0, 0, Long.MAX_VALUE / 4));
    assertThat(result.items()).isEqualTo(full.stream().mapToLong(LineInput::netAmount).sum());
    assertThat(result.tax()).isEqualTo(full.stream().mapToLong(LineInput::tax).sum());
  }

  @Property
  void returningMoreNeverRefundsLess(@ForAll("lines") List<LineInput> lines, @ForAll @IntRange(max = 100) int fee) {
    Result before = RefundCalculator.calculate(new Input(lines, fee, 0, Long.MAX_VALUE / 4));
    List<LineInput> more = new ArrayList<>(lines);
    LineInput first = more.get(0);
    if (first.quantityRefunded() < first.quantityOrdered()) {
      more.set(0, new LineInput(first.lineNo(), first.quantityOrdered(), first.quantityRefunded() + 1,
          first.netAmount(), first.tax(), first.feeWaived()));
    }
    Result after = RefundCalculator.calculate(new Input(more, fee, 0, Long.MAX_VALUE / 4));
    assertThat(after.items()).isGreaterThanOrEqualTo(before.items());
    assertThat(after.total() + 1).as("one cent of tax may move between lines").isGreaterThanOrEqualTo(before.total());
  }

  @Property
  void feeIsNeverMoreThanTheItemsItIsTakenFrom(@ForAll("lines") List<LineInput> lines,
      @ForAll @IntRange(max = 100) int fee) {
    Result result = RefundCalculator.calculate(new Input(lines, fee, 0, Long.MAX_VALUE / 4));
    long feeBase = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).feeWaived()) {
        feeBase += result.lines().get(i).items();
      }
    }
    assertThat(result.restockingFee()).isBetween(0L, feeBase);
  }

  @Provide
  Arbitrary<List<LineInput>> lines() {
    Arbitrary<LineInput> line = Combinators.combine(
        Arbitraries.integers().between(1, 12),
        Arbitraries.integers().between(0, 12),
        Arbitraries.longs().between(0, 500_000),
        Arbitraries.longs().between(0, 100_000),
        Arbitraries.of(true, false))
        .as((ordered, returned, net, tax, waived) -> new LineInput(0, ordered, Math.min(ordered, returned), net, tax,
            waived));
    return line.list().ofMinSize(1).ofMaxSize(8).map(list -> {
      List<LineInput> numbered = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        LineInput l = list.get(i);
        numbered.add(
            new LineInput(i + 1, l.quantityOrdered(), l.quantityRefunded(), l.netAmount(), l.tax(), l.feeWaived()));
      }
      return numbered;
    });
  }
}
