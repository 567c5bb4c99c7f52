package io.openrma.integrations.shopify;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The shapes of Shopify's answers to the return documents, named as in the Admin GraphQL API. */
final class ReturnAnswers {

  private ReturnAnswers() {
  }

  static <T> List<T> nodes(Nodes<T> connection) {
    return connection == null || connection.nodes() == null ? List.of() : connection.nodes();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Nodes<T>(List<T> nodes) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Ref(String id) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record UserError(List<String> field, String message, String code) {
  }

  /** {@code {"order": {"returns": ...}}} */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderReturns(OrderWithReturns order) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderWithReturns(String id, Nodes<ShopifyReturn> returns) {
  }

  /** A return with whatever the document selected of it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ShopifyReturn(String id, String status, Nodes<ReturnLine> returnLineItems,
      Nodes<ExchangeLine> exchangeLineItems, Nodes<ReverseFulfillmentOrder> reverseFulfillmentOrders,
      Nodes<Refund> refunds) {
  }

  /** An item the customer gets in exchange, and how many of it are still to process. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ExchangeLine(String id, Integer unprocessedQuantity) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReturnLine(String id, Integer quantity, Integer processedQuantity, Integer unprocessedQuantity,
      String customerNote, String returnReasonNote, FulfillmentLine fulfillmentLineItem) {

    String lineItemId() {
      return fulfillmentLineItem == null || fulfillmentLineItem.lineItem() == null
          ? null
          : fulfillmentLineItem.lineItem().id();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record FulfillmentLine(String id, Ref lineItem) {
  }

  /** {@code {"return": ...}} */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReturnById(@JsonProperty("return") ShopifyReturn value) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReturnableFulfillments(Nodes<ReturnableFulfillment> returnableFulfillments) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReturnableFulfillment(String id, Nodes<ReturnableLine> returnableFulfillmentLineItems) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReturnableLine(int quantity, FulfillmentLine fulfillmentLineItem) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReverseFulfillmentOrder(String id, Nodes<ReverseLine> lineItems, Nodes<ReverseDelivery> reverseDeliveries) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReverseLine(String id, int totalQuantity, FulfillmentLine fulfillmentLineItem) {

    String lineItemId() {
      return fulfillmentLineItem == null || fulfillmentLineItem.lineItem() == null
          ? null
          : fulfillmentLineItem.lineItem().id();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReverseDelivery(String id, Deliverable deliverable) {

    String trackingNumber() {
      return deliverable == null || deliverable.tracking() == null ? null : deliverable.tracking().number();
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Deliverable(Tracking tracking) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Tracking(String number, String url) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Refund(String id, Nodes<Transaction> transactions) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Transaction(String status) {
  }

  /** The payload of a return mutation: {@code return} and {@code userErrors}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReturnPayload(@JsonProperty("return") ShopifyReturn value, List<UserError> userErrors) {
  }

  /** The answer to one of the return mutations: the field named after it holds its payload. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Mutated(ReturnPayload returnRequest, ReturnPayload returnCreate, ReturnPayload returnApproveRequest,
      ReturnPayload returnDeclineRequest, ReturnPayload returnCancel, ReturnPayload returnClose,
      ReturnPayload returnProcess) {

    ReturnPayload payload() {
      return Stream.of(returnRequest, returnCreate, returnApproveRequest, returnDeclineRequest,
          returnCancel, returnClose, returnProcess).filter(Objects::nonNull).findFirst().orElse(null);
    }
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReverseDeliveryCreated(ReverseDeliveryPayload reverseDeliveryCreateWithShipping) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReverseDeliveryPayload(Ref reverseDelivery, List<UserError> userErrors) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record OrderPayment(PaidOrder order) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record PaidOrder(String id, String currencyCode, String presentmentCurrencyCode, MoneyBag totalReceivedSet,
      MoneyBag totalRefundedSet) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MoneyBag(MoneyV2 shopMoney, MoneyV2 presentmentMoney) {
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record MoneyV2(String amount, String currencyCode) {
  }
}
