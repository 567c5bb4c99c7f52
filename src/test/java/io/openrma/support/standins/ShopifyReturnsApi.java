package io.openrma.support.standins;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's answers to the return documents under {@code src/main/resources/shopify/returns/}, in the shapes of
 * Shopify's reference: {@code Return}, {@code ReturnLineItem}, {@code ReturnableFulfillment}, {@code
 * ReverseFulfillmentOrder}, {@code ReverseDelivery}, {@code Refund}, and the mutations' payloads with their
 * {@code userErrors}. Endpoint, token and version are {@link ShopifyApi}'s.
 */
public final class ShopifyReturnsApi {

  private ShopifyReturnsApi() {
  }

  /** {@code {"order": {"id": ..., "returns": {"nodes": [...]}}}}. */
  public static String orderReturns(String orderId, Map<?, ?>... returns) {
    return ShopifyApi.data(Map.of("order", Map.of("id", orderId, "returns", Map.of("nodes", List.of(returns)))));
  }

  /** A return whose lines carry these customer notes ({@code returnReasonNote} is never null: "" without one). */
  public static Map<String, Object> returnWithNotes(String id, String status, String... customerNotes) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < customerNotes.length; i++) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", "gid://shopify/ReturnLineItem/" + (id.hashCode() & 0xffff) + i);
      line.put("customerNote", customerNotes[i]);
      line.put("returnReasonNote", "");
      lines.add(line);
    }
    return Map.of("id", id, "status", status, "returnLineItems", Map.of("nodes", lines));
  }

  /** {@code {"returnableFulfillments": {"nodes": [one fulfillment with these lines]}}}. */
  public static String returnableFulfillments(Map<?, ?>... lines) {
    return ShopifyApi.data(Map.of("returnableFulfillments", Map.of("nodes", List.of(Map.of("id",
        "gid://shopify/ReturnableFulfillment/7001", "returnableFulfillmentLineItems", Map.of("nodes",
            List.of(lines)))))));
  }

  /** A {@code ReturnableFulfillmentLineItem}: how many units of the fulfillment line item can still come back. */
  public static Map<String, Object> returnable(String fulfillmentLineItemId, String lineItemId, int quantity) {
    return Map.of("quantity", quantity, "fulfillmentLineItem", Map.of("id", fulfillmentLineItemId, "lineItem",
        Map.of("id", lineItemId)));
  }

  /** {@code {"return": {"id": ..., "status": ...}}}. */
  public static String returnStatus(String id, String status) {
    return ShopifyApi.data(Map.of("return", Map.of("id", id, "status", status)));
  }

  /** {@code {"<mutation>": {"return": {"id", "status"}, "userErrors": []}}}. */
  public static String returnPayload(String mutation, String id, String status) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("return", Map.of("id", id, "status", status));
    payload.put("userErrors", List.of());
    return ShopifyApi.data(Map.of(mutation, payload));
  }

  /** {@code {"<mutation>": {"return": null, "userErrors": [...]}}}: Shopify refused. */
  public static String refused(String mutation, Map<?, ?>... userErrors) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("return", null);
    payload.put("userErrors", List.of(userErrors));
    return ShopifyApi.data(Map.of(mutation, payload));
  }

  /** A {@code ReturnUserError}: the input path it is about, the message and the error code. */
  public static Map<String, Object> userError(List<String> field, String message, String code) {
    return Map.of("field", field, "message", message, "code", code);
  }

  /** {@code {"return": {"id": ..., "reverseFulfillmentOrders": {"nodes": [...]}}}}. */
  public static String reverseFulfillment(String returnId, Map<?, ?>... orders) {
    return ShopifyApi.data(Map.of("return", Map.of("id", returnId, "reverseFulfillmentOrders", Map.of("nodes",
        List.of(orders)))));
  }

  public static Map<String, Object> reverseFulfillmentOrder(String id, List<Map<String, Object>> lines,
      List<Map<String, Object>> deliveries) {
    return Map.of("id", id, "lineItems", Map.of("nodes", lines), "reverseDeliveries", Map.of("nodes", deliveries));
  }

  /** A {@code ReverseFulfillmentOrderLineItem} and the order's line item it takes back. */
  public static Map<String, Object> reverseLine(String id, String lineItemId, int totalQuantity) {
    return Map.of("id", id, "totalQuantity", totalQuantity, "fulfillmentLineItem", Map.of("lineItem",
        Map.of("id", lineItemId)));
  }

  /** A {@code ReverseDelivery} whose deliverable is a {@code ReverseDeliveryShippingDeliverable} with tracking. */
  public static Map<String, Object> reverseDelivery(String id, String trackingNumber, String trackingUrl) {
    return Map.of("id", id, "deliverable", Map.of("tracking", Map.of("number", trackingNumber, "url", trackingUrl)));
  }

  /** {@code {"reverseDeliveryCreateWithShipping": {"reverseDelivery": ..., "userErrors": [...]}}}. */
  public static String reverseDeliveryCreated(String id, Map<?, ?>... userErrors) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("reverseDelivery", id == null ? null : Map.of("id", id));
    payload.put("userErrors", List.of(userErrors));
    return ShopifyApi.data(Map.of("reverseDeliveryCreateWithShipping", payload));
  }

  /** A {@code Return} as {@code return-for-processing.graphql} reads it. */
  public static String returnForProcessing(String id, List<Map<String, Object>> returnLines,
      List<Map<String, Object>> reverseLines, List<Map<String, Object>> refunds) {
    Map<String, Object> found = new LinkedHashMap<>();
    found.put("id", id);
    found.put("status", "OPEN");
    found.put("returnLineItems", Map.of("nodes", returnLines));
    found.put("reverseFulfillmentOrders", Map.of("nodes", List.of(Map.of("id",
        "gid://shopify/ReverseFulfillmentOrder/8001", "lineItems", Map.of("nodes", reverseLines)))));
    found.put("refunds", Map.of("nodes", refunds));
    return ShopifyApi.data(Map.of("return", found));
  }

  /** A {@code ReturnLineItem}: its quantities and the order's line item it returns. */
  public static Map<String, Object> returnLineItem(String id, String lineItemId, int quantity, int processed) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", id);
    line.put("quantity", quantity);
    line.put("processedQuantity", processed);
    line.put("unprocessedQuantity", quantity - processed);
    line.put("fulfillmentLineItem", Map.of("lineItem", Map.of("id", lineItemId)));
    return line;
  }

  /** A {@code Refund} and the statuses of its transactions. */
  public static Map<String, Object> refund(String id, String... transactionStatuses) {
    return Map.of("id", id, "transactions", Map.of("nodes", Arrays.stream(transactionStatuses)
        .map(status -> Map.of("status", status)).toList()));
  }

  /** {@code {"returnProcess": {"return": {"id", "status", "refunds"}, "userErrors": []}}}. */
  public static String returnProcessed(String id, List<Map<String, Object>> refunds) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("return", Map.of("id", id, "status", "OPEN", "refunds", Map.of("nodes", refunds)));
    payload.put("userErrors", List.of());
    return ShopifyApi.data(Map.of("returnProcess", payload));
  }

  /** {@code {"order": {"currencyCode", "presentmentCurrencyCode", "totalReceivedSet", "totalRefundedSet"}}}. */
  public static String orderPayment(String id, String shopCurrency, String presentmentCurrency, String receivedShop,
      String receivedPresentment, String refundedShop, String refundedPresentment) {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", id);
    order.put("currencyCode", shopCurrency);
    order.put("presentmentCurrencyCode", presentmentCurrency);
    order.put("totalReceivedSet", Map.of("shopMoney", Map.of("amount", receivedShop, "currencyCode", shopCurrency),
        "presentmentMoney", Map.of("amount", receivedPresentment, "currencyCode", presentmentCurrency)));
    order.put("totalRefundedSet", Map.of("shopMoney", Map.of("amount", refundedShop, "currencyCode", shopCurrency),
        "presentmentMoney", Map.of("amount", refundedPresentment, "currencyCode", presentmentCurrency)));
    return ShopifyApi.data(Map.of("order", order));
  }
}
