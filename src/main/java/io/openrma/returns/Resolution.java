package io.openrma.returns;

/** How the customer is made whole. */
public enum Resolution {
  /** Money back to the original payment. */
  REFUND,
  /** Credit on the customer's account with the merchant (a Stripe customer balance). */
  STORE_CREDIT,
  /** A replacement instead of money; customer service arranges it. */
  EXCHANGE,
  /** Money back and the customer keeps the item (not worth shipping back). */
  KEEP_ITEM
}
