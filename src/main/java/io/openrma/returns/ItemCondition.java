package io.openrma.returns;

/**
 * Condition of a returned item: reported by the customer ({@code NEW} to {@code DAMAGED}) and graded
 * by the warehouse at inspection (all values).
 */
public enum ItemCondition {
  NEW("New, unopened"), OPENED("Opened, as new"), USED("Used"), DAMAGED("Damaged"), WRONG_ITEM("Wrong item"), MISSING(
      "Missing");

  private final String label;

  ItemCondition(String label) {
    this.label = label;
  }

  /** What the warehouse found is not what was returned: nothing to refund for it. */
  public boolean voidsRefund() {
    return this == WRONG_ITEM || this == MISSING;
  }

  /** The conditions a customer may report. */
  public boolean isReportable() {
    return this != WRONG_ITEM && this != MISSING;
  }

  /** What a person reads, also the inspection form's choices ({@code InspectionFormTest} keeps them equal). */
  public String label() {
    return label;
  }
}
