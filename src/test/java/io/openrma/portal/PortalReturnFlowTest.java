package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.openrma.process.ProcessIds;
import io.openrma.returns.ReturnStatus;
import io.openrma.support.Http;
import io.openrma.support.LifecycleDriver;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer returns an item through the portal over real HTTP, without JavaScript: lookup, items, resolution,
 * review with the estimate, confirmation, the status page, the label, cancelling; and the refund the lifecycle
 * later pays is the estimate.
 */
@PortalTest
class PortalReturnFlowTest {

  @LocalServerPort
  int port;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  LifecycleDriver lifecycle;
  @Autowired
  PortalTestStripe.Credits stripe;
  @Autowired
  ProcessEngine engine;

  @Test
  void aCustomerReturnsAnItemFromLookupToConfirmationAsTheCustomer() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);

    PortalBrowser.Page items = PortalSteps.lookUp(browser, order, "  " + PortalTestOrders.email(order).toUpperCase());
    assertThat(items.body()).contains("Slim chinos", "Merino T-shirt", "Summer dress (sale)");
    PortalBrowser.Page review = PortalSteps.toReview(browser, order);
    assertThat(review.body()).contains("Estimated refund", "estimate until we have inspected", "€71.28", "€59.90",
        "€11.38");
    assertThat(review.header("Content-Security-Policy")).contains("default-src 'self'", "script-src 'self'",
        "frame-ancestors 'none'");
    assertThat(review.body()).doesNotContain("<script", "style=");

    PortalBrowser.Page confirmation = PortalSteps.submit(browser);
    String rma = PortalSteps.rmaNumber(confirmation);

    assertThat(jdbc.sql("SELECT created_by || '/' || channel FROM rma_return WHERE order_id = ?")
        .param("PT-" + order.substring(1)).query(String.class).list()).containsExactly("portal/portal");
    assertThat(jdbc.sql("SELECT t.actor_type FROM rma_timeline t JOIN rma_return r ON r.id = t.return_id "
        + "WHERE r.rma_number = ? AND t.event = 'CREATED'").param(rma).query(String.class).list())
        .containsExactly("CUSTOMER");
    assertThat(confirmation.body()).contains("Your return is approved");

    PortalBrowser.Page status = browser.get(PortalSteps.statusLink(confirmation));
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.body()).contains(rma, "Cancel this return", "1 × Slim chinos");
    assertThat(status.header("Referrer-Policy")).isEqualTo("no-referrer");
  }

  @Test
  void submittingTheSameReviewTwiceCreatesOneReturn() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalSteps.toReview(browser, order);
    String nonce = browser.last().input("nonce");
    String csrf = browser.last().csrf();

    PortalBrowser.Page first = browser.post("/returns/submit", Map.of("nonce", nonce, "_csrf", csrf));
    PortalBrowser.Page second = browser.post("/returns/submit", Map.of("nonce", nonce, "_csrf", csrf));

    assertThat(PortalSteps.rmaNumber(second)).isEqualTo(PortalSteps.rmaNumber(first));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM rma_return WHERE order_id = ?").param("PT-" + order.substring(1))
        .query(Integer.class).single()).isEqualTo(1);

    PortalBrowser.Page again = PortalSteps.lookUp(new PortalBrowser(port), order, PortalTestOrders.email(order));
    assertThat(again.body()).as("the return is found again by order number and email")
        .contains("Your returns of this order", "See return " + PortalSteps.rmaNumber(first))
        .contains("Already returned, or already part of a return.");
    assertThat(again.link("/returns/status/[^\"]+")).isNotNull();
  }

  @ParameterizedTest(name = "line {0}, {1}: estimate {2}")
  @CsvSource({
      // within policy: price and tax, no fee, no shipping
      "0, DOES_NOT_FIT, €71.28, 7128",
      // our fault (one of two T-shirts): price, half the tax rounded, shipping refunded
      "1, DEFECTIVE,    €31.68, 3168"})
  void theRefundTheLifecyclePaysIsTheEstimateAndTheLabelDownloadsFromTheStatusPage(int line, String reason,
      String shown, long expected) {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalBrowser.Page review = PortalSteps.toReview(browser, order, line, reason);
    String estimate = review.body().replaceAll("(?s).*id=\"estimate-total\">([^<]+)<.*", "$1");
    PortalBrowser.Page confirmation = PortalSteps.submit(browser);
    String rma = PortalSteps.rmaNumber(confirmation);
    String statusLink = PortalSteps.statusLink(confirmation);

    lifecycle.runUntil(rma, ReturnStatus.LABEL_ISSUED);
    PortalBrowser.Page status = browser.get(statusLink);
    String labelLink = status.link("/returns/status/[^\"]+/label.pdf");
    assertThat(labelLink).as(status.body()).isNotNull();
    assertThat(status.body()).contains("How to send it back", "Lagerstrasse 5", "<svg", "class=\"qr\"",
        "aria-label=\"QR code of the tracking number " + lifecycle.record(rma).label().trackingNumber() + "\"");
    PortalBrowser.Page label = browser.get(labelLink);
    assertThat(label.status()).isEqualTo(200);
    assertThat(label.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(label.header("Content-Disposition")).startsWith("attachment").contains(rma + "-label.pdf");
    assertThat(label.body()).startsWith("%PDF");

    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    // arrived: the inspection is due within openrma.sla.inspection, and the page says by when
    assertThat(browser.get(statusLink).body()).contains("You hear from us by ");
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runUntil(rma, ReturnStatus.CLOSED);

    long paid = lifecycle.record(rma).refund().total();
    assertThat(estimate).isEqualTo(shown);
    assertThat(paid).isEqualTo(expected);
    assertThat(browser.get(statusLink).body()).contains("Refunded: " + shown, "Done: your return is complete");
  }

  @Test
  void storeCreditWithItsBonusIsWhatStripeCreditsAndWhatTheCustomerWasShown() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalBrowser.Page resolution = PortalSteps.toResolution(browser, order, 0, "DOES_NOT_FIT");
    assertThat(resolution.body()).doesNotContainPattern("id=\"resolution-STORE_CREDIT\"[^>]*disabled")
        .contains("with a bonus of 10 % on top of the refund");

    PortalBrowser.Page review = browser.post("/returns/resolution", Map.of("resolution", "STORE_CREDIT"));
    assertThat(review.path()).as(review.body()).isEqualTo("/returns/review");
    // 71.28 refunded, 10 % of it 7.128 rounded half up
    assertThat(review.body()).contains("Store credit bonus (10 %)", "id=\"estimate-bonus\">€7.13<",
        "Estimated store credit", "id=\"estimate-total\">€78.41<");
    String rma = PortalSteps.rmaNumber(PortalSteps.submit(browser));
    String statusLink = PortalSteps.statusLink(browser.last());
    assertThat(jdbc.sql("SELECT store_credit_bonus_percent FROM rma_return WHERE rma_number = ?").param(rma)
        .query(Integer.class).single()).as("the promise is kept with the return").isEqualTo(10);

    lifecycle.runUntil(rma, ReturnStatus.LABEL_ISSUED);
    // as ReturnLifecycle starts it with openrma.bookkeeping.provider=quickbooks (the test app has none)
    engine.getRuntimeService().setVariable(lifecycle.processInstanceId(rma), ProcessIds.VAR_RECORDS_BOOKS, true);
    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runUntil(rma, ReturnStatus.CLOSED);

    assertThat(jdbc.sql("SELECT t.detail FROM rma_timeline t JOIN rma_return r ON r.id = t.return_id "
        + "WHERE r.rma_number = ? AND t.event = 'BOOKED'").param(rma).query(String.class).single())
        .as("the books' lines, bonus included, add up to the credit").startsWith("CreditMemo sim-")
        .contains("of 78.41 EUR");
    assertThat(stripe.creditFor(rma)).as("Stripe credited the customer's balance").hasValueSatisfying(credit -> {
      assertThat(credit.amount()).isEqualTo(7_841);
      assertThat(credit.customerId()).isEqualTo("cus_portal" + order.substring(1));
    });
    assertThat(lifecycle.record(rma).refund().total()).isEqualTo(7_128);
    assertThat(browser.get(statusLink).body())
        .contains("Credited to your customer account: €78.41, including a bonus of €7.13");
    var refund = new Http(port).as("carl").get("/api/returns/" + rma).json();
    assertThat(refund.get("storeCreditBonusPercent").asInt()).isEqualTo(10);
    assertThat(refund.get("refund").get("total").asLong()).isEqualTo(7_128);
    assertThat(refund.get("refund").get("storeCreditBonus").asLong()).isEqualTo(713);
    assertThat(refund.get("refund").get("storeCredit").asLong()).isEqualTo(7_841);
  }

  @Test
  void theDemoOrdersShowWhatEachAllowsInPlainWords() {
    PortalBrowser browser = new PortalBrowser(port);

    assertThat(PortalSteps.lookUp(browser, "#1003", "sofia.rossi@example.com").body())
        .contains("Summer dress, size S (sale)", "Bought in a final sale: it cannot be returned.", "Canvas tote bag");
    assertThat(PortalSteps.lookUp(browser, "1005", "EMMA.SCHMIDT@example.com").body())
        .contains("Delivered 45 days ago. Items can be returned within 30 days of delivery.",
            "Nothing in this order can be returned at the moment");
    assertThat(PortalSteps.lookUp(browser, "#1007", "70173").body())
        .contains("Not delivered yet. You can return it once it has been delivered.");

    PortalSteps.lookUp(browser, "#1006", "noah.becker@example.com");
    PortalBrowser.Page resolution = browser.post("/returns/items",
        Map.of("lines[0].quantity", "1", "lines[0].reason", "NO_LONGER_NEEDED"));
    assertThat(resolution.body()).containsPattern("id=\"resolution-REFUND\"[^>]*disabled")
        .contains("Not possible for this order: its payment cannot be refunded here.");
    PortalBrowser.Page refused = browser.post("/returns/resolution", Map.of("resolution", "REFUND"));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.body()).contains("Choose how you would like it made right.");
    assertThat(browser.post("/returns/resolution", Map.of("resolution", "EXCHANGE")).body())
        .contains("Exchange: nothing is refunded.", "€0.00");
  }

  @Test
  void theCustomerCancelsTheReturnFromItsStatusPage() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalSteps.toReview(browser, order);
    PortalBrowser.Page confirmation = PortalSteps.submit(browser);
    String rma = PortalSteps.rmaNumber(confirmation);
    String statusLink = PortalSteps.statusLink(confirmation);
    browser.get(statusLink);

    PortalBrowser.Page after = browser.post(statusLink + "/cancel", Map.of());

    assertThat(after.path()).isEqualTo(statusLink);
    assertThat(after.body()).contains("Your return is cancelled").doesNotContain("Cancel this return");
    assertThat(lifecycle.status(rma)).isEqualTo(ReturnStatus.CANCELLED);
    assertThat(jdbc.sql("SELECT t.actor_type FROM rma_timeline t JOIN rma_return r ON r.id = t.return_id "
        + "WHERE r.rma_number = ? AND t.event = 'CANCEL_REQUESTED'").param(rma).query(String.class).list())
        .containsExactly("CUSTOMER");
  }

  @Test
  void theGermanPortalSpeaksGermanAndWritesGermanAmounts() {
    String order = PortalTestOrders.next();
    PortalBrowser german = new PortalBrowser(port, "de-DE,de;q=0.9");

    PortalBrowser.Page lookup = german.get("/returns");
    assertThat(lookup.body()).contains("<html lang=\"de\"", "Bestellung finden", "E-Mail-Adresse oder Postleitzahl");
    PortalBrowser.Page review = PortalSteps.toReview(german, order);
    assertThat(review.body()).contains("Voraussichtliche Erstattung", "71,28\u00a0€", "Retoure absenden")
        .doesNotContain("Estimated refund");
    String rma = PortalSteps.rmaNumber(PortalSteps.submit(german));
    assertThat(jdbc.sql("SELECT locale FROM rma_return WHERE rma_number = ?").param(rma).query(String.class).single())
        .as("the emails about it follow the customer's language").isEqualTo("de");

    PortalBrowser english = new PortalBrowser(port);
    assertThat(english.get("/returns").body()).contains("<html lang=\"en\"", "Find your order");
    assertThat(english.get("/returns?lang=de").body()).contains("<html lang=\"de\"", "Bestellung finden");
    assertThat(english.get("/returns").body()).as("the switch is remembered").contains("Bestellung finden");
    assertThat(english.get("/returns/accessibility").body()).contains("Barrierefreiheit", "WCAG");
    assertThat(english.get("/returns/accessibility?lang=en").body()).contains("<html lang=\"en\"", "Accessibility");
  }
}
