package io.openrma.integrations.shopify;

import static io.openrma.integrations.shopify.ReturnAnswers.nodes;
import static io.openrma.integrations.shopify.ShopifyAdmin.SYSTEM;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.shopify.ReturnAnswers.Refund;
import io.openrma.integrations.shopify.ReturnAnswers.ReturnLine;
import io.openrma.integrations.shopify.ReturnAnswers.ReverseLine;
import io.openrma.integrations.shopify.ReturnAnswers.ShopifyReturn;
import io.openrma.integrations.shopify.ReturnAnswers.Transaction;
import io.openrma.integrations.shopify.ShopifyReturns.LineDisposition;
import io.openrma.integrations.shopify.ShopifyReturns.Processed;
import io.openrma.policy.Money;

/**
 * {@code returnProcess}: each line's dispositions on its reverse fulfillment order line, and the refund on the
 * order's transaction. Amounts go as Shopify's decimal strings in the refund's currency, which Shopify reads as
 * the order's presentment currency. What Shopify has already processed is not sent again; when nothing is left,
 * the refund already on the return is the answer. A refund's status comes from its transactions: all
 * {@code SUCCESS} is {@code SUCCEEDED}, any {@code FAILURE} or {@code ERROR} is {@code FAILED}, else (pending,
 * awaiting a response) {@code PENDING}.
 */
final class ShopifyReturnProcessing {

  private static final String MUTATION = "returnProcess";
  private static final String RESTOCKED = "RESTOCKED";

  private final ReturnMutations mutations;
  private final ShopifySettings settings;
  private final String forProcessing = ShopifyDocuments.load("return-for-processing.graphql", "return-refunds.graphql");
  private final String process = ShopifyDocuments.load("return-process.graphql", "return-refunds.graphql");

  ShopifyReturnProcessing(ReturnMutations mutations, ShopifySettings settings) {
    this.mutations = mutations;
    this.settings = settings;
  }

