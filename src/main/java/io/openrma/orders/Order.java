package io.openrma.orders;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.openrma.returns.ItemCategory;

/**
 * An order as its source knows it. Amounts are minor units of {@code currency}.
 *
 * @param source      the {@link OrderSource}'s name, e.g. {@code demo}
 * @param orderId     the source's id of the order, kept on the return
 * @param orderNumber what the customer sees, e.g. {@code #1001}
 * @param shipping    shipping charged on the order
 * @param deliveredAt when it was delivered: the delivery event, or the fulfillment when there is none;
 *                    {@code null} while nothing was delivered
 * @param unitsInSourceReturns the units each of the source's own returns holds, by the return's id and the line
 *                    item id: what makes up the lines' {@code returnedAtSource} (Shopify's returns; empty for
 *                    sources without returns of their own)
 */
public record Order(String source, String orderId, String orderNumber, Instant placedAt, String currency,
    Customer customer, List<Line> lines, long shipping, Instant deliveredAt, Payment payment,
    Map<String, Map<String, Integer>> unitsInSourceReturns) {

  public Order {
    lines = List.copyOf(lines);
    unitsInSourceReturns = unitsInSourceReturns == null ? Map.of() : Map.copyOf(unitsInSourceReturns);
  }

  /** An order of a source without returns of its own. */
  public Order(String source, String orderId, String orderNumber, Instant placedAt, String currency,
      Customer customer, List<Line> lines, long shipping, Instant deliveredAt, Payment payment) {
    this(source, orderId, orderNumber, placedAt, currency, customer, lines, shipping, deliveredAt, payment, Map.of());
  }

  /**
   * The order as it stands for a return that takes over the source's own return {@code returnId} (a
   * customer's request in Shopify): that return's units are the ones being returned, not units returned
   * before it.
   */
  public Order withoutSourceReturn(String returnId) {
    Map<String, Integer> units = returnId == null ? Map.of() : unitsInSourceReturns.getOrDefault(returnId, Map.of());
    if (units.isEmpty()) {
      return this;
    }
    List<Line> adjusted = lines.stream().map(l -> new Line(l.lineItemId(), l.sku(), l.title(), l.quantity(),
        l.fulfilled(), Math.max(0, l.returnedAtSource() - units.getOrDefault(l.lineItemId(), 0)), l.unitPrice(),
        l.tax(), l.tags(), l.category())).toList();
    Map<String, Map<String, Integer>> others = new java.util.HashMap<>(unitsInSourceReturns);
    others.remove(returnId); // once out, out: taking the same return out again changes nothing
    return new Order(source, orderId, orderNumber, placedAt, currency, customer, adjusted, shipping, deliveredAt,
        payment, others);
  }

  /** The buyer and where the order went (the return label is shipped from there). */
  public record Customer(String customerId, String name, String email, String phone, Address shippingAddress) {
  }

  public record Address(String line1, String line2, String city, String province, String postalCode,
      String countryCode) {
  }

  /**
   * One order line.
   *
   * @param quantity       units ordered
   * @param fulfilled      units shipped to the customer
   * @param returnedAtSource units already returned in the source itself (e.g. a return made in Shopify)
   * @param unitPrice      one unit after all discounts, before tax
   * @param tax            tax on the whole line
   * @param tags           the product's tags, e.g. {@code final-sale}
   * @param category       the category OpenRMA's return policy uses
   */
  public record Line(String lineItemId, String sku, String title, int quantity, int fulfilled, int returnedAtSource,
      long unitPrice, long tax, Set<String> tags, ItemCategory category) {

    public Line {
      tags = Set.copyOf(tags);
    }

    /** Title and SKU, as a customer and a support agent recognise the line. */
    public String label() {
      return title + " (" + sku + ")";
    }
  }

  /**
   * How the order was paid.
   *
   * @param gateway         e.g. {@code stripe}, {@code shopify_payments}
   * @param paymentIntentId Stripe's PaymentIntent ({@code pi_...}) when the gateway is Stripe, else {@code null}
   * @param transactionId   the source's transaction a refund goes against
   * @param amountCaptured  what the customer paid in total
   * @param stripeCustomerId the Stripe customer ({@code cus_...}) whose balance store credit goes to; {@code null}
   *                        when the source knows none, and then the order cannot get store credit
   */
  public record Payment(String gateway, String paymentIntentId, String transactionId, long amountCaptured,
      String stripeCustomerId) {

    /** A payment without a Stripe customer. */
    public Payment(String gateway, String paymentIntentId, String transactionId, long amountCaptured) {
      this(gateway, paymentIntentId, transactionId, amountCaptured, null);
    }
  }

  /**
   * A variant of a line's product the customer can get instead, as the source names it.
   *
   * @param id    the source's id, sent as the return line's {@code exchangeVariantId}
   * @param title what the customer chooses by, e.g. {@code L} or {@code 34/32}
   */
  public record Variant(String id, String title, String sku) {
  }

  public Optional<Line> line(String lineItemId) {
    return lines.stream().filter(l -> l.lineItemId().equals(lineItemId)).findFirst();
  }

  /**
   * Whether the customer proved the order is theirs: its email (case ignored) or the postal code of its
   * shipping address (spaces and case ignored).
   */
  public boolean belongsTo(String emailOrPostalCode) {
    if (emailOrPostalCode == null || emailOrPostalCode.isBlank()) {
      return false;
    }
    String given = emailOrPostalCode.trim();
    if (customer.email() != null && customer.email().trim().equalsIgnoreCase(given)) {
      return true;
    }
    String postalCode = customer.shippingAddress() == null ? null : customer.shippingAddress().postalCode();
    return postalCode != null && !postalCode.isBlank() && compact(postalCode).equals(compact(given));
  }

  /** {@code #1001}, {@code 1001} and {@code  #1001 } are the same order number. */
  public boolean hasNumber(String number) {
    return number != null && stripHash(orderNumber).equalsIgnoreCase(stripHash(number));
  }

  private static String stripHash(String number) {
    String trimmed = number.trim();
    return trimmed.startsWith("#") ? trimmed.substring(1).trim() : trimmed;
  }

  private static String compact(String text) {
    return text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }
}
