package io.openrma.integrations.shopify;

import static io.openrma.integrations.shopify.ReturnAnswers.nodes;
import static io.openrma.integrations.shopify.ShopifyAdmin.SYSTEM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.shopify.ReturnAnswers.ReverseDelivery;
import io.openrma.integrations.shopify.ReturnAnswers.ReverseDeliveryCreated;
import io.openrma.integrations.shopify.ReturnAnswers.ReverseDeliveryPayload;
import io.openrma.integrations.shopify.ReturnAnswers.ReverseFulfillmentOrder;
import io.openrma.integrations.shopify.ReturnAnswers.ReverseLine;
import io.openrma.integrations.shopify.ReturnAnswers.ShopifyReturn;
import io.openrma.integrations.shopify.ShopifyReturns.Shipment;

/**
 * The label on the return's reverse fulfillment order ({@code reverseDeliveryCreateWithShipping}). Shopify's
 * {@code ReverseDeliveryTrackingInput} holds only {@code number} and {@code url}: the carrier is not sent, Shopify
 * tells it from the URL. The delivery goes to the first reverse fulfillment order that holds one of the lines
 * (one per return, unless its items come back to several locations), with each line's whole quantity.
 */
final class ShopifyReverseDeliveries {

  private static final String MUTATION = "reverseDeliveryCreateWithShipping";

  private final ReturnMutations mutations;
  private final String reverseFulfillment = ShopifyDocuments.load("return-reverse-fulfillment.graphql");
  private final String create = ShopifyDocuments.load("reverse-delivery-create-with-shipping.graphql");

  ShopifyReverseDeliveries(ReturnMutations mutations) {
    this.mutations = mutations;
  }

  String add(String returnId, List<String> lineItemIds, Shipment shipment) {
    ShopifyReturn found = mutations.read("read the reverse fulfillment of return " + returnId, reverseFulfillment,
        returnId);
    List<ReverseFulfillmentOrder> orders = nodes(found.reverseFulfillmentOrders());
    Optional<String> earlier = orders.stream().flatMap(order -> nodes(order.reverseDeliveries()).stream())
        .filter(delivery -> shipment.trackingNumber() != null
            && shipment.trackingNumber().equals(delivery.trackingNumber()))
        .map(ReverseDelivery::id).findFirst();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    String what = "add the return label " + shipment.trackingNumber() + " to return " + returnId;
    for (ReverseFulfillmentOrder order : orders) {
      List<Map<String, Object>> lines = new ArrayList<>();
      for (ReverseLine line : nodes(order.lineItems())) {
        if (lineItemIds == null || lineItemIds.isEmpty() || lineItemIds.contains(line.lineItemId())) {
          lines.add(Map.of("reverseFulfillmentOrderLineItemId", line.id(), "quantity", line.totalQuantity()));
        }
      }
      if (!lines.isEmpty()) {
        return send(what, order.id(), lines, shipment);
      }
    }
    throw new IntegrationException(SYSTEM, what + " failed: the return has no reverse fulfillment order with "
        + "the line items " + lineItemIds + " (is it still waiting for approval?)");
  }

  private String send(String what, String orderId, List<Map<String, Object>> lines, Shipment shipment) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("reverseFulfillmentOrderId", orderId);
    variables.put("reverseDeliveryLineItems", lines);
    Map<String, Object> tracking = new LinkedHashMap<>();
    if (shipment.trackingNumber() != null) {
      tracking.put("number", shipment.trackingNumber());
    }
    if (shipment.trackingUrl() != null) {
      tracking.put("url", shipment.trackingUrl());
    }
    if (!tracking.isEmpty()) {
      variables.put("trackingInput", tracking);
    }
    if (shipment.labelUrl() != null) {
      variables.put("labelInput", Map.of("fileUrl", shipment.labelUrl()));
    }
    variables.put("notifyCustomer", false); // OpenRMA writes to the customer
    ReverseDeliveryCreated answer = mutations.admin().query(what, create, variables, ReverseDeliveryCreated.class);
    ReverseDeliveryPayload payload = answer.reverseDeliveryCreateWithShipping();
    if (payload == null) {
      throw new IntegrationException(SYSTEM, what + " failed: " + MUTATION + " answered without its payload");
    }
    ReturnMutations.refuseOn(MUTATION, payload.userErrors());
    if (payload.reverseDelivery() == null) {
      throw new IntegrationException(SYSTEM, what + " failed: " + MUTATION + " answered no reverse delivery");
    }
    return payload.reverseDelivery().id();
  }
}
