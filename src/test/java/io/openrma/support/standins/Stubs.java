package io.openrma.support.standins;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.stripe.Stripe;
import io.openrma.integrations.shipping.SimplePdf;
import io.openrma.support.StandIns;

/** The stand-ins' happy answers for one return, registered on the shared {@link StandIns} server. */
public final class Stubs {

  private Stubs() {
  }

  /** Forgets all stubs, recorded requests and emails; Slack and ShipStation's public keys answer again. */
  public static void reset() {
    StandIns.API.resetAll();
    StandIns.API.stubFor(post(urlEqualTo(StandIns.SLACK_HOOK)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "text/html").withBody("ok")));
    StandIns.API.stubFor(get(urlEqualTo("/shipstation/jwks")).willReturn(okJson(StandIns.SHIPSTATION_SIGNER.jwks())));
    try {
      StandIns.MAIL.purgeEmailFromAllMailboxes();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  // --------------------------------------------------------------------------------------------- Stripe

  /** The Shopify store answers the Admin GraphQL API, with this order in it. */
  public static void shopifyOrder(Map<String, Object> order) {
    StandIns.SHOPIFY.order(order);
    StandIns.API.stubFor(post(urlEqualTo("/shopify" + ShopifyApi.GRAPHQL))
        .willReturn(aResponse().withTransformers(ShopifyStore.NAME)));
  }

  public static void payment(String paymentIntentId, long captured, long refunded) {
    StandIns.API.stubFor(get(urlPathEqualTo("/stripe/v1/payment_intents/" + paymentIntentId))
        .withHeader("Stripe-Version", equalTo(Stripe.API_VERSION))
        .withQueryParam("expand[0]", equalTo("latest_charge"))
        .willReturn(okJson(StripeApi.paymentIntent(paymentIntentId, captured, refunded))));
  }

  /** Stripe answers a refund of exactly {@code amount} to the payment with {@code status}. */
  public static void refund(String paymentIntentId, long amount, String refundId, String status, String rmaNumber) {
    StandIns.API.stubFor(post(urlEqualTo("/stripe/v1/refunds"))
        .withHeader("Stripe-Version", equalTo(Stripe.API_VERSION))
        .withFormParam("payment_intent", equalTo(paymentIntentId))
        .withFormParam("amount", equalTo(String.valueOf(amount)))
        .willReturn(okJson(StripeApi.refund(refundId, paymentIntentId, amount, status, null,
            Map.of("rma_number", rmaNumber, "attempt", "1")))));
  }

  public static void subscription(String subscriptionId) {
    StandIns.API.stubFor(get(urlEqualTo("/stripe/v1/subscriptions/" + subscriptionId))
        .willReturn(okJson(StripeApi.subscription(subscriptionId, "active", false))));
    StandIns.API.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(
        urlPathEqualTo("/stripe/v1/subscriptions/" + subscriptionId))
        .willReturn(okJson(StripeApi.subscription(subscriptionId, "canceled", false))));
  }

  // ------------------------------------------------------------------------------------------ ShipStation

  /** ShipStation sells one return label for the return; returns its tracking number. */
  public static String label(String rmaNumber) {
    String tracking = trackingNumber();
    String pdfUrl = StandIns.url("/shipstation/v2/downloads/10/" + rmaNumber + "/label.pdf");
    StandIns.API.stubFor(get(urlPathMatching("/shipstation/v2/shipments/external_shipment_id/" + rmaNumber + "-.*"))
        .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody(ShipStationApi.error("system", "not_found", null, "Shipment not found"))));
    StandIns.API.stubFor(post(urlEqualTo("/shipstation/v2/labels"))
        .withHeader("API-Key", equalTo(ShipStationApi.API_KEY))
        .withRequestBody(matchingJsonPath("$.rma_number", equalTo(rmaNumber)))
        .withRequestBody(matchingJsonPath("$.is_return_label", equalTo("true")))
        .willReturn(okJson(ShipStationApi.label("se-" + tracking.substring(0, 8), "se-" + tracking.substring(4),
            tracking, rmaNumber, pdfUrl))));
    StandIns.API.stubFor(get(urlEqualTo("/shipstation/v2/downloads/10/" + rmaNumber + "/label.pdf"))
        .willReturn(aResponse().withHeader("Content-Type", "application/pdf").withBody(labelPdf(tracking))));
    return tracking;
  }

  public static byte[] labelPdf(String tracking) {
    return SimplePdf.page(List.of("FEDEX GROUND - RETURN", "TRK# " + tracking));
  }

  public static String trackingNumber() {
    return String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
  }

  // ---------------------------------------------------------------------------------------------- Zendesk

  /** A ticket with only the customer's first message; uploads and updates succeed. */
  public static void ticket(String ticketId) {
    StandIns.API.stubFor(get(urlPathEqualTo("/zendesk/api/v2/tickets/" + ticketId + "/comments"))
        .willReturn(okJson(ZendeskApi.comments(ZendeskApi.comment(1, "The shirt does not fit.", true, List.of())))));
    StandIns.API.stubFor(post(urlPathEqualTo("/zendesk/api/v2/uploads"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(ZendeskApi.upload("tok" + ticketId, "return-label.pdf", 498483))));
    StandIns.API.stubFor(put(urlEqualTo("/zendesk/api/v2/tickets/" + ticketId))
        .willReturn(okJson(ZendeskApi.ticket(ticketId))));
  }
}
