package io.openrma.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.metrics.*}.
 *
 * @param refreshInterval how long the gauges' counts (returns by status, incidents, job backlog) are reused
 *                        before the next scrape queries again; two replicas scraped every 15 s then cost a
 *                        handful of count queries per scrape at most
 */
@ConfigurationProperties("openrma.metrics")
public record MetricsSettings(@DefaultValue("10s") Duration refreshInterval) {
}
