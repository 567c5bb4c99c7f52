package io.openrma.integrations.bookkeeping;

import io.openrma.integrations.IntegrationException;

/**
 * QuickBooks refused a document for a business reason (a {@code ValidationFault}: an unknown item, a closed
 * period, ...) or answered a total other than the refund: a person has to look, retrying does not help.
 */
public class QuickBooksRefusedException extends IntegrationException {

  private final String code;

  public QuickBooksRefusedException(String code, String message) {
    super(QuickBooksApi.SYSTEM, message);
    this.code = code;
  }

  /** QuickBooks' error code, e.g. {@code 6140} (duplicate document number); null when OpenRMA refused. */
  public String code() {
    return code;
  }
}
