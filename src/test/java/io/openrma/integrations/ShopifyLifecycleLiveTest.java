package io.openrma.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.openrma.support.Jobs;
import io.openrma.support.LiveIntegrationsInitializer;
import io.openrma.support.LiveIntegrationsTest;
import io.openrma.support.LiveReturns;
import io.openrma.support.StandIns;
import io.openrma.support.standins.ShopifyApi;
import io.openrma.support.standins.ShopifyStore.StoredReturn;
import io.openrma.support.standins.Stubs;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Whole returns of Shopify orders through the REST API, every adapter live against its stand-in, the
 * Shopify store among them: the return is mirrored in Shopify from request to close, and the money goes
 * back exactly once, in the system that took it.
 */
@LiveIntegrationsTest
class ShopifyLifecycleLiveTest {

  /** One merino T-shirt of two (22.50 after discount) with half the line's 8.55 tax, rounded. */
  private static final long REFUND = 2_250 + 428;

  @LocalServerPort
  int port;
  @Autowired
  ProcessEngine engine;

  Jobs jobs;
  LiveReturns returns;

  @BeforeEach
  void setUp() {
    Stubs.reset();
    jobs = new Jobs(engine);
    returns = new LiveReturns(port, jobs);
  }

  /** Every call to Shopify carried the token and named the API version. */
  @AfterEach
  void everyShopifyCallCarriedTheTokenAndTheApiVersion() {
    List<LoggedRequest> calls = StandIns.API.findAll(anyRequestedFor(urlPathMatching("/shopify/.*")));
    assertThat(calls).isNotEmpty().allSatisfy(call -> {
      assertThat(call.getUrl()).isEqualTo("/shopify" + ShopifyApi.GRAPHQL);
      assertThat(call.getHeader("X-Shopify-Access-Token")).isEqualTo(ShopifyApi.ACCESS_TOKEN);
    });
  }

  @Test
  void aShopifyPaymentsOrderIsRefundedOnceThroughShopifysReturnProcessAndNeverInStripe() {
    String number = "#" + LiveReturns.id("").substring(0, 8).replaceAll("\\D", "7");
    Map<String, Object> order = order(number, "shopify_payments", null);
    Stubs.shopifyOrder(order);
    String rma = returns.create(request(number));
    String tracking = Stubs.label(rma);

    returns.shipAndInspect(rma, tracking);
    jobs.runUntilWaiting(rma);

    JsonNode record = returns.get(rma);
    assertThat(record.get("status").asText()).isEqualTo("CLOSED");
    StoredReturn mirrored = onlyReturnOf(order);
    assertThat(record.get("source").get("name").asText()).isEqualTo("shopify");
    assertThat(record.get("source").get("orderNumber").asText()).isEqualTo(number);
    assertThat(record.get("source").get("returnId").asText()).isEqualTo(mirrored.id);
    assertThat(record.get("lines").get(0).get("lineItemId").asText()).isEqualTo(lineItemId(number));
    assertThat(mirrored.status).isEqualTo("CLOSED");
    assertThat(mirrored.deliveries).singleElement().satisfies(d -> assertThat(d.get("deliverable").toString())
        .contains(tracking));
    assertThat(mirrored.processCalls).isEqualTo(1);
    assertThat(mirrored.refunds).singleElement().satisfies(refund -> {
      assertThat(refund.get("cents")).isEqualTo(REFUND);
      assertThat(refund.get("parentId")).isEqualTo(transactionId(order));
      assertThat(record.get("refund").get("refundId").asText()).isEqualTo(refund.get("id"));
    });
    assertThat(mirrored.dispositions).singleElement().satisfies(d -> {
      assertThat(d.get("dispositionType")).isEqualTo("RESTOCKED");
      assertThat(d.get("quantity")).isEqualTo(1);
      assertThat(d.get("locationId")).isEqualTo(LiveIntegrationsInitializer.RESTOCK_LOCATION);
    });
    StandIns.API.verify(0, postRequestedFor(urlEqualTo("/stripe/v1/refunds")));
  }

  @Test
  void aStripePaidShopifyOrderIsRefundedInStripeAndShopifyProcessesOnlyTheDispositions() {
    String paymentIntent = LiveReturns.id("pi_");
    String number = "#" + LiveReturns.id("").substring(0, 8).replaceAll("\\D", "3");
    Map<String, Object> order = order(number, "stripe", paymentIntent);
    Stubs.shopifyOrder(order);
    Stubs.payment(paymentIntent, 13_463, 0);
    String rma = returns.create(request(number));
    String tracking = Stubs.label(rma);
    Stubs.refund(paymentIntent, REFUND, "re_" + rma, "succeeded", rma);

    returns.shipAndInspect(rma, tracking);
    jobs.runUntilWaiting(rma);

    assertThat(returns.status(rma)).isEqualTo("CLOSED");
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/stripe/v1/refunds"))
        .withFormParam("amount", equalTo(String.valueOf(REFUND))));
    StoredReturn mirrored = onlyReturnOf(order);
    assertThat(mirrored.status).isEqualTo("CLOSED");
    assertThat(mirrored.deliveries).hasSize(1);
    assertThat(mirrored.processCalls).isEqualTo(1);
    assertThat(mirrored.refunds).isEmpty();
    assertThat(mirrored.dispositions).extracting(d -> d.get("dispositionType")).containsExactly("RESTOCKED");
  }

  private static StoredReturn onlyReturnOf(Map<String, Object> order) {
    List<StoredReturn> mirrored = StandIns.SHOPIFY.returnsOf((String) order.get("id"));
    assertThat(mirrored).hasSize(1);
    return mirrored.get(0);
  }

  private static Map<String, Object> request(String orderNumber) {
    return Map.of("order", Map.of("source", "shopify", "orderNumber", orderNumber),
        "customerEmail", "jane.doe@example.com",
        "lines", List.of(Map.of("lineItemId", lineItemId(orderNumber), "quantity", 1, "reason", "DOES_NOT_FIT")));
  }

  private static String lineItemId(String orderNumber) {
    return "gid://shopify/LineItem/" + orderNumber.substring(1) + "1";
  }

  private static String transactionId(Map<String, Object> order) {
    return "gid://shopify/OrderTransaction/" + ((String) order.get("name")).substring(1) + "2";
  }

  /** Order {@code number}: two merino T-shirts, shipped and delivered last week, paid through {@code gateway}. */
  private static Map<String, Object> order(String number, String gateway, String paymentId) {
    String digits = number.substring(1);
    Instant now = Instant.now();
    Map<String, Object> order = new LinkedHashMap<>(ShopifyApi.order1001());
    order.put("id", "gid://shopify/Order/" + digits);
    order.put("name", number);
    order.put("createdAt", now.minus(10, ChronoUnit.DAYS).toString());
    String line = lineItemId(number);
    order.put("lineItems", Map.of("nodes", List.of(ShopifyApi.lineItem(line, "TSHIRT-MERINO-M", "Merino T-shirt",
        "Merino T-shirt - M", 2, "22.5", List.of("8.55"), List.of("apparel")))));
    order.put("fulfillments", List.of(ShopifyApi.fulfillment("SUCCESS", now.minus(9, ChronoUnit.DAYS).toString(),
        now.minus(7, ChronoUnit.DAYS).toString(), ShopifyApi.fulfilled(line, 2))));
    order.put("returns", Map.of("nodes", List.of()));
    order.put("transactions", List.of(ShopifyApi.transaction(transactionId(order), "SALE", "SUCCESS", gateway,
        paymentId, "134.63")));
    return order;
  }
}
