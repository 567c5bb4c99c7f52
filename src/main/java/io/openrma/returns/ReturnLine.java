package io.openrma.returns;

/**
 * One returned order line. Money in minor units of the return's currency: {@code unitPrice} per unit,
 * {@code discount} and {@code tax} for the whole ordered line.
 */
public record ReturnLine(int lineNo, String sku, String description, ItemCategory category,
    int quantityOrdered, int quantityReturned, long unitPrice, long discount, long tax,
    ReturnReason reason, String reasonText, ItemCondition reportedCondition, Inspection inspection) {

  /** What the warehouse found, once inspected. */
  public record Inspection(int quantityReceived, ItemCondition condition, Disposition disposition, String notes,
      String inspectedBy, java.time.Instant inspectedAt) {
  }

  /** What the customer paid for the whole ordered line, after discount, before tax. */
  public long netAmount() {
    return unitPrice * quantityOrdered - discount;
  }
}
