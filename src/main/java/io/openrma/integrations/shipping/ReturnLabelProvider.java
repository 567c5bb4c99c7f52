package io.openrma.integrations.shipping;

import java.util.List;

import io.openrma.returns.Address;

/**
 * Buys return labels. ShipStation today; EasyPost or Shippo fit the same interface (a label for a
 * parcel from the customer to the warehouse, identified by the RMA number).
 */
public interface ReturnLabelProvider {

  /**
   * Buys the return label for one return; the same idempotency key never buys a second label.
   *
   * @throws InvalidAddressException when the carrier refuses the customer's address
   */
  ReturnLabel createReturnLabel(LabelRequest request);

  /**
   * Voids a bought label that will not be used, so the carrier refunds it. A label that is already void
   * counts as voided (a retry after a lost answer); a carrier's refusal (used, too old) is an answer,
   * not an error.
   */
  VoidResult voidLabel(String labelId);

  /** {@code reasonCode}: why the carrier refused, e.g. {@code label_already_used}; null when voided. */
  record VoidResult(boolean voided, String reasonCode, String message) {
  }

  /**
   * @param shipFrom   the customer's address
   * @param items      what is in the parcel (descriptions and quantities, for customs and weight)
   */
  record LabelRequest(String rmaNumber, String customerName, String customerPhone, Address shipFrom,
      List<ParcelItem> items, String idempotencyKey) {
  }

  record ParcelItem(String sku, String description, int quantity) {
  }

  /** A bought label with its PDF. */
  record ReturnLabel(String labelId, String carrier, String service, String trackingNumber, String labelUrl,
      byte[] pdf) {
  }
}
