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
