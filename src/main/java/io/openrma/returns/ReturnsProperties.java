package io.openrma.returns;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.returns.*}: the merchant's rules that the API enforces before a return exists.
 *
 * @param windowDays         days after delivery in which a return may be requested at all (the
 *                           return policy decides within that window, e.g. late returns go to review)
 * @param priorReturnsPeriod how far back the policy counts a customer's earlier returns
 */
@ConfigurationProperties("openrma.returns")
public record ReturnsProperties(@DefaultValue("60") int windowDays, @DefaultValue("365d") Duration priorReturnsPeriod) {
}
