/**
 * OpenRMA's business and operations metrics (Micrometer; {@code /actuator/prometheus} for
 * {@code camunda-admin}). Gauges are read from the returns table and the engine when scraped (a few
 * cheap counts, cached for {@code openrma.metrics.refresh-interval}); counters, summaries and timers
 * are fed by {@link io.openrma.returns.ReturnStatusChanged} and recorded once the change committed.
 */
package io.openrma.metrics;
