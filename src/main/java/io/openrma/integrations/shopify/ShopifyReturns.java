package io.openrma.integrations.shopify;

import java.util.List;

/**
 * The return in Shopify that mirrors OpenRMA's, through the Admin GraphQL API's return mutations. Each
 * method checks {@code userErrors}: a refusal is a {@link ShopifyRefusedException} with Shopify's
 * messages, never a silent success. Each one is safe to call again after a lost answer: it looks at what
 * Shopify already has before it changes anything.
 *
 * <p>Lines are named by the order's line item ids ({@code gid://shopify/LineItem/...}); the adapter finds
 * the fulfillment line items, return line items and reverse fulfillment order line items they became.
 */
public interface ShopifyReturns {

  /**
   * {@code returnRequest}: a return that waits for the merchant's approval (status {@code REQUESTED}), or
   * {@code returnCreate} when {@code approved}: an open return. When the order already has a return opened
   * for {@code command.rmaNumber()} (a retry after a lost answer), that one is answered instead.
   *
   * @return Shopify's return id, {@code gid://shopify/Return/...}
   */
  String open(OpenReturn command, boolean approved);

  /** {@code returnApproveRequest}; approving a return that is already open is not an error. */
  void approve(String returnId);

  /**
   * {@code returnDeclineRequest} with a {@code declineReason} ({@code RETURN_PERIOD_ENDED}, {@code FINAL_SALE} or
   * {@code OTHER}) and a note; declining a return that is already declined is not an error.
   */
  void decline(String returnId, String declineReason, String note);

  /**
   * {@code returnCancel} for an open return; a return still waiting for approval is declined instead
   * (Shopify cancels only open returns). One that is already cancelled, declined or closed is left alone.
   */
  void cancel(String returnId, String note);

  /**
   * {@code reverseDeliveryCreateWithShipping} on the return's reverse fulfillment order, with the label's
   * tracking and file ({@code notifyCustomer: false}: OpenRMA writes to the customer). When the return
   * already has a reverse delivery with this tracking number, that one is answered.
   *
   * @return the reverse delivery's id
   */
  String addReverseDelivery(String returnId, List<String> lineItemIds, Shipment shipment);

  /**
   * {@code returnProcess}: the dispositions of the inspected units and, when {@code refund} is given, the
   * refund of the payment ({@code financialTransfer.issueRefund} on the order's SALE/CAPTURE transaction).
   * When Shopify has nothing left unprocessed on the return (an earlier call went through), nothing is
   * sent again and the refund already made is answered.
   */
  Processed process(String returnId, List<LineDisposition> dispositions, Refund refund);

  /** {@code returnClose}; closing a return that is already closed is not an error. */
  void close(String returnId);

  /**
   * What the order's payments took and what was refunded from them so far, by anyone (OpenRMA, the
   * Shopify admin): {@code totalReceivedSet} and {@code totalRefundedSet}, in minor units.
   */
  OrderPayment payment(String orderId);

  record OrderPayment(String currency, long received, long refunded) {
  }

  /**
   * A return to open.
   *
   * @param orderId    {@code gid://shopify/Order/...}
   * @param rmaNumber  kept in the return's notes, so a retry finds the return it opened
   * @param lines      what comes back
   * @param requestedAt when the customer asked
   */
  record OpenReturn(String orderId, String rmaNumber, List<ReturnedLine> lines, java.time.Instant requestedAt) {
  }

  /**
   * One returned line.
   *
   * @param reason OpenRMA's reason, mapped to Shopify's closest return reason
   * @param note   the customer's words, if any
   * @param exchangeVariantId the variant the customer gets instead ({@code gid://shopify/ProductVariant/...}),
   *                          for an exchange; Shopify takes exchange items only on a return created approved
   */
  record ReturnedLine(String lineItemId, int quantity, String reason, String note, String exchangeVariantId) {

    /** A line returned for a refund or store credit, not exchanged. */
    public ReturnedLine(String lineItemId, int quantity, String reason, String note) {
      this(lineItemId, quantity, reason, note, null);
    }
  }

  /**
   * The label: tracking number and URL, carrier, and the label file's URL. Shopify's tracking input holds only
   * the number and the URL, so the carrier stays with OpenRMA.
   */
  record Shipment(String trackingNumber, String trackingUrl, String carrier, String labelUrl) {
  }

  /**
   * What happened to the units of one line: {@code RESTOCKED} (to {@code openrma.shopify.restock-location-id}),
   * {@code NOT_RESTOCKED} or {@code MISSING}.
   */
  record LineDisposition(String lineItemId, int quantity, String disposition) {
  }

  /**
   * A refund through Shopify.
   *
   * @param transactionId the order's SALE or CAPTURE transaction, {@code gid://shopify/OrderTransaction/...}
   * @param amount        minor units of {@code currency}
   * @param shipping      the part of {@code amount} that refunds shipping
   */
  record Refund(String transactionId, long amount, long shipping, String currency) {
  }

  /**
   * The processed return.
   *
   * @param refundId     Shopify's refund, {@code gid://shopify/Refund/...}; {@code null} when none was asked
   * @param refundStatus {@code SUCCEEDED}, {@code PENDING} or {@code FAILED}, from the refund's transactions;
   *                     {@code null} when no refund was asked
   */
  record Processed(String refundId, String refundStatus) {
  }
}
