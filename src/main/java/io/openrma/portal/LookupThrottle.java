package io.openrma.portal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.openrma.security.Throttle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Order lookups counted per client address and per order number ({@code openrma.portal.lookups.*}), so nobody
 * can try emails for one order, or order numbers from one address, faster than a person would. Every lookup
 * counts, found or not. The counting is the same {@link Throttle} as the staff login's.
 */
@Component
class LookupThrottle {

  private static final Logger log = LoggerFactory.getLogger(LookupThrottle.class);

  private final Throttle<String> perAddress;
  private final Throttle<String> perOrder;

  LookupThrottle(PortalProperties properties, Clock clock) {
    PortalProperties.Lookups lookups = properties.lookups();
    this.perAddress = new Throttle<>(lookups.perAddress(), lookups.window(), lookups.window(), lookups.maxEntries(),
        clock);
    this.perOrder = new Throttle<>(lookups.perOrder(), lookups.window(), lookups.window(), lookups.maxEntries(),
        clock);
  }

  /**
   * Counts one lookup, unless the address or the order number must wait: then how long, and nothing is
   * counted.
   */
  Optional<Duration> lookup(String address, String orderNumber) {
    String order = normalise(orderNumber);
    Optional<Duration> wait = perAddress.refusedFor(address).or(() -> perOrder.refusedFor(order));
    if (wait.isPresent()) {
      return wait;
    }
    if (perAddress.record(address)) {
      log.warn("Portal: too many order lookups from {}; refused for a while", address);
    }
    if (perOrder.record(order)) {
      log.warn("Portal: too many lookups of one order number; it is refused for a while");
    }
    return Optional.empty();
  }

  /** {@code #1001}, {@code 1001} and {@code  #1001 } are one order number. */
  private static String normalise(String orderNumber) {
    String text = orderNumber == null ? "" : orderNumber.trim().toUpperCase(Locale.ROOT);
    return text.startsWith("#") ? text.substring(1).trim() : text;
  }
}
