package io.openrma.portal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.portal.*}: the shop's brand on the customer portal, its signed status links, how often
 * an order may be looked up and the bonus on store credit.
 *
 * @param shopName      shown in the header and the page titles
 * @param logoUrl       the shop's logo; an absolute URL's origin is added to the pages' {@code img-src}
 * @param primaryColour the header and buttons, as {@code #rrggbb}; white text must be readable on it
 * @param supportEmail  where customers write when the portal cannot help
 * @param policyUrl     the shop's returns policy page
 * @param linkSecret    key of the status links' HMAC (at least 32 characters, from the environment:
 *                      {@code OPENRMA_PORTAL_LINK_SECRET}); unset, a random key per start, so links die on restart
 * @param linkValidity  how long a status link works
 * @param lookups       order lookups allowed per client address and per order number
 * @param returnAddress where parcels go, one entry per line, shown with the packing instructions
 * @param publicUrl     where customers reach OpenRMA, for the status links in emails
 *                      ({@code OPENRMA_PORTAL_PUBLICURL}, e.g. {@code https://returns.shop.example})
 * @param statusRefresh how often an open status page fetches the return's progress again (with JavaScript)
 * @param storeCreditBonusPercent store credit chosen in the portal is the refund plus this many percent, rounded
 *                      half up (0 to 100; 0, the default: no bonus). Kept on each return as it is created, so a
 *                      later change does not change what returns already promised
 */
@ConfigurationProperties("openrma.portal")
public record PortalProperties(@DefaultValue("OpenRMA Demo Shop") String shopName,
    @DefaultValue("/returns/assets/logo.svg") String logoUrl,
    @DefaultValue("#1d4ed8") String primaryColour,
    @DefaultValue("support@example.com") String supportEmail,
    @DefaultValue("https://example.com/returns-policy") String policyUrl,
    String linkSecret,
    @DefaultValue("60d") Duration linkValidity,
    @DefaultValue Lookups lookups,
    @DefaultValue("http://localhost:8080") String publicUrl,
    java.util.List<String> returnAddress,
    @DefaultValue("30s") Duration statusRefresh,
    @DefaultValue("0") int storeCreditBonusPercent) {

  public PortalProperties {
    if (storeCreditBonusPercent < 0 || storeCreditBonusPercent > 100) {
      throw new IllegalArgumentException(
          "openrma.portal.store-credit-bonus-percent must be 0 to 100, not " + storeCreditBonusPercent);
    }
  }

  /**
   * {@code openrma.portal.lookups.*}: at most {@code perAddress} lookups from one address and {@code perOrder}
   * of one order number within {@code window}; then that address or number waits {@code window}.
   */
  public record Lookups(@DefaultValue("10") int perAddress, @DefaultValue("10") int perOrder,
      @DefaultValue("1m") Duration window, @DefaultValue("10000") int maxEntries) {
  }
}
