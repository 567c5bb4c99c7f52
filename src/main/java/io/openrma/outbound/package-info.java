/**
 * Outbound events: partners subscribe to a return's status changes by webhook instead of polling.
 * Every status change becomes one signed JSON event per configured subscriber, delivered by the
 * {@code outbound-event-delivery} process (an engine job per delivery, retried on failure, an incident
 * when the retries are used up) and logged attempt by attempt in {@code rma_outbound_attempt}.
 * Nothing happens, and nothing is written, while no subscriber is configured.
 */
package io.openrma.outbound;
