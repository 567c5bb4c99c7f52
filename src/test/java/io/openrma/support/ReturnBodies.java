package io.openrma.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/returns} bodies. Every request has its own customer, so the policy's "frequent
 * returner" rule never sees the other tests' returns. The default return is approved automatically
 * and refunds 69.02 EUR: 40.00 + 7.60 tax for the shirt, 2 of 3 socks at 27.00 net + 5.13 tax.
 */
public final class ReturnBodies {

  public static final long REFUND_OF_DEFAULT_RETURN = 6_902;

  private ReturnBodies() {
  }

  public static Map<String, Object> refundReturn(String paymentIntentId, String ticketId, String subscriptionId) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("orderId", "SO-" + UUID.randomUUID().toString().substring(0, 8));
    order.put("orderDate", LocalDate.now().minusDays(10).toString());
    order.put("deliveryDate", LocalDate.now().minusDays(5).toString());
    order.put("currency", "EUR");
    order.put("amountCaptured", 9_000);
    order.put("shippingPaid", 490);
    order.put("paymentIntentId", paymentIntentId);
    if (subscriptionId != null) {
      order.put("subscriptionId", subscriptionId);
    }
    order.put("stripeCustomerId", "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14));
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("line1", "1600 Amphitheatre Pkwy");
    address.put("city", "Mountain View");
    address.put("state", "CA");
    address.put("postalCode", "94043");
    address.put("country", "US");
    Map<String, Object> customer = new LinkedHashMap<>();
    customer.put("customerId", "C-" + UUID.randomUUID());
    customer.put("name", "Ada Lovelace");
    customer.put("email", "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    customer.put("phone", "+1 650 555 0100");
    customer.put("address", address);
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("order", order);
    request.put("customer", customer);
    if (ticketId != null) {
      request.put("ticketId", ticketId);
    }
    request.put("resolution", "REFUND");
    request.put("lines", List.of(
        line("SKU-TEE-M", "Organic tee, M", 1, 1, 4_000, 0, 760),
        line("SKU-SOCK-3", "Wool socks", 3, 2, 1_000, 300, 513)));
    return request;
  }

  private static Map<String, Object> line(String sku, String description, int ordered, int returned, long unitPrice,
      long discount, long tax) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("sku", sku);
    line.put("description", description);
    line.put("quantityOrdered", ordered);
    line.put("quantityReturned", returned);
    line.put("unitPrice", unitPrice);
    line.put("discount", discount);
    line.put("tax", tax);
    line.put("reason", "DOES_NOT_FIT");
    line.put("condition", "NEW");
    return line;
  }
}
