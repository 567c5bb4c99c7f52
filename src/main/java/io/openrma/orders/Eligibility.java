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

  private Optional<String> reasonNotReturnable(Order order, Order.Line line, int quantity, int unitsInOwnReturns) {
    if (line.tags().stream().anyMatch(finalSaleTag::equalsIgnoreCase)) {
      return Optional.of("final sale; final-sale items cannot be returned");
    }
    if (line.fulfilled() == 0) {
      return Optional.of("not shipped yet; it can be returned once it was delivered");
    }
    if (order.deliveredAt() == null) {
      return Optional.of("not delivered yet; it can be returned once it was delivered");
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate delivered = LocalDate.ofInstant(order.deliveredAt(), clock.getZone());
    if (today.isAfter(delivered.plus(window))) {
      return Optional
          .of("delivered " + ChronoUnit.DAYS.between(delivered, today) + " days ago; returns are accepted for "
              + describe(window));
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
