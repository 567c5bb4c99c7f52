package io.openrma.integrations.bookkeeping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.openrma.integrations.HttpSettings;
import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.quickbooks.*}: the company (realm) refunds are posted to, the app's OAuth client and what the
 * documents refer to. Secrets come from the environment ({@code QUICKBOOKS_CLIENT_SECRET},
 * {@code OPENRMA_QUICKBOOKS_TOKENKEY}).
 *
 * @param baseUrl              the Accounting API; {@code sandbox} switches the default to Intuit's sandbox
 * @param oauthUrl             Intuit's OAuth server (token endpoint {@code /oauth2/v1/tokens/bearer})
 * @param authorizeUrl         where an admin grants OpenRMA access ({@code /integrations/quickbooks/connect})
 * @param redirectUri          the callback as registered with the Intuit app; default: this server's
 *                             {@code /integrations/quickbooks/callback}
 * @param refreshToken         the first refresh token, until OpenRMA stores the rotated ones itself
 * @param tokenKey             AES key (Base64 of 16, 24 or 32 bytes) that encrypts the stored tokens
 * @param documentType         how a refund is booked; store credit is always a credit memo
 * @param restockingFeeItemId  the QuickBooks item of the restocking fee (a negative line)
 * @param shippingItemId       the QuickBooks item of refunded shipping
 * @param storeCreditBonusItemId the QuickBooks item of a store credit bonus (a line of the credit memo); needed
 *                             only when the portal gives one ({@code openrma.portal.store-credit-bonus-percent})
 * @param depositToAccountId   the account a refund receipt pays from (DepositToAccountRef)
 * @param paymentMethodId      PaymentMethodRef of refund receipts (optional)
 * @param readTimeout          15 s: one step makes up to ten calls, which together must stay below the job lock
 */
@ConfigurationProperties("openrma.quickbooks")
public record QuickBooksSettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    String baseUrl,
    @DefaultValue("false") boolean sandbox,
    @DefaultValue("https://oauth.platform.intuit.com") String oauthUrl,
    @DefaultValue("https://appcenter.intuit.com/connect/oauth2") String authorizeUrl,
    String redirectUri,
    String realmId,
    String clientId,
    String clientSecret,
    String refreshToken,
    String tokenKey,
    @DefaultValue("REFUND_RECEIPT") DocumentType documentType,
    String restockingFeeItemId,
    String shippingItemId,
    String storeCreditBonusItemId,
    String depositToAccountId,
    String paymentMethodId,
    @DefaultValue("TAX") String taxCode,
    @DefaultValue("NON") String nonTaxCode,
    @DefaultValue("75") int minorVersion,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT15S") Duration readTimeout) {

  public static final String PRODUCTION = "https://quickbooks.api.intuit.com";
  public static final String SANDBOX = "https://sandbox-quickbooks.api.intuit.com";

  /** How a refund to the payment is booked. */
  public enum DocumentType {
    REFUND_RECEIPT, CREDIT_MEMO
  }

  public String apiUrl() {
    return baseUrl != null && !baseUrl.isBlank() ? baseUrl : sandbox ? SANDBOX : PRODUCTION;
  }

  public boolean hasCredentials() {
    return present(clientId) && present(clientSecret) && present(realmId);
  }

  /** What a live QuickBooks needs; empty when all is there. */
  public List<String> missingForLive() {
    List<String> missing = new ArrayList<>();
    add(missing, realmId, "openrma.quickbooks.realm-id (QUICKBOOKS_REALM_ID)");
    add(missing, clientId, "openrma.quickbooks.client-id (QUICKBOOKS_CLIENT_ID)");
    add(missing, clientSecret, "openrma.quickbooks.client-secret (QUICKBOOKS_CLIENT_SECRET)");
    add(missing, tokenKey, "openrma.quickbooks.token-key (OPENRMA_QUICKBOOKS_TOKENKEY, Base64 of a 32-byte AES key)");
    add(missing, depositToAccountId, "openrma.quickbooks.deposit-to-account-id");
    add(missing, restockingFeeItemId, "openrma.quickbooks.restocking-fee-item-id");
    add(missing, shippingItemId, "openrma.quickbooks.shipping-item-id");
    return missing;
  }

  public HttpSettings http() {
    return new HttpSettings(connectTimeout, readTimeout);
  }

  private static void add(List<String> missing, String value, String what) {
    if (!present(value)) {
      missing.add(what);
    }
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }
}
