package io.openrma.returns;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The order source a return's order came from ({@code demo}, {@code shopify}) and the source's own
 * records of it. A return typed in by hand has none.
 *
 * @param name          the order source, e.g. {@code shopify}
 * @param orderNumber   what the customer sees, e.g. {@code #1001}
 * @param gateway       how the order was paid, e.g. {@code shopify_payments}, {@code stripe}
 * @param transactionId the source's payment transaction a refund goes against, when the source refunds it
 * @param returnId      the source's own return record mirroring this one (Shopify's {@code gid://shopify/Return/...}),
 *                      once it is opened
 */
public record SourceOrder(String name, String orderNumber, String gateway, String transactionId, String returnId) {

  public static final String SHOPIFY = "shopify";

  @JsonIgnore
  public boolean isShopify() {
    return SHOPIFY.equals(name);
  }

  /**
   * Whether the source itself refunds the payment: a Shopify order paid through anything but Stripe
   * (Shopify Payments, PayPal, ...) is refunded through Shopify; a Stripe payment is refunded in Stripe.
   */
  @JsonIgnore
  public boolean refundsPayment() {
    return isShopify() && transactionId != null && !"stripe".equalsIgnoreCase(gateway);
  }

  SourceOrder withReturnId(String returnId) {
    return new SourceOrder(name, orderNumber, gateway, transactionId, returnId);
  }
}
