package io.openrma.orders;

import java.util.List;
import java.util.Optional;

/**
 * A system that knows the shop's orders (the demo orders; a Shopify store). Implementations are beans; the
 * order reference {@code {"source": name()}} picks one.
 */
public interface OrderSource {

  /** The name order references use, e.g. {@code demo}. */
  String name();

  /**
   * The order with this number, when {@code emailOrPostalCode} is its email (case ignored) or the postal
   * code it was shipped to (spaces and case ignored). A wrong pair answers empty, exactly as an unknown
   * order: nobody learns which order numbers exist.
   */
  Optional<Order> find(String orderNumber, String emailOrPostalCode);

  /** The order with the source's id, for the steps that already know it. */
  Optional<Order> get(String orderId);

  /**
   * What the order's line {@code lineItemId} can be exchanged for in the source itself: the other variants of its
   * product that can be sold now (a size, a colour). Empty for a source that does not make exchanges (customer
   * service arranges them), and for a line without other variants.
   */
  default List<Order.Variant> exchangeVariants(Order order, String lineItemId) {
    return List.of();
  }
}
