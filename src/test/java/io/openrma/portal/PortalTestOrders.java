package io.openrma.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.openrma.orders.Order;
import io.openrma.orders.OrderSource;
import io.openrma.returns.ItemCategory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Orders only the portal's tests know (source {@code portal-test}), a fresh one per test, so that tests sharing
 * one database never return each other's units, nor the demo orders other tests rely on. Order {@code #7nnnnn}
 * belongs to {@code buyer7nnnnn@example.com} (postal code 10115): chinos (1), T-shirts (2 of 2), a final-sale
 * dress (only the chinos come in other sizes, 30/32 and 34/32, to exchange for); delivered five days ago, paid with Stripe by Stripe customer {@code cus_portal7nnnnn}.
 */
@TestConfiguration(proxyBeanMethods = false)
class PortalTestOrders {

  private static final AtomicInteger NEXT = new AtomicInteger(700_000);

  /** A number no test used yet. */
  static String next() {
    return "#" + NEXT.incrementAndGet();
  }

  static String email(String orderNumber) {
    return "buyer" + orderNumber.replace("#", "") + "@example.com";
  }

  @Bean
  OrderSource portalTestOrders(Clock clock) {
    return new OrderSource() {
      @Override
      public String name() {
        return "portal-test";
      }

      @Override
      public Optional<Order> find(String orderNumber, String emailOrPostalCode) {
        String number = orderNumber.trim().startsWith("#") ? orderNumber.trim() : "#" + orderNumber.trim();
        if (!number.matches("#7\\d{5}")) {
          return Optional.empty();
        }
        return Optional.of(order(number, clock.instant())).filter(o -> o.belongsTo(emailOrPostalCode));
      }

      /** The chinos come in two other sizes; the other lines in none. */
      @Override
      public List<Order.Variant> exchangeVariants(Order order, String lineItemId) {
        String id = order.orderId().substring(3);
        return lineItemId.equals("PT-" + id + "-1")
            ? List.of(new Order.Variant("PT-V-" + id + "-3032", "30/32", "CHINO-" + id + "-3032"),
                new Order.Variant("PT-V-" + id + "-3432", "34/32", "CHINO-" + id + "-3432"))
            : List.of();
      }

      @Override
      public Optional<Order> get(String orderId) {
        return orderId.startsWith("PT-")
            ? Optional.of(order("#" + orderId.substring(3), clock.instant()))
            : Optional.empty();
      }
    };
  }

  static Order order(String number, Instant now) {
    String id = number.substring(1);
    return new Order("portal-test", "PT-" + id, number, now.minus(Duration.ofDays(8)), "EUR",
        new Order.Customer("PT-C-" + id, "Pat Tester", email(number), null,
            new Order.Address("Hauptstr. 1", null, "Berlin", null, "10115", "DE")),
        List.of(
            new Order.Line("PT-" + id + "-1", "CHINO-" + id, "Slim chinos", 1, 1, 0, 5_990, 1_138, Set.of("apparel"),
                ItemCategory.APPAREL),
            new Order.Line("PT-" + id + "-2", "TSHIRT-" + id, "Merino T-shirt", 2, 2, 0, 2_250, 855,
                Set.of("apparel"), ItemCategory.APPAREL),
            new Order.Line("PT-" + id + "-3", "DRESS-" + id, "Summer dress (sale)", 1, 1, 0, 2_990, 568,
                Set.of("final-sale"), ItemCategory.FINAL_SALE)),
        490, now.minus(Duration.ofDays(5)), new Order.Payment("stripe", "pi_portal" + id, "PT-TX-" + id, 12_973,
            "cus_portal" + id));
  }
}
