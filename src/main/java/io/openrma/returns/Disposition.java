package io.openrma.returns;

/** What the warehouse does with an inspected item. */
public enum Disposition {
  RESTOCK, REFURBISH, SCRAP, RETURN_TO_CUSTOMER
}
