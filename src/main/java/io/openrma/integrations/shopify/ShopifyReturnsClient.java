package io.openrma.integrations.shopify;

import static io.openrma.integrations.shopify.ReturnAnswers.nodes;
import static io.openrma.integrations.shopify.ShopifyAdmin.SYSTEM;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.openrma.integrations.IntegrationException;
import io.openrma.integrations.shopify.ReturnAnswers.MoneyBag;
import io.openrma.integrations.shopify.ReturnAnswers.MoneyV2;
import io.openrma.integrations.shopify.ReturnAnswers.OrderReturns;
import io.openrma.integrations.shopify.ReturnAnswers.PaidOrder;
import io.openrma.integrations.shopify.ReturnAnswers.ReturnLine;
import io.openrma.integrations.shopify.ReturnAnswers.ReturnableFulfillments;
import io.openrma.integrations.shopify.ReturnAnswers.ReturnableLine;
import io.openrma.integrations.shopify.ReturnAnswers.ShopifyReturn;
import io.openrma.policy.Money;

/**
 * {@link ShopifyReturns} through the store's Admin GraphQL API ({@link ShopifyAdmin}), with the documents under
 * {@code src/main/resources/shopify/returns/}. Before it changes anything it reads where Shopify stands: the
 * order's returns (one whose line notes start with the RMA number is the one opened before), the return's status
 * (approving an open return, closing a closed one, cancelling a settled one send nothing), its reverse deliveries
 * (by tracking number) and what is left unprocessed.
 *
 * <p>The RMA number goes into each line's note, {@code "RMA-000123: the customer's words"}: {@code customerNote}
 * for {@code returnRequest}, {@code returnReasonNote} for {@code returnCreate}; the reason is the deprecated but
 * accepted {@code returnReason} enum ({@link ShopifyReturnReasons}). {@code returnCreate} gets no
 * {@code notifyCustomer}: Shopify ignores it there and has deprecated it.
 *
 * <p>Money is in the order's presentment currency, the one Shopify refunds in: {@link #payment} answers
 * {@code presentmentMoney}, which is the shop's money whenever the customer paid in the shop's currency.
 */
public class ShopifyReturnsClient implements ShopifyReturns {

  private static final int CUSTOMER_NOTE_MAX = 300;
  private static final int REASON_NOTE_MAX = 255;
  private static final int DECLINE_NOTE_MAX = 500;
  private static final Set<String> APPROVED = Set.of("OPEN", "CLOSED");

  private final ReturnMutations mutations;
  private final ShopifyReturnProcessing processing;
  private final ShopifyReverseDeliveries deliveries;
  private final String orderReturns = ShopifyDocuments.load("order-returns.graphql");
  private final String returnable = ShopifyDocuments.load("returnable-fulfillments.graphql");
  private final String returnRequest = ShopifyDocuments.load("return-request.graphql");
  private final String returnCreate = ShopifyDocuments.load("return-create.graphql");
  private final String returnStatus = ShopifyDocuments.load("return-status.graphql");
  private final String approveRequest = ShopifyDocuments.load("return-approve-request.graphql");
  private final String declineRequest = ShopifyDocuments.load("return-decline-request.graphql");
  private final String returnCancel = ShopifyDocuments.load("return-cancel.graphql");
  private final String returnClose = ShopifyDocuments.load("return-close.graphql");
  private final String orderPayment = ShopifyDocuments.load("order-payment.graphql");

  public ShopifyReturnsClient(ShopifyAdmin shopify, ShopifySettings settings) {
    this.mutations = new ReturnMutations(shopify);
    this.processing = new ShopifyReturnProcessing(mutations, settings);
    this.deliveries = new ShopifyReverseDeliveries(mutations);
  }

