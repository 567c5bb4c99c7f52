package io.openrma.returns;

/** Product categories the return policy distinguishes. */
public enum ItemCategory {
  GENERAL, APPAREL, ELECTRONICS, HYGIENE, FINAL_SALE;

  /** Higher is stricter in the return policy; a return is judged by its strictest line. */
  int strictness() {
    return ordinal();
  }
}
