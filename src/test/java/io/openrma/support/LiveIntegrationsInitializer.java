package io.openrma.support;

import java.util.List;

import io.openrma.support.standins.ShipStationApi;
import io.openrma.support.standins.ShopifyApi;
import io.openrma.support.standins.StripeApi;
import io.openrma.support.standins.ZendeskApi;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points every live adapter at its stand-in ({@link StandIns}), with timeouts short enough to test. */
public class LiveIntegrationsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final long TRACKING_FIELD_ID = 360012345678L;
  public static final String RESTOCK_LOCATION = "gid://shopify/Location/76543";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(properties()).applyTo(context);
  }

  /** Every live adapter pointed at its stand-in, as {@code key=value} pairs (also used by the cluster tests). */
  public static List<String> properties() {
    return List.of(
        "openrma.stripe.mode=live",
        "openrma.stripe.secret-key=" + StripeApi.SECRET_KEY,
        "openrma.stripe.webhook-secret=" + StripeApi.WEBHOOK_SECRET,
        "openrma.stripe.api-base=" + StandIns.url("/stripe"),
        "openrma.stripe.read-timeout=PT2S",
        "openrma.shipstation.mode=live",
        "openrma.shipstation.api-key=" + ShipStationApi.API_KEY,
        "openrma.shipstation.base-url=" + StandIns.url("/shipstation"),
        "openrma.shipstation.carrier-id=se-123456",
        "openrma.shipstation.read-timeout=PT2S",
        "openrma.shipstation.jwks-url=" + StandIns.url("/shipstation/jwks"),
        "openrma.shipstation.warehouse.company-name=Shop Inc.",
        "openrma.shipstation.warehouse.phone=+1 512 555 0199",
        "openrma.shipstation.warehouse.line1=4009 Marathon Blvd",
        "openrma.shipstation.warehouse.city=Austin",
        "openrma.shipstation.warehouse.state=TX",
        "openrma.shipstation.warehouse.postal-code=78756",
        "openrma.shipstation.warehouse.country=US",
        "openrma.zendesk.mode=live",
        "openrma.zendesk.base-url=" + StandIns.url("/zendesk"),
        "openrma.zendesk.email=" + ZendeskApi.EMAIL,
        "openrma.zendesk.api-token=" + ZendeskApi.API_TOKEN,
        "openrma.zendesk.tracking-field-id=" + TRACKING_FIELD_ID,
        "openrma.zendesk.read-timeout=PT2S",
        "openrma.shopify.mode=live",
        "openrma.shopify.base-url=" + StandIns.url("/shopify"),
        "openrma.shopify.access-token=" + ShopifyApi.ACCESS_TOKEN,
        "openrma.shopify.api-version=" + ShopifyApi.API_VERSION,
        "openrma.shopify.restock-location-id=" + RESTOCK_LOCATION,
        "openrma.shopify.read-timeout=PT2S",
        "openrma.slack.mode=live",
        "openrma.slack.webhook-url=" + StandIns.url(StandIns.SLACK_HOOK),
        "openrma.mail.mode=live",
        "openrma.mail.from=returns@shop.example",
        "spring.mail.host=127.0.0.1",
        "spring.mail.port=" + StandIns.SMTP.port(),
        "spring.mail.properties[mail.smtp.connectiontimeout]=2000",
        "spring.mail.properties[mail.smtp.timeout]=2000",
        "spring.mail.properties[mail.smtp.writetimeout]=2000",
        "openrma.lifecycle.retry-cycle=R3/PT1S");
  }
}
