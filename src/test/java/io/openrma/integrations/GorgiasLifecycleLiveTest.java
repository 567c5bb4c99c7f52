package io.openrma.integrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.openrma.support.ActiveEngineExtension;
import io.openrma.support.Jobs;
import io.openrma.support.LiveIntegrationsInitializer;
import io.openrma.support.LiveReturns;
import io.openrma.support.ReturnBodies;
import io.openrma.support.StandIns;
import io.openrma.support.standins.GorgiasApi;
import io.openrma.support.standins.QuickBooksApi;
import io.openrma.support.standins.Stubs;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A whole return with every integration live, Gorgias instead of Zendesk ({@code openrma.helpdesk.provider=gorgias}
 * against the stand-in's {@code /gorgias}) and QuickBooks Online as the books ({@code /quickbooks}). Its own Spring
 * context, so the other live tests keep Zendesk and no books.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = GorgiasLifecycleLiveTest.WithGorgias.class)
@ExtendWith(ActiveEngineExtension.class)
class GorgiasLifecycleLiveTest {

  static final long TRACKING_FIELD = 12;

  /** The live adapters of {@link LiveIntegrationsInitializer}, with Gorgias as the helpdesk. */
  static class WithGorgias extends LiveIntegrationsInitializer {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      super.initialize(context);
      TestPropertyValues.of("openrma.helpdesk.provider=gorgias", "openrma.gorgias.mode=live",
          "openrma.gorgias.base-url=" + StandIns.url("/gorgias"), "openrma.gorgias.email=" + GorgiasApi.EMAIL,
          "openrma.gorgias.api-key=" + GorgiasApi.API_KEY, "openrma.gorgias.agent-email=" + GorgiasApi.AGENT,
          "openrma.gorgias.tracking-field-id=" + TRACKING_FIELD, "openrma.gorgias.read-timeout=PT2S",
          "openrma.bookkeeping.provider=quickbooks", "openrma.quickbooks.mode=live",
          "openrma.quickbooks.base-url=" + StandIns.url("/quickbooks"),
          "openrma.quickbooks.oauth-url=" + StandIns.url("/quickbooks"),
          "openrma.quickbooks.realm-id=" + QuickBooksApi.REALM,
          "openrma.quickbooks.client-id=" + QuickBooksApi.CLIENT_ID,
          "openrma.quickbooks.client-secret=" + QuickBooksApi.CLIENT_SECRET,
          "openrma.quickbooks.refresh-token=RT-live-1",
          "openrma.quickbooks.token-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
          "openrma.quickbooks.deposit-to-account-id=35", "openrma.quickbooks.restocking-fee-item-id=31",
          "openrma.quickbooks.shipping-item-id=32", "openrma.quickbooks.read-timeout=PT2S")
          .applyTo(context);
    }
  }

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

  private static void gorgiasTicket(long ticketId) {
    StandIns.API.stubFor(get(urlPathEqualTo("/gorgias/api/tickets/" + ticketId + "/messages"))
        .willReturn(okJson(GorgiasApi.list("/api/tickets/" + ticketId + "/messages",
            List.of(GorgiasApi.message(1, ticketId, "email", false, "The shirt does not fit."))))));
    StandIns.API.stubFor(post(urlEqualTo("/gorgias/api/upload?type=attachment"))
        .willReturn(okJson(GorgiasApi.uploaded("return-label.pdf", 498483))));
    StandIns.API.stubFor(post(urlEqualTo("/gorgias/api/tickets/" + ticketId + "/messages"))
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody(GorgiasApi.json(GorgiasApi.message(99, ticketId, "internal-note", true, "posted")))));
    StandIns.API.stubFor(post(urlEqualTo("/gorgias/api/tickets/" + ticketId + "/tags"))
        .willReturn(aResponse().withStatus(204)));
    StandIns.API.stubFor(put(urlEqualTo("/gorgias/api/tickets/" + ticketId + "/custom-fields"))
        .willReturn(okJson("[]")));
  }

  private static final String COMPANY = "/quickbooks/v3/company/" + QuickBooksApi.REALM;

  /** QuickBooks: a token for any refresh token, the customer and every SKU found, a refund receipt of {@code total}. */
  private static void quickBooks(String rma, long total) {
    StandIns.API.stubFor(post(urlEqualTo("/quickbooks/oauth2/v1/tokens/bearer"))
        .willReturn(okJson(QuickBooksApi.token("AT-live", "RT-live-2"))));
    StandIns.API.stubFor(get(urlPathEqualTo(COMPANY + "/query"))
        .withQueryParam("query", com.github.tomakehurst.wiremock.client.WireMock.matching(".*from Customer.*"))
        .willReturn(okJson(QuickBooksApi.query("Customer", QuickBooksApi.customer("58", "Jane Doe",
            "jane@example.com")))));
    StandIns.API.stubFor(get(urlPathEqualTo(COMPANY + "/query"))
        .withQueryParam("query", com.github.tomakehurst.wiremock.client.WireMock.matching(".*from Item.*"))
        .willReturn(okJson(QuickBooksApi.query("Item", QuickBooksApi.item("11", "Shirt", "TSHIRT-M")))));
    StandIns.API.stubFor(post(urlPathEqualTo(COMPANY + "/refundreceipt"))
        .willReturn(okJson(QuickBooksApi.entity("RefundReceipt", QuickBooksApi.document("901", rma, total / 100.0,
            0)))));
  }

  @Test
  void aReturnPutsOneLabelNoteAndOneTrackingNoteOnTheGorgiasTicketAndOneRefundReceiptInTheBooks() throws Exception {
    String paymentIntent = LiveReturns.id("pi_");
    String subscription = LiveReturns.id("sub_");
    long ticket = System.nanoTime() % 1_000_000_000L;
    Stubs.payment(paymentIntent, 9_000, 0);
    Stubs.subscription(subscription);
    gorgiasTicket(ticket);
    String rma = returns.create(ReturnBodies.refundReturn(paymentIntent, String.valueOf(ticket), subscription));
    String tracking = Stubs.label(rma);
    Stubs.refund(paymentIntent, ReturnBodies.REFUND_OF_DEFAULT_RETURN, "re_" + rma, "succeeded", rma);
    quickBooks(rma, ReturnBodies.REFUND_OF_DEFAULT_RETURN);

    returns.shipAndInspect(rma, tracking);
    jobs.runUntilWaiting(rma);

    JsonNode record = returns.get(rma);
    assertThat(record.get("status").asText()).isEqualTo("CLOSED");
    String messages = "/gorgias/api/tickets/" + ticket + "/messages";
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/gorgias/api/upload?type=attachment")));
    StandIns.API.verify(2, postRequestedFor(urlEqualTo(messages)));
    StandIns.API.verify(1, postRequestedFor(urlEqualTo(messages))
        .withRequestBody(matchingJsonPath("$.channel", equalTo("internal-note")))
        .withRequestBody(matchingJsonPath("$.attachments[0].name", equalTo("return-label.pdf")))
        .withRequestBody(matchingJsonPath("$.body_text", containing("[" + rma + ":label]"))));
    StandIns.API.verify(1, postRequestedFor(urlEqualTo(messages))
        .withRequestBody(matchingJsonPath("$.body_text", containing(tracking)))
        .withRequestBody(matchingJsonPath("$.body_text", containing("[" + rma + ":tracking]"))));
    StandIns.API.verify(1, postRequestedFor(urlEqualTo("/gorgias/api/tickets/" + ticket + "/tags"))
        .withRequestBody(equalToJson("{\"names\": [\"rma\"]}")));
    StandIns.API.verify(1, putRequestedFor(urlEqualTo("/gorgias/api/tickets/" + ticket + "/custom-fields"))
        .withRequestBody(matchingJsonPath("$[0].id", equalTo(String.valueOf(TRACKING_FIELD))))
        .withRequestBody(matchingJsonPath("$[0].value", containing(tracking))));
    List<String> details = new java.util.ArrayList<>();
    returns.get(rma).get("timeline").forEach(entry -> details.add(entry.path("detail").asText()));
    assertThat(details).contains("Label attached to Gorgias ticket " + ticket,
        "Tracking " + tracking + " added to Gorgias ticket " + ticket);
    // one refund receipt whose total is the refund, posted under the step's request id, naming the RMA and refund
    StandIns.API.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/refundreceipt")));
    StandIns.API.verify(1, postRequestedFor(urlPathEqualTo(COMPANY + "/refundreceipt"))
        .withQueryParam("requestid", equalTo(rma + ":RecordRefundInBooks:1"))
        .withHeader("Authorization", equalTo("Bearer AT-live"))
        .withRequestBody(matchingJsonPath("$.DocNumber", equalTo(rma)))
        .withRequestBody(matchingJsonPath("$.PaymentRefNum", equalTo("re_" + rma))));
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> receipts = StandIns.API.findAll(
        postRequestedFor(urlPathEqualTo(COMPANY + "/refundreceipt")));
    JsonNode receipt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(receipts.get(0).getBodyAsString());
    long lines = 0;
    for (JsonNode line : receipt.get("Line")) {
      lines += Math.round(line.get("Amount").asDouble() * 100);
    }
    assertThat(lines + Math.round(receipt.get("TxnTaxDetail").get("TotalTax").asDouble() * 100))
        .as("the receipt's lines and tax").isEqualTo(ReturnBodies.REFUND_OF_DEFAULT_RETURN);
    assertThat(returns.timelineEvents(rma)).contains("BOOKED");
  }
}
