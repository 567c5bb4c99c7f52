/**
 * Orders as the shop knows them: an {@link io.openrma.orders.OrderSource} per shop system (the
 * {@code demo} orders; {@link io.openrma.orders.ShopifyOrderSource} while a store is connected) answers
 * an order by number and the customer's email or postal code, and {@link io.openrma.orders.Eligibility}
 * says which of its units can still be returned. The returns record asks for orders only through its
 * {@code OrderReferences} port, which {@link io.openrma.orders.OrderReturns} implements, so this module
 * depends on {@code returns} and never the other way round.
 */
package io.openrma.orders;
