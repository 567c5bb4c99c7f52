package io.openrma.support.standins;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A Shopify store with a memory, for whole returns through every live adapter: its orders (given by the test,
 * in the shapes of {@link ShopifyApi}) and the returns the adapters open, approve, ship, process and close in
 * it, answered in the shapes of Shopify's Admin GraphQL reference (connections with {@code nodes},
 * {@code userErrors} on every mutation). Requests are told apart by their operation name. A return opens its
 * reverse fulfillment order when it is open, as Shopify does; a {@code returnProcess} with a financial transfer
 * makes a refund and adds it to the order's refunded total. Stubs opt in with {@code .withTransformers(NAME)}.
 */
public class ShopifyStore implements ResponseDefinitionTransformerV2 {

  public static final String NAME = "shopify-store";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern OPERATION = Pattern.compile("(?:query|mutation)\\s+(\\w+)");

  private final Map<String, Map<String, Object>> orders = new ConcurrentHashMap<>();
  private final Map<String, StoredReturn> returns = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger(1000);

  /** A return in the store. */
  public static final class StoredReturn {
    public final String id;
    public final String orderId;
    public volatile String status;
    /** Return line item id to {lineItemId, fulfillmentLineItemId, quantity, processed, note}. */
    public final Map<String, Map<String, Object>> lines = new LinkedHashMap<>();
    public final List<Map<String, Object>> deliveries = new ArrayList<>();
    public final List<Map<String, Object>> dispositions = new ArrayList<>();
    public final List<Map<String, Object>> refunds = new ArrayList<>();
    public volatile int processCalls;

    StoredReturn(String id, String orderId, String status) {
      this.id = id;
      this.orderId = orderId;
      this.status = status;
    }
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  /** Puts an order in the store (a {@link ShopifyApi#order1001()}-shaped map). */
  public void order(Map<String, Object> order) {
    orders.put((String) order.get("id"), order);
  }

  public List<StoredReturn> returnsOf(String orderId) {
    return returns.values().stream().filter(r -> r.orderId.equals(orderId)).toList();
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    try {
      JsonNode body = JSON.readTree(event.getRequest().getBodyAsString());
      Matcher operation = OPERATION.matcher(body.path("query").asText());
      JsonNode variables = body.path("variables");
      Object data = operation.find() ? answer(operation.group(1), variables) : null;
      if (data == null) {
        return json(Map.of("errors", List.of(Map.of("message", "the stand-in does not know this operation"))));
      }
      return json(Map.of("data", data, "extensions", Map.of("cost", Map.of("requestedQueryCost", 10,
          "actualQueryCost", 10, "throttleStatus", Map.of("maximumAvailable", 2000.0, "currentlyAvailable", 1990,
              "restoreRate", 100.0)))));
    } catch (Exception e) {
      return json(Map.of("errors", List.of(Map.of("message", "stand-in failed: " + e))));
    }
  }

  private synchronized Object answer(String operation, JsonNode v) {
    return switch (operation) {
      case "OrderByName" -> Map.of("orders", nodes(orders.values().stream()
          .filter(o -> v.path("query").asText().contains("\"" + o.get("name") + "\"")).map(this::answerOrder)
          .toList()));
      case "OrderById", "OrderReturns", "OrderPayment" ->
        single("order", answerOrder(orders.get(v.path("id").asText())));
      case "ReturnableFulfillments" -> Map.of("returnableFulfillments", nodes(returnable(v.path("orderId").asText())));
      case "ReturnRequest" -> mutation("returnRequest", open(v.path("input"), "REQUESTED"));
      case "ReturnCreate" -> mutation("returnCreate", open(v.path("returnInput"), "OPEN"));
      case "ReturnApproveRequest" -> mutation("returnApproveRequest", status(v.path("input").path("id"), "OPEN"));
      case "ReturnDeclineRequest" -> mutation("returnDeclineRequest", status(v.path("input").path("id"), "DECLINED"));
      case "ReturnCancel" -> mutation("returnCancel", status(v.path("id"), "CANCELED"));
      case "ReturnClose" -> mutation("returnClose", status(v.path("id"), "CLOSED"));
      case "ReturnStatus", "ReturnForProcessing", "ReturnReverseFulfillment" ->
        single("return", view(returns.get(v.path("id").asText())));
      case "ReverseDeliveryCreateWithShipping" -> deliver(v);
      case "ReturnProcess" -> mutation("returnProcess", process(v.path("input")));
      default -> null;
    };
  }

