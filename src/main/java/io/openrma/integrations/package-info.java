/**
 * The merchant's other systems, each behind a small interface: {@code payments} (Stripe),
 * {@code shipping} (return labels, ShipStation), {@code helpdesk} (Zendesk), {@code notifications}
 * (email, Slack), {@code shopify} (the store's Admin API). Each has a live adapter and, for the demo
 * run without credentials, a simulator that says loudly that it is simulating (Shopify: the
 * {@code shopify} order source is absent). Calls that change something take an idempotency key
 * derived from the RMA number and the step, so an engine retry never does the work twice.
 */
package io.openrma.integrations;
