package io.openrma.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import io.openrma.returns.OrderReturnRequest;
import io.openrma.system.ApiProblems.Violation;

/**
 * Which units of an order can still be returned: units fulfilled, less those already returned at the
 * source and those in OpenRMA's own returns of the order that are not void; within the return window
 * counted from delivery (the last day included); never a line whose product carries the final-sale tag.
 * Each refusal names the line ({@code lines[0].quantity}) and says why in words a customer understands.
 * Pure: the units in OpenRMA's returns come in as a function of the SKU.
 */
public class Eligibility {

  private final Period window;
  private final String finalSaleTag;
  private final Clock clock;

  public Eligibility(Period window, String finalSaleTag, Clock clock) {
    this.window = window;
    this.finalSaleTag = finalSaleTag;
    this.clock = clock;
  }

  /**
   * Every reason the requested lines cannot be returned as asked; empty when they can.
   *
   * @param unitsInOwnReturns units of a SKU already in OpenRMA's non-void returns of this order
   */
  public List<Violation> check(Order order, List<OrderReturnRequest.Line> requested,
      ToIntFunction<String> unitsInOwnReturns) {
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      OrderReturnRequest.Line wanted = requested.get(i);
      String at = "lines[" + i + "].";
      Optional<Order.Line> found = order.line(wanted.lineItemId());
      if (found.isEmpty()) {
        violations.add(new Violation(at + "lineItemId",
            "is not a line of order " + order.orderNumber() + " (" + wanted.lineItemId() + ")"));
        continue;
      }
      Order.Line line = found.get();
      if (!seen.add(line.lineItemId())) {
        violations.add(new Violation(at + "lineItemId", line.label() + " appears twice: return it as one line"));
        continue;
      }
      reasonNotReturnable(order, line, wanted.quantity(), unitsInOwnReturns.applyAsInt(line.sku()))
          .ifPresent(why -> violations.add(new Violation(at + "quantity", line.label() + ": " + why)));
    }
    return violations;
  }

  /** How many units of the line can still be returned, ignoring the window and the tag. */
  public static int returnable(Order.Line line, int unitsInOwnReturns) {
    return Math.max(0, line.fulfilled() - line.returnedAtSource() - unitsInOwnReturns);
  }

  /** Why a line cannot be returned, for pages that word it themselves (the customer portal). */
  public enum Refusal {
    FINAL_SALE, NOT_SHIPPED, NOT_DELIVERED, OUTSIDE_WINDOW, ALREADY_RETURNED
  }

  /**
   * What one line of the order allows.
   *
   * @param returnable        units that can still be returned (0 when refused)
   * @param refusal           why none can, or {@code null}
   * @param daysSinceDelivery days since the order was delivered; -1 before delivery
   * @param windowDays        how many days after delivery a unit can be returned
   */
  public record LineVerdict(Order.Line line, int returnable, Refusal refusal, long daysSinceDelivery,
      long windowDays) {

    public boolean eligible() {
      return refusal == null;
    }
  }

  /** What {@code line} of {@code order} allows, given the units already in OpenRMA's returns of it. */
  public LineVerdict verdict(Order order, Order.Line line, int unitsInOwnReturns) {
    LocalDate today = LocalDate.now(clock);
    long days = order.deliveredAt() == null
        ? -1
        : ChronoUnit.DAYS.between(LocalDate.ofInstant(order.deliveredAt(), clock.getZone()), today);
    int returnable = returnable(line, unitsInOwnReturns);
    Refusal refusal = null;
    if (line.tags().stream().anyMatch(finalSaleTag::equalsIgnoreCase)) {
      refusal = Refusal.FINAL_SALE;
    } else if (line.fulfilled() == 0) {
      refusal = Refusal.NOT_SHIPPED;
    } else if (order.deliveredAt() == null) {
      refusal = Refusal.NOT_DELIVERED;
    } else if (today.isAfter(LocalDate.ofInstant(order.deliveredAt(), clock.getZone()).plus(window))) {
      refusal = Refusal.OUTSIDE_WINDOW;
    } else if (returnable == 0) {
      refusal = Refusal.ALREADY_RETURNED;
    }
    long windowDays = ChronoUnit.DAYS.between(today, today.plus(window));
    return new LineVerdict(line, refusal == null ? returnable : 0, refusal, days, windowDays);
  }

  private Optional<String> reasonNotReturnable(Order order, Order.Line line, int quantity, int unitsInOwnReturns) {
    LineVerdict verdict = verdict(order, line, unitsInOwnReturns);
    if (verdict.refusal() != null && verdict.refusal() != Refusal.ALREADY_RETURNED) {
      return Optional.of(switch (verdict.refusal()) {
        case FINAL_SALE -> "final sale; final-sale items cannot be returned";
        case NOT_SHIPPED -> "not shipped yet; it can be returned once it was delivered";
        case NOT_DELIVERED -> "not delivered yet; it can be returned once it was delivered";
        default -> "delivered " + verdict.daysSinceDelivery() + " days ago; returns are accepted for "
            + describe(window);
      });
    }
    int returnable = returnable(line, unitsInOwnReturns);
    if (quantity > returnable) {
      int earlier = line.returnedAtSource() + unitsInOwnReturns;
      return Optional.of("only " + returnable + " of " + line.fulfilled() + " fulfilled units can still be returned"
          + (earlier > 0 ? " (" + earlier + " already returned or in a return)" : ""));
    }
    return Optional.empty();
  }

  private static String describe(Period period) {
    if (period.getYears() == 0 && period.getMonths() == 0) {
      return period.getDays() == 1 ? "1 day" : period.getDays() + " days";
    }
    return period.toString();
  }
}
