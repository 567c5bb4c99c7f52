package io.openrma.integrations.notifications;

import java.util.Optional;

/**
 * Where a customer follows their return: the link every customer email carries, made by the customer portal
 * (a signed, expiring link to its status page). Without a portal, emails carry none.
 */
public interface StatusPageLinks {

  /** The status page of this return, e.g. {@code https://returns.shop.example/returns/status/RMA-001234.17...}. */
  Optional<String> statusPage(String rmaNumber);
}
