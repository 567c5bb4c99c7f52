package io.openrma.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.policy.Money;
import io.openrma.webhooks.ShopifyReturnRequests.RequestedLine;

/**
 * The fields of Shopify's webhook bodies (REST-style JSON, each object with its {@code admin_graphql_api_id})
 * that {@link ShopifyEvents} uses, as the inbox keeps them: ids, quantities, reasons and notes, the refunded
 * amount; no addresses, no order totals.
 */
final class ShopifyWebhookBodies {

  static final String RETURN_REQUEST = "returns/request";
  static final String RETURN_CANCEL = "returns/cancel";
  static final String RETURN_DECLINE = "returns/decline";
  static final String REFUND_CREATE = "refunds/create";

  private ShopifyWebhookBodies() {
  }

  /** {@code returns/request}: the return, its order, and per line the order's line item. */
  record ReturnRequested(String returnId, String orderId, List<RequestedLine> lines) {
  }

  /** {@code returns/cancel}, {@code returns/decline}: the return, and for a decline Shopify's reason and note. */
  record ReturnEnded(String returnId, String declineReason, String declineNote) {
  }

  /** {@code refunds/create}: the refund, its order, the money that left (successful refund transactions). */
  record Refunded(String refundId, String orderId, long amount, String currency, String note) {
  }

  /** The fields of this topic's body; empty for a topic OpenRMA does not use. */
  static Optional<Object> fields(String topic, JsonNode body) {
    Object fields = switch (topic == null ? "" : topic) {
      case RETURN_REQUEST -> returnRequested(body);
      case RETURN_CANCEL, RETURN_DECLINE -> new ReturnEnded(gid(body, "Return"),
          text(body.path("decline").path("reason")), text(body.path("decline").path("note")));
      case REFUND_CREATE -> refunded(body);
      default -> null;
    };
    return Optional.ofNullable(fields);
  }

  private static ReturnRequested returnRequested(JsonNode body) {
    List<RequestedLine> lines = new ArrayList<>();
    for (JsonNode line : body.path("return_line_items")) {
      JsonNode lineItem = line.path("fulfillment_line_item").path("line_item");
      lines.add(new RequestedLine(gid(lineItem, "LineItem"), line.path("quantity").asInt(),
          text(line.path("return_reason")), text(line.path("return_reason_note")), text(line.path("customer_note"))));
    }
    JsonNode order = body.path("order");
    String orderId = order.isObject() ? gid(order, "Order") : numberGid(body.path("order_id"), "Order");
    return new ReturnRequested(gid(body, "Return"), orderId, lines);
  }

  private static Refunded refunded(JsonNode body) {
    long amount = 0;
    String currency = null;
    for (JsonNode transaction : body.path("transactions")) {
      if ("refund".equals(transaction.path("kind").asText()) && "success".equals(transaction.path("status").asText())) {
        currency = text(transaction.path("currency"));
        amount += currency == null ? 0 : Money.minorUnits(transaction.path("amount").asText("0"), currency);
      }
    }
    return new Refunded(gid(body, "Refund"), numberGid(body.path("order_id"), "Order"), amount, currency,
        text(body.path("note")));
  }

  /** The object's {@code admin_graphql_api_id}, or its REST id as a gid. */
  private static String gid(JsonNode object, String type) {
    String gid = text(object.path("admin_graphql_api_id"));
    return gid != null ? gid : numberGid(object.path("id"), type);
  }

  private static String numberGid(JsonNode id, String type) {
    String value = text(id);
    return value == null ? null : "gid://shopify/" + type + "/" + value;
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode() || node.asText().isBlank() ? null : node.asText();
  }
}