  private Map<String, Object> answerOrder(Map<String, Object> order) {
    if (order == null) {
      return null;
    }
    Map<String, Object> answer = new LinkedHashMap<>(order);
    String id = (String) order.get("id");
    answer.put("returns", nodes(returnsOf(id).stream().map(this::view).toList()));
    long received = 0;
    for (Object t : (List<?>) order.getOrDefault("transactions", List.of())) {
      Map<?, ?> transaction = (Map<?, ?>) t;
      if ("SUCCESS".equals(transaction.get("status")) && List.of("SALE", "CAPTURE").contains(transaction.get("kind"))) {
        received += cents(
            ((Map<?, ?>) ((Map<?, ?>) transaction.get("amountSet")).get("presentmentMoney")).get("amount"));
      }
    }
    long refunded = returnsOf(id).stream().flatMap(r -> r.refunds.stream()).mapToLong(r -> (long) r.get("cents")).sum();
    String currency = (String) order.get("presentmentCurrencyCode");
    answer.put("totalReceivedSet", ShopifyApi.moneyBag(decimal(received), currency));
    answer.put("totalRefundedSet", ShopifyApi.moneyBag(decimal(refunded), currency));
    return answer;
  }

  private List<Map<String, Object>> returnable(String orderId) {
    Map<String, Object> order = orders.get(orderId);
    List<Map<String, Object>> fulfillments = new ArrayList<>();
    for (Object f : (List<?>) order.get("fulfillments")) {
      Map<?, ?> fulfillment = (Map<?, ?>) f;
      if (!"SUCCESS".equals(fulfillment.get("status"))) {
        continue;
      }
      List<Map<String, Object>> items = new ArrayList<>();
      for (Object i : (List<?>) ((Map<?, ?>) fulfillment.get("fulfillmentLineItems")).get("nodes")) {
        Map<?, ?> item = (Map<?, ?>) i;
        String lineItemId = (String) ((Map<?, ?>) item.get("lineItem")).get("id");
        items.add(Map.of("quantity", item.get("quantity"), "fulfillmentLineItem",
            Map.of("id", fulfillmentLineItemId(lineItemId), "lineItem", Map.of("id", lineItemId))));
      }
      fulfillments.add(Map.of("id", "gid://shopify/ReturnableFulfillment/" + ids.incrementAndGet(),
          "returnableFulfillmentLineItems", nodes(items)));
    }
    return fulfillments;
  }

  /** One fulfillment line item per order line, named after it. */
  private static String fulfillmentLineItemId(String lineItemId) {
    return "gid://shopify/FulfillmentLineItem/" + lineItemId.substring(lineItemId.lastIndexOf('/') + 1);
  }

  private Object open(JsonNode input, String status) {
    StoredReturn stored = new StoredReturn("gid://shopify/Return/" + ids.incrementAndGet(),
        input.path("orderId").asText(), status);
    for (JsonNode line : input.path("returnLineItems")) {
      String fulfillmentLineItemId = line.path("fulfillmentLineItemId").asText();
      Map<String, Object> stored_line = new LinkedHashMap<>();
      stored_line.put("lineItemId", "gid://shopify/LineItem/" + fulfillmentLineItemId
          .substring(fulfillmentLineItemId.lastIndexOf('/') + 1));
      stored_line.put("fulfillmentLineItemId", fulfillmentLineItemId);
      stored_line.put("quantity", line.path("quantity").asInt());
      stored_line.put("processed", 0);
      stored_line.put("note", line.has("customerNote")
          ? line.path("customerNote").asText()
          : line.path("returnReasonNote").asText(null));
      stored.lines.put("gid://shopify/ReturnLineItem/" + ids.incrementAndGet(), stored_line);
    }
    returns.put(stored.id, stored);
    return stored;
  }

  private Object status(JsonNode id, String status) {
    StoredReturn stored = returns.get(id.asText());
    if (stored == null) {
      return List.of(Map.of("field", List.of("id"), "message", "Return does not exist", "code", "NOT_FOUND"));
    }
    stored.status = status;
    return stored;
  }

