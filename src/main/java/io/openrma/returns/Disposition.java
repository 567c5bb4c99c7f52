package io.openrma.returns;

/** What the warehouse does with an inspected item. */
public enum Disposition {
  RESTOCK("Restock"), REFURBISH("Refurbish"), SCRAP("Scrap"), RETURN_TO_CUSTOMER("Return to customer");

  private final String label;

  Disposition(String label) {
    this.label = label;
  }

  /** What a person reads, also the inspection form's choices ({@code InspectionFormTest} keeps them equal). */
  public String label() {
    return label;
  }
}
