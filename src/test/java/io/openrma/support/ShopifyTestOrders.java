package io.openrma.support;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.openrma.orders.DemoOrderSource;
import io.openrma.orders.Order;
import io.openrma.orders.OrderSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The demo orders as a Shopify store would hand them out, for process tests that need a return from a Shopify
 * order without a Shopify stand-in: source {@code shopify}, Shopify's gids for orders, line items and
 * transactions. #1001 is paid through Stripe, #1006 through Shopify Payments.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ShopifyTestOrders {

  @Bean
  OrderSource shopifyTestOrderSource(Clock clock) {
    DemoOrderSource demo = new DemoOrderSource(clock);
    return new OrderSource() {
      @Override
      public String name() {
        return "shopify";
      }

      @Override
      public Optional<Order> find(String orderNumber, String emailOrPostalCode) {
        return orders(demo).stream().filter(o -> o.hasNumber(orderNumber) && o.belongsTo(emailOrPostalCode))
            .findFirst();
      }

      @Override
      public Optional<Order> get(String orderId) {
        return orders(demo).stream().filter(o -> o.orderId().equals(orderId)).findFirst();
      }
    };
  }

  /** {@code gid://shopify/LineItem/1001-1} for the first line of #1001. */
  public static String lineItemId(int orderNumber, int lineNo) {
    return "gid://shopify/LineItem/" + orderNumber + lineNo;
  }

  private static List<Order> orders(DemoOrderSource demo) {
    return demo.orders().stream().map(ShopifyTestOrders::asShopify).toList();
  }

  private static Order asShopify(Order demo) {
    String number = demo.orderNumber().substring(1);
    List<Order.Line> lines = demo.lines().stream().map(l -> new Order.Line(
        lineItemId(Integer.parseInt(number), Integer.parseInt(l.lineItemId().substring(l.lineItemId().lastIndexOf('-')
            + 1))),
        l.sku(), l.title(), l.quantity(), l.fulfilled(), l.returnedAtSource(), l.unitPrice(), l.tax(),
        l.tags(), l.category())).toList();
    Order.Payment p = demo.payment();
    Order.Payment payment = new Order.Payment(p.gateway(), p.paymentIntentId(),
        "gid://shopify/OrderTransaction/" + number, p.amountCaptured());
    return new Order("shopify", "gid://shopify/Order/" + number, demo.orderNumber(), demo.placedAt(),
        demo.currency(), demo.customer(), lines, demo.shipping(), demo.deliveredAt(), payment);
  }
}