  Processed process(String returnId, List<LineDisposition> dispositions, ShopifyReturns.Refund refund) {
    if (dispositions == null || dispositions.isEmpty()) {
      throw new IllegalArgumentException("Processing return " + returnId + " needs the dispositions of its units");
    }
    String what = "process return " + returnId;
    ShopifyReturn found = mutations.read("read return " + returnId + " to process it", forProcessing, returnId);
    List<Map<String, Object>> lines = lines(what, found, dispositions);
    if (lines.isEmpty()) {
      return alreadyProcessed(found, refund);
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("returnId", returnId);
    input.put("returnLineItems", lines);
    // the exchange items the return was created with: processing them makes Shopify ship them
    List<Map<String, Object>> exchanges = nodes(found.exchangeLineItems()).stream()
        .filter(e -> e.unprocessedQuantity() != null && e.unprocessedQuantity() > 0)
        .map(e -> Map.<String, Object>of("id", e.id(), "quantity", e.unprocessedQuantity())).toList();
    if (!exchanges.isEmpty()) {
      input.put("exchangeLineItems", exchanges);
    }
    if (refund != null) {
      Map<String, Object> transaction = Map.of("parentId", refund.transactionId(), "transactionAmount",
          money(refund.amount(), refund.currency()));
      input.put("financialTransfer", Map.of("issueRefund", Map.of("orderTransactions", List.of(transaction))));
      if (refund.shipping() > 0) {
        input.put("refundShipping", Map.of("shippingRefundAmount", money(refund.shipping(), refund.currency())));
      }
    }
    input.put("notifyCustomer", false); // OpenRMA writes to the customer
    ShopifyReturn processed = mutations.send(MUTATION, process, Map.of("input", input), what).value();
    if (refund == null) {
      return new Processed(null, null);
    }
    Set<String> before = nodes(found.refunds()).stream().map(Refund::id).collect(Collectors.toSet());
    List<Refund> after = processed == null ? List.of() : nodes(processed.refunds());
    Refund made = after.stream().filter(r -> !before.contains(r.id())).findFirst()
        .or(() -> latest(after))
        .orElseThrow(() -> new IntegrationException(SYSTEM, what + " failed: " + MUTATION
            + " answered without the refund"));
    return new Processed(made.id(), status(made));
  }

  /** The lines still unprocessed in Shopify, with their dispositions; empty when Shopify has them all. */
  private List<Map<String, Object>> lines(String what, ShopifyReturn found, List<LineDisposition> dispositions) {
    Map<String, List<LineDisposition>> byLineItem = dispositions.stream()
        .collect(Collectors.groupingBy(LineDisposition::lineItemId, LinkedHashMap::new, Collectors.toList()));
    List<ReturnLine> returnLines = nodes(found.returnLineItems());
    List<ReverseLine> reverseLines = nodes(found.reverseFulfillmentOrders()).stream()
        .flatMap(order -> nodes(order.lineItems()).stream()).toList();
    List<Map<String, Object>> lines = new ArrayList<>();
    for (Map.Entry<String, List<LineDisposition>> entry : byLineItem.entrySet()) {
      String lineItemId = entry.getKey();
      List<ReturnLine> ofItem = returnLines.stream().filter(l -> lineItemId.equals(l.lineItemId())).toList();
      if (ofItem.isEmpty()) {
        throw new IntegrationException(SYSTEM, what + " failed: line item " + lineItemId + " is not in the return");
      }
      Optional<ReturnLine> open = ofItem.stream().filter(l -> unprocessed(l) > 0).findFirst();
      if (open.isEmpty()) {
        continue; // processed by an earlier call whose answer was lost
      }
      ReverseLine reverse = reverseLines.stream().filter(l -> lineItemId.equals(l.lineItemId())).findFirst()
          .orElseThrow(() -> new IntegrationException(SYSTEM, what + " failed: line item " + lineItemId
              + " has no reverse fulfillment order line"));
      List<Map<String, Object>> disposed = entry.getValue().stream().map(d -> disposition(what, reverse, d)).toList();
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", open.get().id());
      line.put("quantity", entry.getValue().stream().mapToInt(LineDisposition::quantity).sum());
      line.put("dispositions", disposed);
      lines.add(line);
    }
    return lines;
  }

  private Map<String, Object> disposition(String what, ReverseLine reverse, LineDisposition disposition) {
    Map<String, Object> disposed = new LinkedHashMap<>();
    disposed.put("reverseFulfillmentOrderLineItemId", reverse.id());
    disposed.put("quantity", disposition.quantity());
    disposed.put("dispositionType", disposition.disposition());
    if (RESTOCKED.equals(disposition.disposition())) {
      if (!settings.hasRestockLocation()) {
        throw new IntegrationException(SYSTEM, what + ": restocking needs openrma.shopify.restock-location-id "
            + "(OPENRMA_SHOPIFY_RESTOCKLOCATIONID), the Shopify location (gid://shopify/Location/...) that "
            + "restocked units go back to; set it, or dispose the units as NOT_RESTOCKED");
      }
      disposed.put("locationId", settings.restockLocationId());
    }
    return disposed;
  }

  private static Processed alreadyProcessed(ShopifyReturn found, ShopifyReturns.Refund refund) {
    if (refund == null) {
      return new Processed(null, null);
    }
    Refund earlier = latest(nodes(found.refunds())).orElseThrow(() -> new ShopifyRefusedException(MUTATION,
        List.of("Return " + found.id() + " is already processed, without a refund: refund it in the Shopify admin")));
    return new Processed(earlier.id(), status(earlier));
  }

  private static Optional<Refund> latest(List<Refund> refunds) {
    return refunds.isEmpty() ? Optional.empty() : Optional.of(refunds.get(refunds.size() - 1));
  }

  private static int unprocessed(ReturnLine line) {
    return line.unprocessedQuantity() == null ? 0 : line.unprocessedQuantity();
  }

  static String status(Refund refund) {
    List<String> statuses = nodes(refund.transactions()).stream().map(Transaction::status).toList();
    if (statuses.stream().anyMatch(s -> "FAILURE".equals(s) || "ERROR".equals(s))) {
      return "FAILED";
    }
    if (!statuses.isEmpty() && statuses.stream().allMatch("SUCCESS"::equals)) {
      return "SUCCEEDED";
    }
    return "PENDING";
  }

  private static Map<String, Object> money(long minorUnits, String currency) {
    return Map.of("amount", Money.decimal(minorUnits, currency), "currencyCode", currency);
  }
}
