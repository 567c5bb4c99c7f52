package io.openrma.integrations.payments;

/**
 * The payment provider refuses a refund for good (the charge is already refunded, disputed, ...):
 * a business outcome for finance, not a technical fault to retry.
 */
public class PaymentRefusedException extends RuntimeException {

  private final String code;

  public PaymentRefusedException(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
