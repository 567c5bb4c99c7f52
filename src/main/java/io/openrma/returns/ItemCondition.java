package io.openrma.returns;

/**
 * Condition of a returned item: reported by the customer ({@code NEW} to {@code DAMAGED}) and graded
 * by the warehouse at inspection (all values).
 */
public enum ItemCondition {
  NEW, OPENED, USED, DAMAGED, WRONG_ITEM, MISSING;

  /** What the warehouse found is not what was returned: nothing to refund for it. */
  public boolean voidsRefund() {
    return this == WRONG_ITEM || this == MISSING;
  }

  /** The conditions a customer may report. */
  public boolean isReportable() {
    return this != WRONG_ITEM && this != MISSING;
  }
}
