package io.openrma.returns;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.openrma.system.ApiProblems.Violation;
import org.springframework.stereotype.Component;

/**
 * The rules a return request must meet beyond its field formats (those are bean-validation
 * annotations on {@link CreateReturnRequest}): quantities, money, dates, the return window, and
 * what the order's earlier returns already took back. Collects every violation, so a caller
 * fixes all fields at once.
 */
@Component
public class ReturnRequestValidator {

  private final Clock clock;
  private final ReturnsProperties properties;
  private final ReturnRepository repository;

  ReturnRequestValidator(Clock clock, ReturnsProperties properties, ReturnRepository repository) {
    this.clock = clock;
    this.properties = properties;
    this.repository = repository;
  }

  public List<Violation> validate(CreateReturnRequest request) {
    return validate(request, null);
  }

  /**
   * The same for a request made from an order of {@code source}: an order the source itself refunds (a Shopify
   * order paid through Shopify Payments) needs no Stripe PaymentIntent to be refunded.
   */
  public List<Violation> validate(CreateReturnRequest request, SourceOrder source) {
    List<Violation> violations = new ArrayList<>();
    CreateReturnRequest.Order order = request.order();
    LocalDate today = LocalDate.now(clock);
    if (order.deliveryDate().isBefore(order.orderDate())) {
      violations.add(new Violation("order.deliveryDate", "must not be before orderDate " + order.orderDate()));
    }
    if (order.deliveryDate().isAfter(today)) {
      violations.add(new Violation("order.deliveryDate", "is in the future: an order can be returned once delivered"));
    }
    long days = ChronoUnit.DAYS.between(order.deliveryDate(), today);
    if (days > properties.windowDays()) {
      violations.add(new Violation("order.deliveryDate", "the return window of " + properties.windowDays()
          + " days after delivery closed on " + order.deliveryDate().plusDays(properties.windowDays())));
    }
    Resolution resolution = request.resolution() == null ? Resolution.REFUND : request.resolution();
    boolean refundedBySource = source != null && source.refundsPayment();
    if ((resolution == Resolution.REFUND || resolution == Resolution.KEEP_ITEM) && isBlank(order.paymentIntentId())
        && !refundedBySource) {
      violations.add(
          new Violation("order.paymentIntentId", "is required to refund the payment (resolution " + resolution + ")"));
    }
    if (resolution == Resolution.STORE_CREDIT && isBlank(order.stripeCustomerId())) {
      violations.add(new Violation("order.stripeCustomerId", "is required for store credit"));
    }

    Set<String> skus = new HashSet<>();
    long returnedValue = 0;
    for (int i = 0; i < request.lines().size(); i++) {
      CreateReturnRequest.Line line = request.lines().get(i);
      String at = "lines[" + i + "].";
      if (!skus.add(line.sku())) {
        violations.add(new Violation(at + "sku", "SKU " + line.sku() + " appears twice: return it as one line"));
      }
      if (line.quantityReturned() > line.quantityOrdered()) {
        violations.add(
            new Violation(at + "quantityReturned", "must not exceed quantityOrdered (" + line.quantityOrdered() + ")"));
      }
      long gross = line.unitPrice() * line.quantityOrdered();
      long discount = line.discount() == null ? 0 : line.discount();
      if (discount > gross) {
        violations.add(new Violation(at + "discount", "must not exceed unitPrice x quantityOrdered (" + gross + ")"));
      }
      if (line.currency() != null && !line.currency().equals(order.currency())) {
        violations
            .add(new Violation(at + "currency", "is " + line.currency() + " but the order is in " + order.currency()
                + ": one return, one currency"));
      }
      if (line.reason() == ReturnReason.OTHER && isBlank(line.reasonText())) {
        violations.add(new Violation(at + "reasonText", "is required when reason is OTHER"));
      }
      if (line.condition() != null && !line.condition().isReportable()) {
        violations.add(new Violation(at + "condition", "must be one of NEW, OPENED, USED, DAMAGED"));
      }
      int earlier = alreadyReturned(order.orderId(), line.sku());
      if (line.quantityReturned() <= line.quantityOrdered()
          && earlier + line.quantityReturned() > line.quantityOrdered()) { // more than ordered is said above
        violations.add(new Violation(at + "quantityReturned", earlier + " of " + line.quantityOrdered() + " units of "
            + line.sku() + " are already in other returns of order " + order.orderId() + ": at most "
            + (line.quantityOrdered() - earlier) + " can still be returned"));
      }
      returnedValue += Math.max(0, gross - discount) * line.quantityReturned() / line.quantityOrdered()
          + (line.tax() == null ? 0 : line.tax()) * line.quantityReturned() / line.quantityOrdered();
    }
    if ((resolution == Resolution.REFUND || resolution == Resolution.KEEP_ITEM) && order.amountCaptured() == 0
        && returnedValue > 0) {
      violations.add(new Violation("order.amountCaptured", "is 0: nothing was paid that could be refunded"));
    }
    return violations;
  }

  /** Units of this SKU already in returns of the order that are still open or were refunded. */
  private int alreadyReturned(String orderId, String sku) {
    return repository.unitsInReturns(orderId, sku, ReturnStatus.names(ReturnStatus.VOID));
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
