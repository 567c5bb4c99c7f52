package io.openrma.support.standins;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shopify's Admin GraphQL API as the stand-in answers it, in the shapes of Shopify's reference: an
 * {@code Order} with {@code lineItems}, {@code shippingLines}, {@code fulfillments}, {@code returns} and
 * {@code transactions}; {@code extensions.cost} on every answer; the THROTTLED error; the client
 * credentials token answer ({@code access_token}, {@code scope}, {@code expires_in}).
 */
public final class ShopifyApi {

  public static final String ACCESS_TOKEN = "shpat_openrma_standin";
  public static final String CLIENT_ID = "openrma-standin-client";
  public static final String CLIENT_SECRET = "shpss_openrma_standin";
  public static final String API_VERSION = "2026-10";
  public static final String GRAPHQL = "/admin/api/" + API_VERSION + "/graphql.json";
  public static final String TOKEN_PATH = "/admin/oauth/access_token";

  private ShopifyApi() {
  }

  /** {@code {"data": {"orders": {"nodes": [...]}}, "extensions": {...}}}. */
  public static String orders(Map<?, ?>... orders) {
    return StripeApi.json(answer(Map.of("orders", Map.of("nodes", List.of(orders)))));
  }

  /** {@code {"data": {"order": ...}}}; {@code null} when Shopify knows no such order. */
  public static String order(Map<?, ?> order) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("order", order);
    return StripeApi.json(answer(data));
  }

  /**
   * Order #1001 in EUR: a discounted merino shirt (2 ordered, both shipped, one in an open Shopify return,
   * one more in a declined one), chinos (1 shipped and delivered), a final-sale scarf not shipped yet; paid
   * with one authorization captured through Stripe.
   */
  public static Map<String, Object> order1001() {
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", "gid://shopify/Order/5678901234");
    order.put("name", "#1001");
    order.put("createdAt", "2026-02-10T09:15:00Z");
    order.put("currencyCode", "EUR");
    order.put("presentmentCurrencyCode", "EUR");
    order.put("email", "jane.doe@example.com");
    order.put("phone", null);
    order.put("customer", Map.of("id", "gid://shopify/Customer/7001", "displayName", "Jane Doe"));
    order.put("shippingAddress", address());
    order.put("billingAddress", address());
    order.put("shippingLines", Map.of("nodes", List.of(Map.of("discountedPriceSet", moneyBag("4.9", "EUR")))));
    order.put("lineItems", Map.of("nodes", List.of(
        lineItem("gid://shopify/LineItem/111", "TSHIRT-MERINO-M", "Merino T-shirt", "Merino T-shirt - M", 2, "22.5",
            List.of("8.55"), List.of("apparel")),
        lineItem("gid://shopify/LineItem/112", "CHINO-SLIM-3232", "Slim chinos", "Slim chinos - 32/32", 1, "59.9",
            List.of("9.56", "1.82"), List.of("Apparel", "bottoms")),
        lineItem("gid://shopify/LineItem/113", "SCARF-SILK", "Silk scarf", "Silk scarf", 1, "19.0", List.of("3.61"),
            List.of("final-sale")))));
    order.put("fulfillments", List.of(
        fulfillment("SUCCESS", "2026-02-11T08:00:00Z", "2026-02-13T14:30:00Z",
            fulfilled("gid://shopify/LineItem/111", 2)),
        fulfillment("SUCCESS", "2026-02-14T08:00:00Z", null, fulfilled("gid://shopify/LineItem/112", 1)),
        fulfillment("CANCELLED", "2026-02-11T07:00:00Z", null, fulfilled("gid://shopify/LineItem/113", 1))));
    order.put("returns", Map.of("nodes", List.of(
        shopifyReturn("gid://shopify/Return/9101", "OPEN", returnLine("gid://shopify/LineItem/111", 1)),
        shopifyReturn("gid://shopify/Return/9102", "DECLINED", returnLine("gid://shopify/LineItem/111", 1)))));
    order.put("transactions", List.of(
        transaction("gid://shopify/OrderTransaction/9001", "AUTHORIZATION", "SUCCESS", "stripe", "pi_3Shop1001",
            "134.63"),
        transaction("gid://shopify/OrderTransaction/9002", "CAPTURE", "SUCCESS", "stripe", "pi_3Shop1001", "134.63"),
        transaction("gid://shopify/OrderTransaction/9003", "SALE", "FAILURE", "stripe", "pi_3Shop1001x", "134.63")));
    return order;
  }

  public static Map<String, Object> address() {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("name", "Jane Doe");
    address.put("phone", "+49 30 12341001");
    address.put("address1", "Hauptstr. 1");
    address.put("address2", null);
    address.put("city", "Berlin");
    address.put("provinceCode", null);
    address.put("zip", "10115");
    address.put("countryCodeV2", "DE");
    return address;
  }

  public static Map<String, Object> lineItem(String id, String sku, String title, String name, int quantity,
      String unitPriceAfterDiscounts, List<String> taxes, List<String> tags) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", id);
    item.put("sku", sku);
    item.put("title", title);
    item.put("name", name);
    item.put("quantity", quantity);
    item.put("discountedUnitPriceAfterAllDiscountsSet", moneyBag(unitPriceAfterDiscounts, "EUR"));
    item.put("taxLines", taxes.stream().map(tax -> Map.of("priceSet", moneyBag(tax, "EUR"))).toList());
    item.put("product", Map.of("tags", tags));
    return item;
  }

  public static Map<String, Object> fulfillment(String status, String createdAt, String deliveredAt,
      Map<?, ?>... lines) {
    Map<String, Object> fulfillment = new LinkedHashMap<>();
    fulfillment.put("status", status);
    fulfillment.put("createdAt", createdAt);
    fulfillment.put("deliveredAt", deliveredAt);
    fulfillment.put("fulfillmentLineItems", Map.of("nodes", List.of(lines)));
    return fulfillment;
  }

  public static Map<String, Object> fulfilled(String lineItemId, int quantity) {
    return Map.of("quantity", quantity, "lineItem", Map.of("id", lineItemId));
  }

  public static Map<String, Object> shopifyReturn(String status, Map<?, ?>... lines) {
    return Map.of("status", status, "returnLineItems", Map.of("nodes", List.of(lines)));
  }

  public static Map<String, Object> shopifyReturn(String id, String status, Map<?, ?>... lines) {
    return Map.of("id", id, "status", status, "returnLineItems", Map.of("nodes", List.of(lines)));
  }

  /** A {@code ReturnLineItem}: its quantity and the fulfillment line item it returns. */
  public static Map<String, Object> returnLine(String lineItemId, int quantity) {
    return Map.of("quantity", quantity, "fulfillmentLineItem",
        Map.of("id", "gid://shopify/FulfillmentLineItem/" + lineItemId.hashCode(), "lineItem",
            Map.of("id", lineItemId)));
  }

  public static Map<String, Object> transaction(String id, String kind, String status, String gateway,
      String paymentId, String amount) {
    Map<String, Object> transaction = new LinkedHashMap<>();
    transaction.put("id", id);
    transaction.put("kind", kind);
    transaction.put("status", status);
    transaction.put("gateway", gateway);
    transaction.put("paymentId", paymentId);
    transaction.put("amountSet", moneyBag(amount, "EUR"));
    return transaction;
  }

  /** A price the customer paid in {@code presentmentCurrency} for a shop that books in {@code shopCurrency}. */
  public static Map<String, Object> moneyBag(String shopAmount, String shopCurrency, String presentmentAmount,
      String presentmentCurrency) {
    return Map.of("shopMoney", Map.of("amount", shopAmount, "currencyCode", shopCurrency), "presentmentMoney",
        Map.of("amount", presentmentAmount, "currencyCode", presentmentCurrency));
  }

  /** {@code {"data": {"order": {"lineItems": ...}}}}: a further page of an order's lines. */
  public static String moreLines(List<Map<String, Object>> lines, String endCursor, boolean hasNextPage) {
    return StripeApi.json(answer(Map.of("order", Map.of("lineItems", lineItems(lines, endCursor, hasNextPage)))));
  }

  /** A {@code lineItems} connection with its {@code pageInfo}. */
  public static Map<String, Object> lineItems(List<Map<String, Object>> lines, String endCursor, boolean hasNextPage) {
    Map<String, Object> pageInfo = new LinkedHashMap<>();
    pageInfo.put("hasNextPage", hasNextPage);
    pageInfo.put("endCursor", endCursor);
    return Map.of("nodes", lines, "pageInfo", pageInfo);
  }

  public static Map<String, Object> moneyBag(String amount, String currency) {
    Map<String, Object> money = Map.of("amount", amount, "currencyCode", currency);
    return Map.of("shopMoney", money, "presentmentMoney", money);
  }

  /** {@code {"data": {...}, "extensions": {...}}}: any query's or mutation's answer. */
  public static String data(Map<String, ?> data) {
    return StripeApi.json(answer(new LinkedHashMap<>(data)));
  }

  /** The answer to a call beyond the bucket: no data, the THROTTLED error and the bucket's state. */
  public static String throttled(int requestedQueryCost, double currentlyAvailable, double restoreRate) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of(Map.of("message", "Throttled", "extensions",
        Map.of("code", "THROTTLED", "documentation", "https://shopify.dev/api/usage/limits#rate-limits"))));
    body.put("extensions", Map.of("cost", cost(requestedQueryCost, null, currentlyAvailable, restoreRate)));
    return StripeApi.json(body);
  }

  /** A GraphQL error, e.g. a field the API version does not know. */
  public static String error(String message, String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("errors", List.of(Map.of("message", message, "locations", List.of(Map.of("line", 4, "column", 5)),
        "extensions", Map.of("code", code))));
    return StripeApi.json(body);
  }

  /** {@code POST /admin/oauth/access_token} with {@code grant_type=client_credentials}. */
  public static String token(String accessToken, long expiresIn) {
    return StripeApi.json(Map.of("access_token", accessToken, "scope", "read_orders,read_returns", "expires_in",
        expiresIn));
  }

  private static Map<String, Object> answer(Map<String, Object> data) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("data", data);
    body.put("extensions", Map.of("cost", cost(112, 24, 1976, 100)));
    return body;
  }

  private static Map<String, Object> cost(int requested, Integer actual, double available, double restoreRate) {
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("requestedQueryCost", requested);
    cost.put("actualQueryCost", actual);
    cost.put("throttleStatus", Map.of("maximumAvailable", 2000.0, "currentlyAvailable", available, "restoreRate",
        restoreRate));
    return cost;
  }
}
