/** Payments: refunds, subscriptions and store credit (Stripe, or the simulator). Exposed to the other modules as the named interface {@code payments}. */
@NamedInterface("payments")
package io.openrma.integrations.payments;

import org.springframework.modulith.NamedInterface;
