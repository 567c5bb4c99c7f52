package io.openrma.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a return refunds, in minor units. Pure arithmetic, no engine and no database:
 * <ul>
 *   <li><b>items</b>: each refunded unit at the price the customer paid after the line's discount,
 *   {@code floor(net x refunded / ordered)}, so a fully returned line refunds exactly its net amount;</li>
 *   <li><b>tax</b>: each line's tax in proportion to the units refunded, rounded by the largest-remainder
 *   method across lines, so no line refunds more tax than it collected and the total is the rounded
 *   exact share;</li>
 *   <li><b>restocking fee</b>: the policy's percentage of the items amount of the lines whose reason does
 *   not waive it (defective, damaged in shipping, wrong item), rounded half up;</li>
 *   <li><b>shipping</b>: as the policy decided;</li>
 *   <li><b>total</b>: items + tax - fee + shipping, never more than is still refundable on the payment
 *   (captured minus already refunded) and never below zero.</li>
 * </ul>
 * Store credit may add a bonus to the total ({@link #storeCreditBonus}).
 */
public final class RefundCalculator {

  private RefundCalculator() {
  }

  /**
   * One returned line.
   *
   * @param quantityRefunded units that earn a refund (returned and accepted at inspection)
   * @param netAmount        what the whole ordered line cost after discount, before tax
   * @param tax              tax collected on the whole ordered line
   * @param feeWaived        the return reason waives the restocking fee for this line
   */
  public record LineInput(int lineNo, int quantityOrdered, int quantityRefunded, long netAmount, long tax,
      boolean feeWaived) {
    public LineInput {
      if (quantityOrdered <= 0 || quantityRefunded < 0 || quantityRefunded > quantityOrdered) {
        throw new IllegalArgumentException("line " + lineNo + ": 0 <= refunded (" + quantityRefunded
            + ") <= ordered (" + quantityOrdered + ") and ordered > 0");
      }
      if (netAmount < 0 || tax < 0) {
        throw new IllegalArgumentException("line " + lineNo + ": amounts must not be negative");
      }
    }
  }

  /**
   * @param restockingFeePercent 0 to 100
   * @param shipping             shipping to refund
   * @param refundable           what the payment still allows: captured minus already refunded
   */
  public record Input(List<LineInput> lines, int restockingFeePercent, long shipping, long refundable) {
    public Input {
      if (restockingFeePercent < 0 || restockingFeePercent > 100) {
        throw new IllegalArgumentException("restocking fee must be 0 to 100 percent: " + restockingFeePercent);
      }
      if (shipping < 0) {
        throw new IllegalArgumentException("shipping must not be negative");
      }
      lines = List.copyOf(lines);
    }
  }

  public record LineRefund(int lineNo, long items, long tax) {
  }

  /** {@code capped}: the payment allowed less than the calculation; {@code total} is what to refund. */
  public record Result(long items, long tax, long restockingFee, long shipping, long total, boolean capped,
      List<LineRefund> lines) {

    public long uncapped() {
      return items + tax - restockingFee + shipping;
    }
  }

  public static Result calculate(Input input) {
    List<LineInput> lines = input.lines();
    long[] items = new long[lines.size()];
    long[] tax = new long[lines.size()];
    long itemsTotal = 0;
    long feeBase = 0;
    for (int i = 0; i < lines.size(); i++) {
      LineInput line = lines.get(i);
      items[i] = multiplyDivideFloor(line.netAmount(), line.quantityRefunded(), line.quantityOrdered());
      itemsTotal += items[i];
      if (!line.feeWaived()) {
        feeBase += items[i];
      }
    }
    long taxTotal = allocateTax(lines, tax);
    long fee = divideHalfUp(BigInteger.valueOf(feeBase).multiply(BigInteger.valueOf(input.restockingFeePercent())),
        BigInteger.valueOf(100));
    long uncapped = itemsTotal + taxTotal - fee + input.shipping();
    long total = Math.max(0, Math.min(uncapped, input.refundable()));
    List<LineRefund> perLine = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      perLine.add(new LineRefund(lines.get(i).lineNo(), items[i], tax[i]));
    }
    return new Result(itemsTotal, taxTotal, fee, input.shipping(), total, total < uncapped, List.copyOf(perLine));
  }

  /**
   * The bonus on store credit: {@code percent} of the refund {@code total}, rounded half up in minor units (10 % of
   * 71.25 is 7.13). The credit is the total plus this; the payment's limit applies to the total only, since the
   * bonus is the merchant's, not money paid back.
   */
  public static long storeCreditBonus(long total, int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("a store credit bonus must be 0 to 100 percent: " + percent);
    }
    if (total < 0) {
      throw new IllegalArgumentException("the refund total must not be negative");
    }
    return divideHalfUp(BigInteger.valueOf(total).multiply(BigInteger.valueOf(percent)), BigInteger.valueOf(100));
  }

  /**
   * Largest remainder: every line gets the floor of its exact share {@code tax x refunded / ordered};
   * the cents that the rounded total has beyond those floors go one each to the lines with the largest
   * remainders (ties: the earlier line).
   */
  private static long allocateTax(List<LineInput> lines, long[] allocated) {
    BigInteger remainderSumNumerator = BigInteger.ZERO;
    BigInteger remainderSumDenominator = BigInteger.ONE;
    List<Integer> withRemainder = new ArrayList<>();
    long floors = 0;
    for (int i = 0; i < lines.size(); i++) {
      LineInput line = lines.get(i);
      BigInteger exactNumerator = BigInteger.valueOf(line.tax()).multiply(BigInteger.valueOf(line.quantityRefunded()));
      BigInteger ordered = BigInteger.valueOf(line.quantityOrdered());
      BigInteger[] qr = exactNumerator.divideAndRemainder(ordered);
      allocated[i] = qr[0].longValueExact();
      floors += allocated[i];
      if (qr[1].signum() > 0) {
        withRemainder.add(i);
        // remainderSum += qr[1] / ordered
        remainderSumNumerator = remainderSumNumerator.multiply(ordered).add(qr[1].multiply(remainderSumDenominator));
        remainderSumDenominator = remainderSumDenominator.multiply(ordered);
      }
    }
    // extra cents = round half up of the sum of remainders
    long extra = BigInteger.TWO.multiply(remainderSumNumerator).add(remainderSumDenominator)
        .divide(BigInteger.TWO.multiply(remainderSumDenominator)).longValueExact();
    withRemainder.sort(Comparator.<Integer, Fraction>comparing(i -> remainder(lines.get(i))).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (int k = 0; k < extra; k++) {
      allocated[withRemainder.get(k)]++;
    }
    return floors + extra;
  }

  private static Fraction remainder(LineInput line) {
    long remainder = BigInteger.valueOf(line.tax()).multiply(BigInteger.valueOf(line.quantityRefunded()))
        .mod(BigInteger.valueOf(line.quantityOrdered())).longValueExact();
    return new Fraction(remainder, line.quantityOrdered());
  }

  private record Fraction(long numerator, long denominator) implements Comparable<Fraction> {
    @Override
    public int compareTo(Fraction other) {
      return BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(other.denominator))
          .compareTo(BigInteger.valueOf(other.numerator).multiply(BigInteger.valueOf(denominator)));
    }
  }

  private static long multiplyDivideFloor(long amount, long multiplier, long divisor) {
    return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(multiplier))
        .divide(BigInteger.valueOf(divisor)).longValueExact();
  }

  private static long divideHalfUp(BigInteger numerator, BigInteger denominator) {
    return numerator.multiply(BigInteger.TWO).add(denominator).divide(denominator.multiply(BigInteger.TWO))
        .longValueExact();
  }
}
