package io.openrma.returns;

import java.time.LocalDate;

/**
 * The order a return belongs to, as the shop reported it. Amounts are minor units of {@code currency}.
 *
 * @param amountCaptured   what the customer paid in total (Stripe's captured amount)
 * @param shippingPaid     the shipping charge of the order
 * @param paymentIntentId  Stripe PaymentIntent ({@code pi_...}) refunds go to
 * @param subscriptionId   Stripe subscription ({@code sub_...}) to cancel, if the order started one
 * @param stripeCustomerId Stripe customer ({@code cus_...}) for store credit
 */
public record OrderReference(String orderId, LocalDate orderDate, LocalDate deliveryDate, String currency,
    long amountCaptured, long shippingPaid, String paymentIntentId, String subscriptionId, String stripeCustomerId) {
}
