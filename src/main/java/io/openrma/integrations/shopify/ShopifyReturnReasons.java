package io.openrma.integrations.shopify;

import java.util.Map;

/**
 * OpenRMA's return reasons ({@code io.openrma.returns.ReturnReason} by name) as Shopify's {@code ReturnReason}
 * enum. Shopify has no "damaged in shipping" (closest: {@code DEFECTIVE}) and tells fit only as too large or too
 * small, which OpenRMA does not know ({@code OTHER}); a late arrival is an item no longer wanted.
 *
 * <p>The enum is deprecated since Admin API 2026-01 in favour of {@code returnReasonDefinitionId} (a reason from
 * the store's {@code returnReasonDefinitions}), but still accepted in 2026-10 and required in 2025-07, the oldest
 * version OpenRMA supports: the one value that works on every supported version.
 */
final class ShopifyReturnReasons {

  private static final Map<String, String> SHOPIFY = Map.of(
      "DEFECTIVE", "DEFECTIVE",
      "DAMAGED_IN_SHIPPING", "DEFECTIVE",
      "WRONG_ITEM", "WRONG_ITEM",
      "NOT_AS_DESCRIBED", "NOT_AS_DESCRIBED",
      "DOES_NOT_FIT", "OTHER",
      "NO_LONGER_NEEDED", "UNWANTED",
      "ARRIVED_TOO_LATE", "UNWANTED",
      "OTHER", "OTHER");

  private ShopifyReturnReasons() {
  }

  /** Shopify's reason for OpenRMA's; {@code UNKNOWN} for none or one this table does not know. */
  static String of(String openRmaReason) {
    return openRmaReason == null ? "UNKNOWN" : SHOPIFY.getOrDefault(openRmaReason, "UNKNOWN");
  }
}