  private Object deliver(JsonNode v) {
    String rfo = v.path("reverseFulfillmentOrderId").asText();
    StoredReturn stored = returns.values().stream().filter(r -> rfo.equals(rfoId(r))).findFirst().orElseThrow();
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("id", "gid://shopify/ReverseDelivery/" + ids.incrementAndGet());
    delivery.put("deliverable", Map.of("tracking", Map.of("number", v.path("trackingInput").path("number").asText(),
        "url", v.path("trackingInput").path("url").asText(""))));
    delivery.put("labelUrl", v.path("labelInput").path("fileUrl").asText(null));
    stored.deliveries.add(delivery);
    return Map.of("reverseDeliveryCreateWithShipping", Map.of("reverseDelivery", Map.of("id", delivery.get("id")),
        "userErrors", List.of()));
  }

  private Object process(JsonNode input) {
    StoredReturn stored = returns.get(input.path("returnId").asText());
    stored.processCalls++;
    for (JsonNode line : input.path("returnLineItems")) {
      Map<String, Object> storedLine = stored.lines.get(line.path("id").asText());
      storedLine.put("processed", (int) storedLine.get("processed") + line.path("quantity").asInt());
      line.path("dispositions").forEach(d -> stored.dispositions.add(JSON.convertValue(d, Map.class)));
    }
    for (JsonNode transaction : input.path("financialTransfer").path("issueRefund").path("orderTransactions")) {
      Map<String, Object> refund = new LinkedHashMap<>();
      refund.put("id", "gid://shopify/Refund/" + ids.incrementAndGet());
      refund.put("cents", cents(transaction.path("transactionAmount").path("amount").asText()));
      refund.put("parentId", transaction.path("parentId").asText());
      stored.refunds.add(refund);
    }
    return stored;
  }

  private static String rfoId(StoredReturn stored) {
    return "gid://shopify/ReverseFulfillmentOrder/" + stored.id.substring(stored.id.lastIndexOf('/') + 1);
  }

  /** The return as the queries select it; open and closed returns have their reverse fulfillment order. */
  private Map<String, Object> view(StoredReturn stored) {
    if (stored == null) {
      return null;
    }
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", stored.id);
    view.put("status", stored.status);
    List<Map<String, Object>> lines = new ArrayList<>();
    List<Map<String, Object>> rfoLines = new ArrayList<>();
    stored.lines.forEach((id, line) -> {
      int quantity = (int) line.get("quantity");
      int processed = (int) line.get("processed");
      Map<String, Object> fulfillmentLineItem = Map.of("id", line.get("fulfillmentLineItemId"), "lineItem",
          Map.of("id", line.get("lineItemId")));
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("id", id);
      answer.put("quantity", quantity);
      answer.put("processedQuantity", processed);
      answer.put("unprocessedQuantity", quantity - processed);
      answer.put("customerNote", line.get("note"));
      answer.put("returnReasonNote", line.get("note"));
      answer.put("fulfillmentLineItem", fulfillmentLineItem);
      lines.add(answer);
      rfoLines.add(Map.of("id", "gid://shopify/ReverseFulfillmentOrderLineItem/" + id.substring(id.lastIndexOf('/')
          + 1), "totalQuantity", quantity, "fulfillmentLineItem", fulfillmentLineItem));
    });
    view.put("returnLineItems", nodes(lines));
    view.put("reverseFulfillmentOrders", nodes("REQUESTED".equals(stored.status)
        ? List.of()
        : List.of(Map.of("id", rfoId(stored), "lineItems", nodes(rfoLines), "reverseDeliveries",
            nodes(stored.deliveries)))));
    view.put("refunds", nodes(stored.refunds.stream().map(r -> Map.of("id", r.get("id"), "transactions",
        nodes(List.of(Map.of("status", "SUCCESS"))))).toList()));
    return view;
  }

  private Object mutation(String name, Object result) {
    Map<String, Object> payload = new LinkedHashMap<>();
    if (result instanceof StoredReturn stored) {
      payload.put("return", view(stored));
      payload.put("userErrors", List.of());
    } else {
      payload.put("return", null);
      payload.put("userErrors", result);
    }
    return Map.of(name, payload);
  }

  private static Map<String, Object> single(String field, Object value) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put(field, value);
    return data;
  }

  private static Map<String, Object> nodes(List<? extends Object> nodes) {
    return Map.of("nodes", nodes);
  }

  private static long cents(Object amount) {
    return new java.math.BigDecimal(amount.toString()).movePointRight(2).longValueExact();
  }

  private static String decimal(long cents) {
    return java.math.BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private static ResponseDefinition json(Object body) {
    try {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
          .withHeader("Content-Type", "application/json").withBody(JSON.writeValueAsString(body)).build();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
