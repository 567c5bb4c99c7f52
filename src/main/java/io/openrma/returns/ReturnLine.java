package io.openrma.returns;

import java.time.Instant;

import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One returned order line, part of the {@link ReturnRecord} aggregate. Money in minor units of the
 * return's currency: {@code unitPrice} per unit, {@code discount} and {@code tax} for the whole ordered line. {@code lineItemId} is the line in the order
 * source, when the order came from one; {@code exchangeVariantId} the variant the customer gets in exchange,
 * when the source makes the exchange (Shopify).
 */
@Table("rma_line")
public record ReturnLine(int lineNo, String sku, String description, ItemCategory category,
    int quantityOrdered, int quantityReturned, long unitPrice, long discount, long tax,
    ReturnReason reason, String reasonText, ItemCondition reportedCondition,
    @Embedded.Nullable Inspection inspection, String lineItemId, String exchangeVariantId) {

  /** What the warehouse found, once inspected. */
  public record Inspection(int quantityReceived, @Column("inspected_condition") ItemCondition condition,
      Disposition disposition, @Column("inspection_notes") String notes, String inspectedBy, Instant inspectedAt) {
  }

  /** What the customer paid for the whole ordered line, after discount, before tax. */
  public long netAmount() {
    return unitPrice * quantityOrdered - discount;
  }

  ReturnLine inspected(Inspection inspection) {
    return new ReturnLine(lineNo, sku, description, category, quantityOrdered, quantityReturned, unitPrice, discount,
        tax, reason, reasonText, reportedCondition, inspection, lineItemId, exchangeVariantId);
  }
}
