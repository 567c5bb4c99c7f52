package io.openrma.returns;

/** Why the customer returns a line; {@link #OTHER} comes with free text. */
public enum ReturnReason {
  DEFECTIVE("Defective"), DAMAGED_IN_SHIPPING("Damaged in shipping"), WRONG_ITEM("Wrong item sent"), NOT_AS_DESCRIBED(
      "Not as described"), DOES_NOT_FIT(
          "Does not fit"), NO_LONGER_NEEDED("No longer needed"), ARRIVED_TOO_LATE("Arrived too late"), OTHER("Other");

  private final String label;

  ReturnReason(String label) {
    this.label = label;
  }

  /** The merchant's fault: no restocking fee, shipping refunded. */
  public boolean isMerchantFault() {
    return this == DEFECTIVE || this == DAMAGED_IN_SHIPPING || this == WRONG_ITEM;
  }

  /** The customer may show it: the portal offers up to five photos for these reasons. */
  public boolean needsPhotos() {
    return isMerchantFault();
  }

  /** What a person reads: in Tasklist's forms and task cards, never the constant's name. */
  public String label() {
    return label;
  }
}
