package io.openrma.returns;

/** Why the customer returns a line; {@link #OTHER} comes with free text. */
public enum ReturnReason {
  DEFECTIVE, DAMAGED_IN_SHIPPING, WRONG_ITEM, NOT_AS_DESCRIBED, DOES_NOT_FIT, NO_LONGER_NEEDED, ARRIVED_TOO_LATE, OTHER;

  /** The merchant's fault: no restocking fee, shipping refunded. */
  public boolean isMerchantFault() {
    return this == DEFECTIVE || this == DAMAGED_IN_SHIPPING || this == WRONG_ITEM;
  }
}
