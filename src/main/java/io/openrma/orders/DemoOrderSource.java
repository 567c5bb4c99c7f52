package io.openrma.orders;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.openrma.orders.Order.Address;
import io.openrma.orders.Order.Customer;
import io.openrma.orders.Order.Line;
import io.openrma.orders.Order.Payment;
import io.openrma.returns.ItemCategory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Made-up orders, so the demo run and the customer portal work without a shop: apparel in sizes,
 * electronics, a final-sale dress, a partly fulfilled order, one delivered outside the return window,
 * one paid through Shopify Payments and one still on its way. Dated from the clock at each lookup, so
 * they stay inside or outside the window on any day. Stripe-paid ones carry PaymentIntent ids the
 * simulated Stripe refunds; {@code #1001}'s buyer is also a Stripe customer, so it can get store credit, and its
 * T-shirt and chinos come in other sizes to exchange for. On with {@code openrma.orders.demo-source} (demo run, tests; off under postgres).
 */
@Component
@ConditionalOnProperty(name = "openrma.orders.demo-source", havingValue = "true")
public class DemoOrderSource implements OrderSource {

  private static final Logger log = LoggerFactory.getLogger(DemoOrderSource.class);
  private static final String APPAREL = "apparel";
  /** The other sizes the demo shop has of #1001's apparel, by the SKU ordered: what an exchange can get instead. */
  private static final java.util.Map<String, List<Order.Variant>> OTHER_SIZES = java.util.Map.of(
      "TSHIRT-MERINO-M", List.of(size("TSHIRT-MERINO-S", "S"), size("TSHIRT-MERINO-L", "L")),
      "CHINO-SLIM-3232", List.of(size("CHINO-SLIM-3032", "30/32"), size("CHINO-SLIM-3432", "34/32"),
          size("CHINO-SLIM-3234", "32/34")));

  private final Clock clock;

  public DemoOrderSource(Clock clock) {
    this.clock = clock;
    log.warn("Order source demo: SIMULATED (orders #1001 to #1007 are made up; "
        + "set openrma.orders.demo-source=false once a shop is connected)");
  }

  @Override
  public String name() {
    return "demo";
  }

  @Override
  public Optional<Order> find(String orderNumber, String emailOrPostalCode) {
    return orders().stream().filter(o -> o.hasNumber(orderNumber) && o.belongsTo(emailOrPostalCode)).findFirst();
  }

  @Override
  public Optional<Order> get(String orderId) {
    return orders().stream().filter(o -> o.orderId().equals(orderId)).findFirst();
  }

  /** The other sizes of the line's product; the demo's "Arrange exchange" task shows the one chosen. */
  @Override
  public List<Order.Variant> exchangeVariants(Order order, String lineItemId) {
    return order.line(lineItemId).map(line -> OTHER_SIZES.getOrDefault(line.sku(), List.of())).orElse(List.of());
  }

  private static Order.Variant size(String sku, String title) {
    return new Order.Variant("DEMO-VARIANT-" + sku, title, sku);
  }

  /** The demo orders as of now. */
  public List<Order> orders() {
    return List.of(
        order(1001, "Jane Doe", "jane.doe@example.com", new Address("Hauptstr. 1", null, "Berlin", null, "10115", "DE"),
            9, 5, 490, stripeCustomer(1001, 12_973),
            line(1001, 1, "TSHIRT-MERINO-M", "Merino T-shirt, size M", 2, 2, 0, 2_250, 855, ItemCategory.APPAREL,
                APPAREL),
            line(1001, 2, "CHINO-SLIM-3232", "Slim chinos, 32/32", 1, 1, 0, 5_990, 1_138, ItemCategory.APPAREL,
                APPAREL)),
        order(1002, "Max Mustermann", "max.mustermann@example.com",
            new Address("Jungfernstieg 7", "3. OG", "Hamburg", null, "20354", "DE"), 16, 12, 0, stripe(1002, 33_165),
            line(1002, 1, "HEADPHONES-NC700", "Noise-cancelling headphones", 1, 1, 0, 24_900, 4_731,
                ItemCategory.ELECTRONICS, "electronics"),
            line(1002, 2, "CABLE-USBC-2M", "USB-C cable, 2 m", 3, 3, 1, 990, 564, ItemCategory.ELECTRONICS,
                "electronics", "accessories")),
        order(1003, "Sofia Rossi", "sofia.rossi@example.com",
            new Address("Marienplatz 3", null, "München", "BY", "80331", "DE"), 11, 8, 490, stripe(1003, 5_821),
            line(1003, 1, "DRESS-SUMMER-S", "Summer dress, size S (sale)", 1, 1, 0, 2_990, 568, ItemCategory.FINAL_SALE,
                APPAREL, "final-sale"),
            line(1003, 2, "TOTE-CANVAS", "Canvas tote bag", 1, 1, 0, 1_490, 283, ItemCategory.GENERAL, "accessories")),
        order(1004, "Lukas Weber", "lukas.weber@example.com",
            new Address("Ehrenstr. 12", null, "Köln", null, "50672", "DE"), 7, 3, 490, stripe(1004, 21_886),
            // the second pair is on backorder: only one was shipped
            line(1004, 1, "SHOES-RUN-43", "Running shoes, size 43", 2, 1, 0, 8_990, 3_416, ItemCategory.APPAREL,
                "shoes")),
        order(1005, "Emma Schmidt", "emma.schmidt@example.com",
            new Address("Zeil 90", null, "Frankfurt am Main", null, "60313", "DE"), 49, 45, 0, stripe(1005, 17_731),
            line(1005, 1, "COAT-WOOL-L", "Wool coat, size L", 1, 1, 0, 14_900, 2_831, ItemCategory.APPAREL, APPAREL)),
        order(1006, "Noah Becker", "noah.becker@example.com",
            new Address("Augustusplatz 9", null, "Leipzig", null, "04109", "DE"), 10, 6, 490,
            new Payment("shopify_payments", null, "DEMO-TX-1006", 4_643),
            line(1006, 1, "MUG-SET-4", "Ceramic mug set, 4 pieces", 1, 1, 0, 3_490, 663, ItemCategory.GENERAL,
                "home")),
        order(1007, "Mia Fischer", "mia.fischer@example.com",
            new Address("Königstr. 28", null, "Stuttgart", null, "70173", "DE"), 2, -1, 490, stripe(1007, 9_401),
            line(1007, 1, "JACKET-RAIN-M", "Rain jacket, size M", 1, 1, 0, 7_490, 1_421, ItemCategory.APPAREL,
                APPAREL)));
  }

  /** {@code deliveredDaysAgo} below 0: shipped, not delivered yet. */
  private Order order(int number, String name, String email, Address address, int placedDaysAgo, int deliveredDaysAgo,
      long shipping, Payment payment, Line... lines) {
    Instant now = clock.instant();
    Instant delivered = deliveredDaysAgo < 0 ? null : now.minus(Duration.ofDays(deliveredDaysAgo));
    return new Order(name(), "DEMO-" + number, "#" + number, now.minus(Duration.ofDays(placedDaysAgo)), "EUR",
        new Customer("DEMO-C-" + number, name, email, "+49 30 1234" + number, address), List.of(lines), shipping,
        delivered, payment);
  }

  private static Line line(int number, int lineNo, String sku, String title, int quantity, int fulfilled,
      int returnedAtSource, long unitPrice, long tax, ItemCategory category, String... tags) {
    return new Line("DEMO-" + number + "-" + lineNo, sku, title, quantity, fulfilled, returnedAtSource, unitPrice, tax,
        Set.of(tags), category);
  }

  private static Payment stripe(int number, long amountCaptured) {
    return new Payment("stripe", "pi_3DemoOrder" + number, "DEMO-TX-" + number, amountCaptured);
  }

  /** Paid with Stripe by a customer with an account there: the order can also be made right with store credit. */
  private static Payment stripeCustomer(int number, long amountCaptured) {
    return new Payment("stripe", "pi_3DemoOrder" + number, "DEMO-TX-" + number, amountCaptured,
        "cus_DemoCustomer" + number);
  }
}
