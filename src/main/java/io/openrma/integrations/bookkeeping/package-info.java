/**
 * The books: every refund and store credit posted to the merchant's accounting (QuickBooks Online, or the
 * simulator). Exposed to the other modules as the named interface {@code bookkeeping}.
 */
@NamedInterface("bookkeeping")
package io.openrma.integrations.bookkeeping;

import org.springframework.modulith.NamedInterface;
