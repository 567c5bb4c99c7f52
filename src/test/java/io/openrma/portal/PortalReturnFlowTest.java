package io.openrma.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.openrma.returns.ReturnStatus;
import io.openrma.support.LifecycleDriver;
import org.junit.jupiter.api.Test;
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

    assertThat(jdbc.sql("SELECT created_by FROM rma_return WHERE order_id = ?").param("PT-" + order.substring(1))
        .query(String.class).list()).containsExactly("portal");
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
  }

  @Test
  void theRefundTheLifecyclePaysIsTheEstimateAndTheLabelDownloadsFromTheStatusPage() {
    String order = PortalTestOrders.next();
    PortalBrowser browser = new PortalBrowser(port);
    PortalBrowser.Page review = PortalSteps.toReview(browser, order);
    String estimate = review.body().replaceAll("(?s).*id=\"estimate-total\">([^<]+)<.*", "$1");
    PortalBrowser.Page confirmation = PortalSteps.submit(browser);
    String rma = PortalSteps.rmaNumber(confirmation);
    String statusLink = PortalSteps.statusLink(confirmation);

    lifecycle.runUntil(rma, ReturnStatus.LABEL_ISSUED);
    PortalBrowser.Page status = browser.get(statusLink);
    String labelLink = status.link("/returns/status/[^\"]+/label.pdf");
    assertThat(labelLink).as(status.body()).isNotNull();
    PortalBrowser.Page label = browser.get(labelLink);
    assertThat(label.status()).isEqualTo(200);
    assertThat(label.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(label.header("Content-Disposition")).startsWith("attachment").contains(rma + "-label.pdf");
    assertThat(label.body()).startsWith("%PDF");

    lifecycle.pickedUp(rma, "pickup-" + rma);
    lifecycle.arrived(rma, "scan-" + rma);
    lifecycle.inspect(rma, "NEW", "RESTOCK");
    lifecycle.runUntil(rma, ReturnStatus.CLOSED);

    long paid = lifecycle.record(rma).refund().total();
    assertThat(estimate).isEqualTo("€71.28");
    assertThat(paid).isEqualTo(7_128);
    assertThat(browser.get(statusLink).body()).contains("Refunded: €71.28", "Done: your return is complete");
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

    PortalBrowser english = new PortalBrowser(port);
    assertThat(english.get("/returns").body()).contains("<html lang=\"en\"", "Find your order");
    assertThat(english.get("/returns?lang=de").body()).contains("<html lang=\"de\"", "Bestellung finden");
    assertThat(english.get("/returns").body()).as("the switch is remembered").contains("Bestellung finden");
  }
}
