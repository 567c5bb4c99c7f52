package io.openrma.integrations.shopify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.openrma.integrations.HttpSettings;
import io.openrma.integrations.IntegrationMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code openrma.shopify.*}: the store whose orders OpenRMA reads, through the Admin GraphQL API. Either a
 * static access token (a custom app's {@code shpat_...}) or the app's client id and secret (client
 * credentials grant); secrets from the environment.
 *
 * @param shop            the store's handle, the part before {@code .myshopify.com}
 * @param baseUrl         instead of {@code https://{shop}.myshopify.com}, for tests
 * @param apiVersion      e.g. {@code 2026-10}; at least {@value #MIN_API_VERSION}, the first with
 *                        {@code returnProcess}
 * @param maxThrottleWait how long one call may wait in total for Shopify's rate limit to refill
 * @param restockLocationId the location ({@code gid://shopify/Location/...}) that restocked returned units go
 *                          back to when a return is processed in Shopify; only restocking needs it
 * @param webhookTolerance how old a webhook may be (its {@code X-Shopify-Triggered-At}) and still be processed:
 *                        Shopify retries a failed delivery 8 times over 4 hours, with the original payload,
 *                        so 6 hours take every retry and leave out only what cannot be one
 */
@ConfigurationProperties("openrma.shopify")
public record ShopifySettings(
    @DefaultValue("AUTO") IntegrationMode mode,
    String shop,
    String baseUrl,
    @DefaultValue("2026-10") String apiVersion,
    String accessToken,
    String clientId,
    String clientSecret,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout,
    @DefaultValue("PT10S") Duration maxThrottleWait,
    String restockLocationId,
    @DefaultValue("PT6H") Duration webhookTolerance) {

  public static final String MIN_API_VERSION = "2025-07";
  private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}");

  public boolean hasCredentials() {
    return present(accessToken) || (present(clientId) && present(clientSecret));
  }

  /**
   * Whether webhooks can be verified: Shopify signs them with the app's client secret, also for a custom
   * app that calls the API with a static token.
   */
  public boolean hasWebhookSecret() {
    return present(clientSecret);
  }

  /** With a static token the client id and secret are not used for the API (the secret still verifies webhooks). */
  public boolean usesClientCredentials() {
    return !present(accessToken) && present(clientId) && present(clientSecret);
  }

  /** {@code https://{shop}.myshopify.com}, or the configured base URL. */
  public String endpoint() {
    if (present(baseUrl)) {
      return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
    return "https://" + shop + ".myshopify.com";
  }

  public String graphqlPath() {
    return "/admin/api/" + apiVersion + "/graphql.json";
  }

  /** What a live connection still needs; empty when all is there. */
  public List<String> missingForLive() {
    List<String> missing = new ArrayList<>();
    if (!present(shop) && !present(baseUrl)) {
      missing.add("openrma.shopify.shop (OPENRMA_SHOPIFY_SHOP), the part before .myshopify.com");
    }
    if (!hasCredentials()) {
      missing.add("openrma.shopify.access-token (SHOPIFY_ACCESS_TOKEN) or openrma.shopify.client-id and "
          + "client-secret (SHOPIFY_CLIENT_ID, SHOPIFY_CLIENT_SECRET)");
    }
    if (apiVersion == null || !VERSION.matcher(apiVersion).matches() || apiVersion.compareTo(MIN_API_VERSION) < 0) {
      missing.add("openrma.shopify.api-version " + MIN_API_VERSION + " or later (YYYY-MM; is " + apiVersion + ")");
    }
    return missing;
  }

  public boolean hasRestockLocation() {
    return present(restockLocationId);
  }

  public HttpSettings http() {
    return new HttpSettings(connectTimeout, readTimeout);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /**
   * Whether Shopify runs live: the beans that talk to the store exist only then, so the {@code shopify}
   * order source is simply absent in the demo run. The same rule as every integration ({@link
   * IntegrationMode#isLive}); a live mode without credentials has already stopped the start.
   */
  public static class Live implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Binder binder = Binder.get(context.getEnvironment());
      IntegrationMode mode = binder.bind("openrma.shopify.mode", IntegrationMode.class).orElse(IntegrationMode.AUTO);
      String token = binder.bind("openrma.shopify.access-token", String.class).orElse(null);
      String clientId = binder.bind("openrma.shopify.client-id", String.class).orElse(null);
      String clientSecret = binder.bind("openrma.shopify.client-secret", String.class).orElse(null);
      boolean requireCredentials = binder.bind("openrma.integrations.require-credentials", Boolean.class)
          .orElse(false);
      boolean credentials = present(token) || (present(clientId) && present(clientSecret));
      return mode != IntegrationMode.SIMULATE && (mode.isLive(credentials) || requireCredentials);
    }
  }
}