  @Override
  public String open(OpenReturn command, boolean approved) {
    String rma = command.rmaNumber();
    OrderReturns earlier = mutations.admin().query("look up the returns of order " + command.orderId(), orderReturns,
        Map.of("id", command.orderId()), OrderReturns.class);
    if (earlier.order() == null) {
      throw new IntegrationException(SYSTEM, "open the return of " + rma + " failed: Shopify knows no order "
          + command.orderId());
    }
    Optional<String> opened = nodes(earlier.order().returns()).stream()
        .filter(r -> nodes(r.returnLineItems()).stream().anyMatch(line -> carries(line, rma)))
        .map(ShopifyReturn::id).findFirst();
    if (opened.isPresent()) {
      return opened.get();
    }
    String mutation = approved ? "returnCreate" : "returnRequest";
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("orderId", command.orderId());
    if (approved && command.requestedAt() != null) {
      input.put("requestedAt", command.requestedAt().toString());
    }
    input.put("returnLineItems", returnLines(command, approved, mutation));
    List<Map<String, Object>> exchanges = command.lines().stream().filter(l -> l.exchangeVariantId() != null)
        .map(l -> Map.<String, Object>of("variantId", l.exchangeVariantId(), "quantity", l.quantity())).toList();
    if (!exchanges.isEmpty() && !approved) {
      throw new IllegalArgumentException(rma + ": Shopify takes exchange items only on a return created approved "
          + "(returnCreate), not on a request");
    }
    if (!exchanges.isEmpty()) {
      input.put("exchangeLineItems", exchanges);
    }
    String what = "open the return of " + rma;
    ShopifyReturn created = mutations.send(mutation, approved ? returnCreate : returnRequest,
        Map.of(approved ? "returnInput" : "input", input), what).value();
    if (created == null) {
      throw new IntegrationException(SYSTEM, what + " failed: " + mutation + " answered no return");
    }
    return created.id();
  }

  @Override
  public void approve(String returnId) {
    if (APPROVED.contains(status(returnId))) {
      return;
    }
    try {
      mutations.send("returnApproveRequest", approveRequest,
          Map.of("input", Map.of("id", returnId, "notifyCustomer", false)), "approve return " + returnId);
    } catch (ShopifyRefusedException refused) {
      if (!APPROVED.contains(status(returnId))) { // approved meanwhile, e.g. in the Shopify admin: done
        throw refused;
      }
    }
  }

  @Override
  public void decline(String returnId, String declineReason, String note) {
    if ("DECLINED".equals(status(returnId))) {
      return;
    }
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("id", returnId);
    input.put("declineReason", declineReason);
    if (note != null && !note.isBlank()) {
      input.put("declineNote", cut(note.strip(), DECLINE_NOTE_MAX));
    }
    input.put("notifyCustomer", false);
    mutations.send("returnDeclineRequest", declineRequest, Map.of("input", input), "decline return " + returnId);
  }

  @Override
  public void cancel(String returnId, String note) {
    switch (status(returnId)) {
      case "REQUESTED" -> decline(returnId, "OTHER", note);
      case "OPEN" -> mutations.send("returnCancel", returnCancel, Map.of("id", returnId), "cancel return " + returnId);
      default -> {
        // CANCELED, DECLINED, CLOSED: nothing left to cancel
      }
    }
  }

  @Override
  public String addReverseDelivery(String returnId, List<String> lineItemIds, Shipment shipment) {
    return deliveries.add(returnId, lineItemIds, shipment);
  }

  @Override
  public Processed process(String returnId, List<LineDisposition> dispositions, Refund refund) {
    return processing.process(returnId, dispositions, refund);
  }

  @Override
  public void close(String returnId) {
    if (!"CLOSED".equals(status(returnId))) {
      mutations.send("returnClose", returnClose, Map.of("id", returnId), "close return " + returnId);
    }
  }

