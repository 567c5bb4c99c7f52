package io.openrma.integrations.payments;

import java.time.Duration;

import io.openrma.integrations.HttpSettings;
import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code openrma.stripe.*}. The secrets come from the environment ({@code STRIPE_SECRET_KEY},
 * {@code STRIPE_WEBHOOK_SECRET}, see application.yaml).
 *
 * @param secretKey         API key ({@code sk_live_...} or a restricted {@code rk_...}); without it Stripe is simulated
 * @param webhookSecret     signing secret of the webhook endpoint ({@code whsec_...}) for {@code /webhooks/stripe}
 * @param apiBase           Stripe's API, changed only for tests
 * @param maxNetworkRetries stripe-java's own retries: 0, because the engine retries the step with the same idempotency
 *                          key, and every extra try inside a step makes the step hold its job lock longer
 * @param webhookTolerance  how old a webhook's signed timestamp may be
 * @param subscription      how a subscription is cancelled
 */
@ConfigurationProperties("openrma.stripe")
public record StripeSettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    String secretKey,
    String webhookSecret,
    @DefaultValue("https://api.stripe.com") String apiBase,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout,
    @DefaultValue("0") int maxNetworkRetries,
    @DefaultValue("PT5M") Duration webhookTolerance,
    @DefaultValue Subscription subscription) {

  /**
   * @param atPeriodEnd cancel at the end of the paid period instead of now ({@code cancel_at_period_end})
   * @param prorate     when cancelling now: credit the unused time ({@code prorate})
   * @param invoiceNow  when cancelling now: invoice pending usage and prorations at once ({@code invoice_now})
   */
  public record Subscription(@DefaultValue("false") boolean atPeriodEnd, @DefaultValue("false") boolean prorate,
      @DefaultValue("false") boolean invoiceNow) {
  }

  public boolean hasSecretKey() {
    return secretKey != null && !secretKey.isBlank();
  }

  public boolean hasWebhookSecret() {
    return webhookSecret != null && !webhookSecret.isBlank();
  }

  public HttpSettings http() {
    return new HttpSettings(connectTimeout, readTimeout);
  }

  /** A call and all of stripe-java's own retries of it. */
  public Duration worstCase() {
    return http().worstCase().multipliedBy(1L + Math.max(0, maxNetworkRetries));
  }
}
