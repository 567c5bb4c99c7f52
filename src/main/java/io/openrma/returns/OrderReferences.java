package io.openrma.returns;

import io.openrma.system.ApiProblems;

/**
 * What the returns record needs from the order sources, implemented by the {@code orders} module (the
 * record does not know Shopify or the demo orders): an order reference made into the full request that
 * {@link ReturnCreation} validates and saves as it does a request typed in by hand.
 */
public interface OrderReferences {

  /**
   * The full request for this order reference. An {@link ApiProblems.InvalidRequest} for an unknown
   * source or lines the order does not allow to return; an {@link ApiProblems.NotFound} when the order
   * is unknown or the email is not the order's (the same answer for both).
   */
  Resolved resolve(OrderReturnRequest request);

  /**
   * The same for a return that takes over the source's own return {@code sourceReturnId} (a customer's
   * request in Shopify): that return's units do not count as returned at the source already, since they
   * are the ones this return is for.
   */
  Resolved resolve(OrderReturnRequest request, String sourceReturnId);

  /**
   * The full request, where the order came from, and per requested line (in the request's order) the source's
   * line item id and the variant to exchange it for (or {@code null}).
   */
  record Resolved(CreateReturnRequest request, SourceOrder source, java.util.List<String> lineItemIds,
      java.util.List<String> exchangeVariantIds) {
  }
}
