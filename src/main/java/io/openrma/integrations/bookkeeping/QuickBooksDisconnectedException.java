package io.openrma.integrations.bookkeeping;

import io.openrma.integrations.IntegrationException;

/** Intuit refused the refresh token ({@code invalid_grant}): only an admin reconnecting QuickBooks helps. */
public class QuickBooksDisconnectedException extends IntegrationException {

  private final String detail;

  public QuickBooksDisconnectedException(String detail) {
    super(QuickBooksApi.SYSTEM, "the refresh token was refused (" + detail + "): reconnect QuickBooks "
        + "(/integrations/quickbooks/connect, or a new openrma.quickbooks.refresh-token)");
    this.detail = detail;
  }

  /** What Intuit said, e.g. {@code invalid_grant}. */
  public String detail() {
    return detail;
  }
}