  @Override
  public OrderPayment payment(String orderId) {
    String what = "read the payments of order " + orderId;
    PaidOrder order = mutations.admin().query(what, orderPayment, Map.of("id", orderId),
        ReturnAnswers.OrderPayment.class).order();
    if (order == null) {
      throw new IntegrationException(SYSTEM, what + " failed: Shopify knows no order " + orderId);
    }
    String currency = order.presentmentCurrencyCode() != null ? order.presentmentCurrencyCode() : order.currencyCode();
    return new OrderPayment(currency, minor(order.totalReceivedSet(), currency),
        minor(order.totalRefundedSet(), currency));
  }

  private String status(String returnId) {
    return mutations.read("read the status of return " + returnId, returnStatus, returnId).status();
  }

  /** Each line's units, taken from the fulfillment line items that still have that many to return. */
  private List<Map<String, Object>> returnLines(OpenReturn command, boolean approved, String mutation) {
    ReturnableFulfillments answer = mutations.admin().query("look up what order " + command.orderId()
        + " can return", returnable, Map.of("orderId", command.orderId()), ReturnableFulfillments.class);
    List<ReturnableLine> candidates = nodes(answer.returnableFulfillments()).stream()
        .flatMap(f -> nodes(f.returnableFulfillmentLineItems()).stream())
        .filter(l -> l.fulfillmentLineItem() != null && l.fulfillmentLineItem().lineItem() != null).toList();
    Map<String, Integer> left = new HashMap<>();
    candidates.forEach(c -> left.merge(c.fulfillmentLineItem().id(), c.quantity(), Integer::sum));
    List<Map<String, Object>> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (ReturnedLine line : command.lines()) {
      int wanted = line.quantity();
      for (ReturnableLine candidate : candidates) {
        String fulfillmentLineItemId = candidate.fulfillmentLineItem().id();
        if (!candidate.fulfillmentLineItem().lineItem().id().equals(line.lineItemId())) {
          continue;
        }
        int take = Math.min(wanted, left.get(fulfillmentLineItemId));
        if (take <= 0) {
          continue;
        }
        left.merge(fulfillmentLineItemId, -take, Integer::sum);
        wanted -= take;
        lines.add(returnLine(fulfillmentLineItemId, take, line, command.rmaNumber(), approved));
      }
      if (wanted > 0) {
        problems.add("Line item " + line.lineItemId() + ": " + wanted + " of " + line.quantity()
            + " units are not returnable in Shopify (not fulfilled, or already in a return)");
      }
    }
    if (!problems.isEmpty()) {
      throw new ShopifyRefusedException(mutation, problems);
    }
    return lines;
  }

  private static Map<String, Object> returnLine(String fulfillmentLineItemId, int quantity, ReturnedLine line,
      String rma, boolean approved) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("fulfillmentLineItemId", fulfillmentLineItemId);
    item.put("quantity", quantity);
    item.put("returnReason", ShopifyReturnReasons.of(line.reason()));
    if (approved) {
      item.put("returnReasonNote", note(rma, line.note(), REASON_NOTE_MAX));
    } else {
      item.put("customerNote", note(rma, line.note(), CUSTOMER_NOTE_MAX));
    }
    return item;
  }

  /** {@code "RMA-000123: the customer's words"}, or the RMA number alone; cut to Shopify's limit. */
  static String note(String rma, String text, int max) {
    return cut(text == null || text.isBlank() ? rma : rma + ": " + text.strip(), max);
  }

  private static boolean carries(ReturnLine line, String rma) {
    return names(line.customerNote(), rma) || names(line.returnReasonNote(), rma);
  }

  private static boolean names(String note, String rma) {
    return note != null && (note.equals(rma) || note.startsWith(rma + ":"));
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  private static long minor(MoneyBag bag, String currency) {
    MoneyV2 money = bag == null ? null : bag.presentmentMoney() != null ? bag.presentmentMoney() : bag.shopMoney();
    if (money == null || money.amount() == null) {
      return 0;
    }
    return Money.minorUnits(money.amount(), money.currencyCode() == null ? currency : money.currencyCode());
  }
}
