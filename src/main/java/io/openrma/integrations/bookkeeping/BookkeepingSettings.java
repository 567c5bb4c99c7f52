package io.openrma.integrations.bookkeeping;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.bookkeeping.*}: whether refunds are posted to the books at all.
 *
 * @param provider {@code none} (default: the lifecycle skips "Record refund in QuickBooks") or {@code quickbooks}
 */
@ConfigurationProperties("openrma.bookkeeping")
public record BookkeepingSettings(@DefaultValue("NONE") Provider provider) {

  /** The accounting system refunds are posted to. */
  public enum Provider {
    NONE, QUICKBOOKS
  }

  public boolean recordsBooks() {
    return provider == Provider.QUICKBOOKS;
  }
}
