package io.openrma.orders;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.openrma.returns.ReturnService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Orders for pages a customer uses (the returns portal): an order found in any source by its number and the
 * customer's email or postal code, and what each of its lines still allows. A wrong pair answers empty,
 * exactly as an unknown order.
 */
@Service
public class OrderLookup {

  private final List<OrderSource> sources;
  private final ReturnService returns;
  private final Eligibility eligibility;

  OrderLookup(ObjectProvider<OrderSource> sources, ReturnService returns, OrdersProperties properties, Clock clock) {
    this.sources = sources.orderedStream().toList();
    this.returns = returns;
    this.eligibility = new Eligibility(properties.returnWindow(), properties.finalSaleTag(), clock);
  }

  /** The order, from the first source that knows it with this email or postal code. */
  public Optional<Order> find(String orderNumber, String emailOrPostalCode) {
    if (orderNumber == null || orderNumber.isBlank() || emailOrPostalCode == null || emailOrPostalCode.isBlank()) {
      return Optional.empty();
    }
    for (OrderSource source : sources) {
      Optional<Order> order = source.find(orderNumber.trim(), emailOrPostalCode.trim());
      if (order.isPresent()) {
        return order;
      }
    }
    return Optional.empty();
  }

  /** Every line of the order with what it still allows, in the order's own sequence. */
  public List<Eligibility.LineVerdict> lines(Order order) {
    return order.lines().stream()
        .map(line -> eligibility.verdict(order, line, returns.unitsInReturns(order.orderId(), line.sku())))
        .toList();
  }

  /** Whether OpenRMA can pay money back to this order's payment (else only store credit or an exchange). */
  public boolean refundsPayment(Order order) {
    return OrderReturns.refundsPayment(order);
  }

  /**
   * What the order's line can be exchanged for in its source (empty: the source does not exchange, customer service
   * arranges it).
   */
  public List<Order.Variant> exchangeVariants(Order order, String lineItemId) {
    return sources.stream().filter(s -> s.name().equals(order.source())).findFirst()
        .map(s -> s.exchangeVariants(order, lineItemId)).orElse(List.of());
  }

  /** Whether the order has a Stripe customer whose balance store credit can go to. */
  public boolean givesStoreCredit(Order order) {
    return OrderReturns.givesStoreCredit(order);
  }
}
