package io.openrma.orders;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.orders.*}: which orders can be returned.
 *
 * @param returnWindow how long after delivery an order's units can be returned
 * @param finalSaleTag the product tag that makes a line not returnable
 * @param demoSource   whether the made-up {@code demo} orders answer (demo run and tests; off under postgres)
 */
@ConfigurationProperties("openrma.orders")
public record OrdersProperties(@DefaultValue("P30D") Period returnWindow,
    @DefaultValue("final-sale") String finalSaleTag,
    @DefaultValue("false") boolean demoSource) {
}
