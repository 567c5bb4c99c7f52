package io.openrma.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.openrma.orders.Order;
import io.openrma.returns.OrderReturnRequest;
import io.openrma.returns.ReturnReason;
import io.openrma.returns.SourceOrder;

/**
 * A return the customer asked for in Shopify's customer account, as OpenRMA's order reference: the order
 * by its number and email (OpenRMA reads prices, tax and payment from the order itself), each line by
 * its line item id, and Shopify's return reason as OpenRMA's.
 *
 * <p>Shopify's reasons that are the customer's taste or change of mind ({@code color}, {@code style},
 * {@code unwanted}) are {@link ReturnReason#NO_LONGER_NEEDED}, both sizes {@link ReturnReason#DOES_NOT_FIT};
 * {@code other}, {@code unknown} and reasons Shopify adds later are {@link ReturnReason#OTHER} with the
 * customer's note (or a sentence saying there was none), since OTHER needs a text.
 */
final class ShopifyReturnRequests {

  private static final int REASON_TEXT = 500;

  private ShopifyReturnRequests() {
  }

  /** One requested line, as the {@code returns/request} webhook names it. */
  record RequestedLine(String lineItemId, int quantity, String reason, String reasonNote, String customerNote) {
  }

  static OrderReturnRequest request(Order order, List<RequestedLine> lines) {
    List<OrderReturnRequest.Line> requested = new ArrayList<>();
    for (RequestedLine line : lines) {
      ReturnReason reason = reason(line.reason());
      requested.add(new OrderReturnRequest.Line(line.lineItemId(), line.quantity(), reason,
          reason == ReturnReason.OTHER ? otherText(line) : null, null, null));
    }
    return new OrderReturnRequest(new OrderReturnRequest.Order(SourceOrder.SHOPIFY, order.orderNumber()),
        order.customer().email(), null, null, null, requested);
  }

  /** Shopify's {@code return_reason} (webhooks write the enum in lower case). */
  static ReturnReason reason(String shopifyReason) {
    String reason = shopifyReason == null ? "" : shopifyReason.trim().toUpperCase(Locale.ROOT);
    return switch (reason) {
      case "DEFECTIVE" -> ReturnReason.DEFECTIVE;
      case "NOT_AS_DESCRIBED" -> ReturnReason.NOT_AS_DESCRIBED;
      case "WRONG_ITEM" -> ReturnReason.WRONG_ITEM;
      case "SIZE_TOO_LARGE", "SIZE_TOO_SMALL" -> ReturnReason.DOES_NOT_FIT;
      case "COLOR", "STYLE", "UNWANTED" -> ReturnReason.NO_LONGER_NEEDED;
      default -> ReturnReason.OTHER;
    };
  }

  private static String otherText(RequestedLine line) {
    String text = present(line.reasonNote())
        ? line.reasonNote().trim()
        : present(line.customerNote())
            ? line.customerNote().trim()
            : "No note in Shopify (reason: " + (present(line.reason()) ? line.reason() : "none") + ")";
    return text.length() <= REASON_TEXT ? text : text.substring(0, REASON_TEXT);
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
